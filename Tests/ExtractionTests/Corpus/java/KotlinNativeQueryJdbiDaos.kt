// Source: two Kotlin data-access files (the index gave no repository names; open them with
// read_file id=…):
//   (a) id 6783577410   net.myspring.basic hr DutyLeaveRepository: Spring Data @Query("""…""",
//                       nativeQuery = true) + a custom impl building SQL with StringBuilder and
//                       EntityManager.createNativeQuery
//   (b) id 11073233778  AnyStream (AGPL-3.0) PlaybackStatesDao: JDBI SqlObject @SqlQuery/@SqlUpdate
//                       with `?`, `:name` and `<ids>` list markers (@BindList)
// Classes: 4-placeholders (?1/?2 and `in ?2` list binding, `?`, `:name`, JDBI `<ids>` with
//   @BindList), Kotlin raw strings opening on the annotation line (expect-next), 6-dynamic
//   (StringBuilder whose first append is a raw string, later `sb.append(" and …")` pieces),
//   other-dialect (MySQL `as 'accountName'` single-quoted aliases), 7-decoys (TODO("not
//   implemented"), @SqlUpdate with @UseClasspathSqlLocator (the SQL lives in a resource file),
//   license header, Chinese string value '请假').
// Adaptations: (a) and (b) concatenated; (b)'s license header, package and import lines are kept
//   as comments (a Kotlin file has one package and its imports first); `// expect-next:` comment
//   lines were added before every `@Query("""` and before the first `sb.append("""`. No other
//   line was changed.
// Decision (README-B.md): JDBI `<ids>` bound with @BindList is expanded by the library into a list
//   of bind markers, like pgtyped `$$ages` (convention 6) → static.

// ---- (a) id 6783577410
package net.myspring.basic.modules.hr.repository

import net.myspring.basic.common.repository.BaseRepository
import net.myspring.basic.modules.hr.domain.DutyLeave
import net.myspring.basic.modules.hr.dto.DutyDto
import net.myspring.basic.modules.hr.dto.DutyLeaveDto
import net.myspring.basic.modules.hr.web.query.DutyLeaveQuery
import net.myspring.util.collection.CollectionUtil
import org.springframework.beans.factory.annotation.Autowired
import org.springframework.data.domain.Page
import org.springframework.data.domain.Pageable
import org.springframework.data.jpa.repository.Query
import java.time.LocalDate
import java.time.LocalDateTime
import javax.persistence.EntityManager

/**
 * Created by lihx on 2017/5/24.
 */
interface DutyLeaveRepository : BaseRepository<DutyLeave, String>, DutyLeaveRepositoryCustom{
    // expect-next: static
    @Query("""
        SELECT
              t1.*
            FROM
            hr_duty_leave t1
            WHERE
            t1.enabled=1
            AND t1.employee_id=?1 AND t1.duty_date=?2 AND t1.date_type=?3
    """, nativeQuery = true)
    fun findByEmployeeAndDateAndDateType(employeeId: String, date: LocalDate, dateType: String): DutyLeave

    // expect-next: static
    @Query("""
        SELECT
            '请假' as dutyType,t1.duty_date,t1.remarks,t2.login_name as 'accountName' ,'QJ' AS 'prefix',t1.id
            FROM
            hr_duty_leave t1, hr_account t2,hr_employee t3
            WHERE
            t1.enabled=1 AND t1.employee_id=t3.id and t3.account_id=t2.id
            AND t2.leader_id=?1 AND t1.status=?2 AND t1.created_date>=?3
    """, nativeQuery = true)
    fun findByAuditable(leaderId: String, status: String, dateStart: LocalDateTime): MutableList<DutyDto>

    // expect-next: static
    @Query("""
        SELECT
        t1.*
        FROM
        hr_duty_leave t1
        WHERE
        t1.enabled=1
        AND t1.employee_id=?1
        AND t1.duty_date in ?2
    """, nativeQuery = true)
    fun findByDutyDateList(employeeId: String, dutyDateList: MutableList<LocalDate>): MutableList<DutyLeave>

    // expect-next: static
    @Query("""
        SELECT
            t1.*
            FROM
            hr_duty_leave t1
            WHERE
            t1.enabled=1
            AND t1.employee_id=?1
            AND t1.duty_date =?2
    """, nativeQuery = true)
    fun findByDutyDate(employeeId: String, dutyDate: LocalDate): MutableList<DutyLeave>

    // expect-next: static
    @Query("""
        SELECT
            t1.*
            FROM
            hr_duty_leave t1
            WHERE
            t1.enabled=1
            AND t1.duty_date >= ?1 and t1.duty_date <= ?2
            and t1.status in ?3
    """, nativeQuery = true)
    fun findByDateAndStatusList(dateStart: LocalDate, dateEnd: LocalDate, statusList: MutableList<String>): MutableList<DutyLeave>

