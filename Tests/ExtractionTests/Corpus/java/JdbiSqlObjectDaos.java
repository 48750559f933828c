// Source: two JDBI SqlObject DAO interfaces (the index gave no repository names; open them with
// read_file id=…):
//   (a) id 71314252053  mn.tasky.common.feature FeatureToggleDao (JDBI v3)
//   (b) id 45340016073  nl.kb.dare.model.preproces RecordDao (JDBI v2, Oracle)
// Classes: 4-placeholders (:name, @BindBean properties), literal-only `+` concatenation inside
//   annotations (static, one label on the first line), CASE WHEN NOW() in an UPDATE, @SqlBatch,
//   other-dialect (Oracle `FROM dual`, `ROWNUM <= :limit`, `SEQ_DARE_PREPROCES.nextval`),
//   7-decoys (a default method calling update(...), @Bind("…") names, mapper annotations).
// Adaptations: (a) and (b) concatenated; (b)'s package and import lines are comments and `public`
//   was dropped from its interface (one public type per file). No other line was changed.

// ---- (a) id 71314252053
package mn.tasky.common.feature;

import static mn.tasky.common.persistence.UuidHelper.required;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(FeatureToggle.class)
public interface FeatureToggleDao {

    @SqlQuery("SELECT id, feature_name, is_enabled, activated_at, deactivated_at, updated_by, updated_at " // expect: static
            + "FROM feature_toggles ORDER BY feature_name")
    List<FeatureToggle> findAll();

    @SqlQuery("SELECT id, feature_name, is_enabled, activated_at, deactivated_at, updated_by, updated_at " // expect: static
            + "FROM feature_toggles WHERE feature_name = :featureName")
    Optional<FeatureToggle> findByName(@Bind("featureName") String featureName);

    default void update(String featureName, boolean enabled, String updatedBy) {
        update(featureName, enabled, required(updatedBy, "updatedBy"));
    }

    @SqlUpdate("UPDATE feature_toggles SET is_enabled = :enabled, " // expect: static
            + "activated_at = CASE WHEN :enabled THEN now() ELSE activated_at END, "
            + "deactivated_at = CASE WHEN NOT :enabled THEN now() ELSE deactivated_at END, "
            + "updated_by = :updatedBy, updated_at = now() "
            + "WHERE feature_name = :featureName")
    void update(
            @Bind("featureName") String featureName,
            @Bind("enabled") boolean enabled,
            @Bind("updatedBy") UUID updatedBy);
}

// ---- (b) id 45340016073
// package nl.kb.dare.model.preproces;
//
// import nl.kb.oaipmh.OaiRecordHeader;
// import org.skife.jdbi.v2.sqlobject.Bind;
// import org.skife.jdbi.v2.sqlobject.BindBean;
// import org.skife.jdbi.v2.sqlobject.SqlBatch;
// import org.skife.jdbi.v2.sqlobject.SqlQuery;
// import org.skife.jdbi.v2.sqlobject.SqlUpdate;
// import org.skife.jdbi.v2.sqlobject.customizers.RegisterMapper;
//
// import java.util.List;

@RegisterMapper(RecordMapper.class)
interface RecordDao {

    @SqlBatch("INSERT INTO DARE_PREPROCES (ID, STATE, KBOBJID, TS_CREATE, REPOSITORY_ID, OAI_ID, OAI_DATESTAMP) " + // expect: static
            "VALUES (SEQ_DARE_PREPROCES.nextval, :state, :kbObjId, CURRENT_TIMESTAMP, :repositoryId, :oaiIdentifier, :oaiDateStamp)")
    void insertBatch(@BindBean List<Record> recordList);

    @SqlQuery("select case " + // expect: static
            "            when exists (select 1 " +
            "                         from dare_preproces " +
            "                         where oai_id = :identifier and oai_datestamp = :dateStamp) " +
            "            then 1 " +
            "            else 0 " +
            "        end " +
            "from dual")
    Boolean existsByDatestampAndIdentifier(@BindBean OaiRecordHeader oaiRecordHeader);



    @SqlQuery("select * from DARE_PREPROCES where STATE = :process_status_code AND REPOSITORY_ID = :repository_id AND ROWNUM <= :limit") // expect: static
    List<Record> fetchNextWithProcessStatusByRepositoryId(
            @Bind("process_status_code") Integer processStatusCode,
            @Bind("limit") Integer limit,
            @Bind("repository_id") Integer repositoryId);



    @SqlUpdate("update DARE_PREPROCES set STATE = :state where ID = :id") // expect: static
    void updateState(@BindBean Record record);

    @SqlQuery("select * from DARE_PREPROCES where STATE = :process_status_code") // expect: static
    List<Record> fetchAllByProcessStatus(@Bind("process_status_code") Integer processStatusCode);
}
