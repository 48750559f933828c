// Source: four Flyway Java migrations (BaseJavaMigration) found with find_string
// "extends BaseJavaMigration" (index ids 19310254447, 71577830542, 59041363882, 6387796732; the
// last one is in package org.scada_lts.dao.migration.mysql, the third in io.openaev.migration);
// repository names not returned. Complete files, verbatim, concatenated. Adaptation: so that the
// file stays one compilation unit, the package/import lines of the second to fourth files are
// kept as comments (duplicate Flyway imports dropped) and `public` is removed from their classes.
// Classes: migrations (Flyway Java migrations, JDBC Statement/PreparedStatement, Spring
//          JdbcTemplate queryForObject/update), static concatenation of literals only (createCOG),
//          dynamic ("... WHERE ScheduleId = " + scheduleId + ";" in loops, one per statement; the
//          SQL is built before prepareStatement(var) — label on the literal), a Java text block
//          with %s holes filled by .formatted(...) (dynamic, label with expect-next because the
//          line `return """` cannot carry a comment), a text block handed to statement.execute(
//          on the same line (expect-next), MySQL backticks / AUTO_INCREMENT / ENGINE=InnoDB /
//          DATABASE() (hard), statements with a trailing ';' inside the literal,
//          decoys (getInt("ScheduleId") / getString("SequenceNumber") column names, exception
//          texts "Cannot index advance with invalid due date: ", SCHEME_PATTERN regex, table and
//          column names passed as arguments, Chinese Javadoc, LOG.error).

// ---------------------------------------------------------------- id 19310254447
package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

public class V9__Create_CourseOfferingGroup_model extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();

		// Create the CourseOfferingGroups table
		String createCOG = "CREATE TABLE IF NOT EXISTS `CourseOfferingGroups` (" // expect: static
				+ "`id` int(11) unsigned NOT NULL AUTO_INCREMENT,"
				+ "`ScheduleId` INT NOT NULL,"
				+ "PRIMARY KEY (`id`)"
				+ ") ENGINE=InnoDB;";
		PreparedStatement stCreateCOG = connection.prepareStatement(createCOG);
		stCreateCOG.execute();
		stCreateCOG.close();

		// Add CourseOfferingGroupId to CourseOfferings
		String addCOGIdToCOs = "ALTER TABLE `CourseOfferings`  ADD COLUMN `CourseOfferingGroupId` INT(11) NULL;"; // expect: static
		PreparedStatement stAddCOGIdToCOs = connection.prepareStatement(addCOGIdToCOs);
		stAddCOGIdToCOs.execute();
		stAddCOGIdToCOs.close();


		String schedules = "SELECT * FROM Schedules"; // expect: static
		PreparedStatement stSchedules = connection.prepareStatement(schedules);

		try {
			ResultSet rsSchedules = stSchedules.executeQuery(schedules);
			// Loop over schedules
			while (rsSchedules.next()) {
				int scheduleId = rsSchedules.getInt("ScheduleId");

				// Get the schedule courseOfferings
				String courseOfferings1 = "SELECT * FROM CourseOfferings WHERE ScheduleId = " + scheduleId + ";"; // expect: dynamic
				PreparedStatement stCourseOfferings1 = connection.prepareStatement(courseOfferings1);
				ResultSet rsCourseOfferings1 = stCourseOfferings1.executeQuery(courseOfferings1);

				// Create an array to indicate which COs were already processed
				List<Integer> processedCOs = new ArrayList<Integer>(); 

				while (rsCourseOfferings1.next()) {
					Integer coId1 = rsCourseOfferings1.getInt("CourseOfferingId");
					Integer courseId1 = rsCourseOfferings1.getInt("CourseId");

					if (!processedCOs.contains(coId1)) {

						processedCOs.add(coId1);
						// Create a new group entry in CourseOfferingGroups table
						String newCOG = "INSERT INTO `CourseOfferingGroups` (`ScheduleId`) VALUES (" + scheduleId + ");"; // expect: dynamic
						PreparedStatement stNewCOG = connection.prepareStatement(newCOG, Statement.RETURN_GENERATED_KEYS);
						stNewCOG.execute();

						// Get the Id of the newly generated COG
						ResultSet generatedCOGKeys = stNewCOG.getGeneratedKeys();
						if (generatedCOGKeys.next()) {
							int cogId = generatedCOGKeys.getInt(1);

							// associate this Co to the entry we just created
							String associateCo1 = "UPDATE `CourseOfferings` SET `CourseOfferingGroupId` = " + cogId + " WHERE CourseOfferingId = " + coId1 + ";"; // expect: dynamic
							PreparedStatement stAssociateCO1 = connection.prepareStatement(associateCo1);
							stAssociateCO1.execute();
							stAssociateCO1.close();

							// Get the courseOffering Sections
							String sections1 = "SELECT * FROM Sections WHERE CourseOfferings_CourseOfferingId = " + coId1 + ";"; // expect: dynamic
							PreparedStatement stSections1 = connection.prepareStatement(sections1);
							ResultSet rsSections1 = stSections1.executeQuery(sections1);

							if (rsSections1.next()) {
								// Get the rest of the schedule courseOfferings
								String courseOfferings2 = "SELECT * FROM CourseOfferings WHERE ScheduleId = " + scheduleId + ";"; // expect: dynamic
								PreparedStatement stCourseOfferings2 = connection.prepareStatement(courseOfferings2);
								ResultSet rsCourseOfferings2 = stCourseOfferings2.executeQuery(courseOfferings2);

								while (rsCourseOfferings2.next()) {
									Integer coId2 = rsCourseOfferings2.getInt("CourseOfferingId");
									Integer courseId2 = rsCourseOfferings2.getInt("CourseId");

									if (courseId1 == courseId2) {
	
										// Get the courseOffering Sections
										String sections2 = "SELECT * FROM Sections WHERE CourseOfferings_CourseOfferingId = " + coId2 + ";"; // expect: dynamic
										PreparedStatement stSections2 = connection.prepareStatement(sections2);
										ResultSet rsSections2 = stSections2.executeQuery(sections2);
	
										if (rsSections2.next()) {
											String sequence1 = rsSections1.getString("SequenceNumber");
											String sequence2 = rsSections2.getString("SequenceNumber");
	
											if	(
													// In the case the sequence starts with a letter and the letter matches
													(	Character.isLetter(sequence1.charAt(0))
															&&	Character.toUpperCase(sequence1.charAt(0)) == Character.toUpperCase(sequence2.charAt(0)) )
															||
															// In the case the sequence starts with a number and the whole sequence matches
															(	Character.isDigit(sequence1.charAt(0)) && sequence1.equals(sequence2) )
													) {
												processedCOs.add(coId2);
	
												// associate this Co to the same entry
												String associateCo2 = "UPDATE `CourseOfferings` SET `CourseOfferingGroupId` = " + cogId + " WHERE CourseOfferingId = " + coId2 + ";"; // expect: dynamic
												PreparedStatement stAssociateCO2 = connection.prepareStatement(associateCo2);
												stAssociateCO2.execute();
												stAssociateCO2.close();
											}
										}
										rsSections2.close();
									}
								}
							}
							stSections1.close();
						}
						stNewCOG.close();

					}
				} // while (rsCourseOfferings1.next())
				stCourseOfferings1.close();
			} // while (rsSchedules.next())
			stSchedules.close();

			// Add CourseOfferingGroupId to CourseOfferings
			String removeScheduleIdFromCOs = "ALTER TABLE `CourseOfferings` DROP COLUMN `ScheduleId`;"; // expect: static
			PreparedStatement stRemoveScheduleIdFromCOs = connection.prepareStatement(removeScheduleIdFromCOs);
			stRemoveScheduleIdFromCOs.execute();

		} finally {
			stSchedules.close();
		}
	}

}