    // expect-next: static
    @Query("""
        SELECT
            t1.*
            FROM
            hr_duty_leave t1
            WHERE
            t1.enabled=1
            AND t1.employee_id=?1
            AND t1.duty_date >=?2
            and t1.duty_date <=?3
    """, nativeQuery = true)
    fun findByEmployeeAndDate(employeeId: String, dateStart: LocalDate, dateEnd: LocalDate): MutableList<DutyLeave>



}
interface DutyLeaveRepositoryCustom{
    fun findByAccountIdAndDutyDate(dateStart: LocalDate, dateEnd: LocalDate, accountIds: MutableList<Long>): MutableList<DutyLeave>

    fun findPage(pageable: Pageable, dutyLeaveQuery: DutyLeaveQuery): Page<DutyLeaveDto>
}

class DutyLeaveRepositoryImpl @Autowired constructor(val entityManager: EntityManager):DutyLeaveRepositoryCustom{
    override fun findPage(pageable: Pageable, dutyLeaveQuery: DutyLeaveQuery): Page<DutyLeaveDto> {
        TODO("not implemented") //To change body of created functions use File | Settings | File Templates.
    }

    override fun findByAccountIdAndDutyDate(dateStart: LocalDate, dateEnd: LocalDate, accountIds: MutableList<Long>): MutableList<DutyLeave> {
        var sb = StringBuilder();
        // expect-next: dynamic
        sb.append("""
            SELECT
            le.employee_id,
            le.duty_date,
            le.leave_type,
            le.date_type
            FROM
            hr_duty_leave le
            WHERE
            le.duty_date  >= :dateStart
            AND le.duty_date  <= :dateEnd
        """);
        if (CollectionUtil.isNotEmpty(accountIds)){
            sb.append(" and le.employee_id in :accountIds")
        }
        sb.append(" ORDER BY le.employee_id,le.duty_date asc");
        var query = entityManager.createNativeQuery(sb.toString(), DutyLeave::class.java);
        query.setParameter("dateStart", dateStart);
        query.setParameter("dateEnd", dateEnd);
        query.setParameter("accountIds", accountIds);
        return query.resultList as MutableList<DutyLeave>
    }

}

// ---- (b) id 11073233778
// /**
//  * AnyStream
//  * Copyright (C) 2021 AnyStream Maintainers
//  * (GNU Affero General Public License v3 or later; full notice left out)
//  */
// package anystream.db
//
// import anystream.db.model.PlaybackStateDb
// import kotlinx.datetime.Instant
// import org.jdbi.v3.sqlobject.customizer.BindList
// import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator
// import org.jdbi.v3.sqlobject.statement.SqlQuery
// import org.jdbi.v3.sqlobject.statement.SqlUpdate

interface PlaybackStatesDao {

    @SqlUpdate
    @UseClasspathSqlLocator
    fun insertState(state: PlaybackStateDb, createdAt: Instant): Int

    @SqlQuery("SELECT * FROM playbackStates WHERE id = ?") // expect: static
    fun findById(id: Int): PlaybackStateDb?

    @SqlQuery("SELECT * FROM playbackStates WHERE id IN (<ids>)") // expect: static
    fun findByIds(@BindList("ids") ids: List<Int>): List<PlaybackStateDb>

    @SqlQuery("SELECT * FROM playbackStates WHERE gid IN (<ids>)") // expect: static
    fun findByGids(@BindList("ids") ids: List<String>): List<PlaybackStateDb>

    @SqlQuery("SELECT * FROM playbackStates WHERE userId = ? ORDER BY updatedAt DESC LIMIT ?") // expect: static
    fun findByUserId(userId: Int, limit: Int): List<PlaybackStateDb>

    @SqlQuery("SELECT * FROM playbackStates WHERE userId = ? AND mediaGid = ?") // expect: static
    fun findByUserIdAndMediaGid(userId: Int, mediaGid: String): PlaybackStateDb?

    @SqlQuery("SELECT * FROM playbackStates WHERE userId = ? AND mediaReferenceId = ?") // expect: static
    fun findByUserIdAndMediaRefGid(userId: Int, mediaRefGid: String): PlaybackStateDb?

    @SqlQuery("SELECT * FROM playbackStates WHERE userId = :userId AND mediaGid IN (<mediaGids>)") // expect: static
    fun findByUserIdAndMediaGids(userId: Int, @BindList("mediaGids") mediaGids: List<String>): List<PlaybackStateDb>

    @SqlUpdate("UPDATE playbackStates SET position = :position, updatedAt = :updatedAt WHERE gid = :gid") // expect: static
    fun updatePosition(gid: String, position: Double, updatedAt: Instant)

    @SqlUpdate("DELETE FROM playbackStates WHERE gid = ?") // expect: static
    fun deleteByGid(gid: String)
}