// ---------------------------------------------------------------- id 71577830542
// package db.migration;
//
// import com.fasterxml.jackson.databind.ObjectMapper;
// import io.agentflow.common.JsonUtil;
// import java.time.LocalDate;

/**
 * 从不可变放款背景补齐约定归还日；提醒证据独立保存，不修改原余额和资金历史。
 * @author owlzhangfq@gmail.com
 */
class V102__Advance_overdue_reminders extends BaseJavaMigration {
    /** 固定历史迁移契约。 */
    @Override public Integer getChecksum() { return 2026100302; }

    /** 损坏日期直接阻断升级，不将无法核对的借款当作未逾期。 */
    @Override public void migrate(Context context) throws Exception {
        var connection = context.getConnection(); var json = new JsonUtil(new ObjectMapper());
        try (var statement = connection.createStatement()) { statement.execute("ALTER TABLE employee_advance_order ADD COLUMN due_on DATE"); } // expect: static
        try (var select = connection.prepareStatement("SELECT tenant_id,id,context_json FROM finance_resource WHERE resource_type='ADVANCE'"); // expect: static
             var update = connection.prepareStatement("UPDATE employee_advance_order SET due_on=? WHERE tenant_id=? AND advance_id=?")) { // expect: static
            select.setFetchSize(256);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    LocalDate dueOn;
                    try { dueOn = LocalDate.parse((String) json.map(rows.getString("context_json")).get("dueOn")); }
                    catch (RuntimeException invalid) { throw new IllegalStateException("Cannot index advance with invalid due date: " + rows.getString("tenant_id") + "/" + rows.getString("id")); }
                    update.setDate(1, java.sql.Date.valueOf(dueOn)); update.setString(2, rows.getString("tenant_id")); update.setString(3, rows.getString("id"));
                    if (update.executeUpdate() != 1) throw new IllegalStateException("Advance due date index is missing");
                }
            }
        }
        try (var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE employee_advance_order ALTER COLUMN due_on SET NOT NULL"); // expect: static
            statement.execute("CREATE INDEX idx_advance_due_owner ON employee_advance_order(tenant_id,employee_id,legal_entity_id,due_on,advance_id)"); // expect: static
            statement.execute("CREATE INDEX idx_advance_due_scan ON employee_advance_order(due_on,tenant_id,advance_id)"); // expect: static
            // expect-next: static
            statement.execute("""
                    CREATE TABLE advance_overdue_reminder (
                        tenant_id VARCHAR(64) NOT NULL,
                        advance_id VARCHAR(36) NOT NULL,
                        inbox_id VARCHAR(36) NOT NULL,
                        employee_id VARCHAR(128) NOT NULL,
                        advance_version BIGINT NOT NULL CHECK (advance_version > 0),
                        observed_on DATE NOT NULL,
                        time_zone VARCHAR(64) NOT NULL,
                        outstanding DECIMAL(17,2) NOT NULL CHECK (outstanding > 0),
                        currency VARCHAR(3) NOT NULL,
                        created_at TIMESTAMP WITH TIME ZONE NOT NULL,
                        PRIMARY KEY (tenant_id,advance_id),
                        CONSTRAINT fk_overdue_advance FOREIGN KEY (tenant_id,advance_id) REFERENCES employee_advance_order(tenant_id,advance_id),
                        CONSTRAINT fk_overdue_inbox FOREIGN KEY (inbox_id) REFERENCES notification_inbox(id)
                    )
                    """);
        }
    }
}

// ---------------------------------------------------------------- id 59041363882
// package io.openaev.migration;
//
// import org.springframework.stereotype.Component;

/**
 * Data backfill for external URLs containing duplicated slashes.
 *
 * <p>When the configured OpenCTI base URL ended with a trailing {@code /}, the concatenation with
 * the relative path produced URLs such as {@code https://opencti.local//dashboard/id/xxx}. The
 * concatenation is now normalised in {@code SecurityCoverageService}, but rows persisted before the
 * fix keep the extra slash.
 *
 * <p>This migration rewrites {@code security_coverages.security_coverage_external_url} and {@code
 * scenarios.scenario_external_url}: the scheme separator ({@code ://}) is preserved as-is and every
 * remaining sequence of consecutive slashes in the path is collapsed into a single one. Only rows
 * actually affected are updated, which makes the migration idempotent.
 */
@Component
class V6_20260902100000000__Fix_duplicated_slash_in_external_urls extends BaseJavaMigration {

  /** Matches the scheme part of an absolute URL, e.g. {@code https://}. */
  private static final String SCHEME_PATTERN = "^[a-zA-Z][a-zA-Z0-9+.-]*://";

  private static String normalizeUrlStatement(String table, String column) {
    // expect-next: dynamic
    return """
        UPDATE %s
        SET %s = substring(%s from '%s')
                 || regexp_replace(substring(%s from '%s(.*)$'), '/{2,}', '/', 'g')
        WHERE %s ~ '%s.*//';
        """
        .formatted(
            table, column, column, SCHEME_PATTERN, column, SCHEME_PATTERN, column, SCHEME_PATTERN);
  }

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      // 1. Security coverages external URLs (built from the OpenCTI base URL).
      statement.execute(
          normalizeUrlStatement("security_coverages", "security_coverage_external_url"));

      // 2. Scenario external URLs (propagated from the same source).
      statement.execute(normalizeUrlStatement("scenarios", "scenario_external_url"));
    }
  }
}

// ---------------------------------------------------------------- id 6387796732
// package org.scada_lts.dao.migration.mysql;
//
// import org.apache.commons.logging.Log;
// import org.apache.commons.logging.LogFactory;
// import org.scada_lts.dao.DAO;
// import org.springframework.jdbc.core.JdbcTemplate;

class V2_8_0_1__AddTypeRef3ColumnToEvents extends BaseJavaMigration {

    private static final Log LOG = LogFactory.getLog(V2_8_0_1__AddTypeRef3ColumnToEvents.class);

    @Override
    public void migrate(Context context) throws Exception {

        final JdbcTemplate jdbcTmp = DAO.getInstance().getJdbcTemp();

        try {
            migrate(jdbcTmp);
        } catch (Exception ex) {
            LOG.error(ex.getMessage(), ex);
            throw ex;
        }
    }

    private void migrate(JdbcTemplate jdbcTmp) {

        boolean existsTypeRef3Column = jdbcTmp.queryForObject("SELECT (SELECT `TABLE_NAME` FROM `INFORMATION_SCHEMA`.`COLUMNS` WHERE `TABLE_SCHEMA`= DATABASE() AND `TABLE_NAME`='events' AND `COLUMN_NAME`='typeRef3') IS NOT NULL;", boolean.class); // expect: static

        if(!existsTypeRef3Column)
            jdbcTmp.update( "ALTER TABLE events ADD COLUMN typeRef3 int not null"); // expect: static
    }
}
