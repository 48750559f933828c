// Source: JabRef/jabref, src/main/java/org/jabref/logic/shared/PostgreSQLProcessor.java
// (read_file id 42581210240, commit 0b1746d31e73aea174ef4aedb55c9fec5d606a3e). Whole file,
// unchanged except for this header and the label comments appended at line ends.
// Classes: plain JDBC createStatement().executeUpdate/execute and prepareStatement; DDL built
// with + across lines around a schema-qualified, quoted table name returned by a helper
// (escape_Table -> jabref."ENTRY"); REFERENCES ... ON DELETE CASCADE, SERIAL; INSERT ... SELECT *
// migration statements; a literal-only SELECT setval(...) with escaped quotes; a StringBuilder
// INSERT whose VALUES list is widened by ", (?)".repeat(n); LISTEN, NOTIFY with a spliced id.
// Decoys: checkTableAvailability("ENTRY", "FIELD", "METADATA"), .replace(";", ""), the quoting
// helpers' "\"" + expression + "\"" and "jabref." + ..., log and error texts ("SQL Error ...").
package org.jabref.logic.shared;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.jabref.gui.JabRefExecutorService;
import org.jabref.logic.shared.listener.PostgresSQLNotificationListener;
import org.jabref.model.entry.BibEntry;
import org.jabref.model.metadata.MetaData;
import org.postgresql.PGConnection;

/**
 * Processes all incoming or outgoing bib data to PostgreSQL database and manages its structure.
 */
public class PostgreSQLProcessor extends DBMSProcessor {

    private PostgresSQLNotificationListener listener;

    private int VERSION_DB_STRUCT_DEFAULT = -1;
    private final int CURRENT_VERSION_DB_STRUCT = 1;

    public PostgreSQLProcessor(DatabaseConnection connection) {
        super(connection);
    }

    /**
     * Creates and sets up the needed tables and columns according to the database type.
     *
     * @throws SQLException in case of error
     */
    @Override
    public void setUp() throws SQLException {
        if (
            CURRENT_VERSION_DB_STRUCT == 1 &&
            checkTableAvailability("ENTRY", "FIELD", "METADATA")
        ) {
            // checkTableAvailability does not distinguish if same table name exists in different schemas
            // VERSION_DB_STRUCT_DEFAULT must be forced
            VERSION_DB_STRUCT_DEFAULT = 0;
        }

        connection
            .createStatement()
            .executeUpdate("CREATE SCHEMA IF NOT EXISTS jabref"); // expect: static

        connection
            .createStatement()
            .executeUpdate(
                "CREATE TABLE IF NOT EXISTS " + // expect: dynamic
                escape_Table("ENTRY") +
                " (" +
                "\"SHARED_ID\" SERIAL PRIMARY KEY, " +
                "\"TYPE\" VARCHAR, " +
                "\"VERSION\" INTEGER DEFAULT 1)"
            );

        connection
            .createStatement()
            .executeUpdate(
                "CREATE TABLE IF NOT EXISTS " + // expect: dynamic
                escape_Table("FIELD") +
                " (" +
                "\"ENTRY_SHARED_ID\" INTEGER REFERENCES " +
                escape_Table("ENTRY") +
                "(\"SHARED_ID\") ON DELETE CASCADE, " +
                "\"NAME\" VARCHAR, " +
                "\"VALUE\" TEXT)"
            );

        connection
            .createStatement()
            .executeUpdate(
                "CREATE TABLE IF NOT EXISTS " + // expect: dynamic
                escape_Table("METADATA") +
                " (" +
                "\"KEY\" VARCHAR," +
                "\"VALUE\" TEXT)"
            );

        Map<String, String> metadata = getSharedMetaData();

        if (metadata.get(MetaData.VERSION_DB_STRUCT) != null) {
            try {
                // replace semicolon so we can parse it
                VERSION_DB_STRUCT_DEFAULT =
                    Integer.parseInt(
                        metadata
                            .get(MetaData.VERSION_DB_STRUCT)
                            .replace(";", "")
                    );
            } catch (Exception e) {
                LOGGER.warn("[VERSION_DB_STRUCT_DEFAULT] not Integer!");
            }
        } else {
            LOGGER.warn("[VERSION_DB_STRUCT_DEFAULT] not Exist!");
        }

        if (VERSION_DB_STRUCT_DEFAULT < CURRENT_VERSION_DB_STRUCT) {
            // We can to migrate from old table in new table
            if (
                VERSION_DB_STRUCT_DEFAULT == 0 && CURRENT_VERSION_DB_STRUCT == 1
            ) {
                LOGGER.info("Migrating from VersionDBStructure == 0");
                connection
                    .createStatement()
                    .executeUpdate(
                        "INSERT INTO " + // expect: dynamic
                        escape_Table("ENTRY") +
                        " SELECT * FROM \"ENTRY\""
                    );
                connection
                    .createStatement()
                    .executeUpdate(
                        "INSERT INTO " + // expect: dynamic
                        escape_Table("FIELD") +
                        " SELECT * FROM \"FIELD\""
                    );
                connection
                    .createStatement()
                    .executeUpdate(
                        "INSERT INTO " + // expect: dynamic
                        escape_Table("METADATA") +
                        " SELECT * FROM \"METADATA\""
                    );
                connection
                    .createStatement()
                    .execute(
                        "SELECT setval(\'jabref.\"ENTRY_SHARED_ID_seq\"\', (select max(\"SHARED_ID\") from jabref.\"ENTRY\"))" // expect: static
                    );
                metadata = getSharedMetaData();
            }

            metadata.put(
                MetaData.VERSION_DB_STRUCT,
                String.valueOf(CURRENT_VERSION_DB_STRUCT)
            );
            setSharedMetaData(metadata);
        }
    }

    @Override
    protected void insertIntoEntryTable(List<BibEntry> bibEntries) {
        StringBuilder insertIntoEntryQuery = new StringBuilder()
            .append("INSERT INTO ") // expect: dynamic
            .append(escape_Table("ENTRY"))
            .append("(")
            .append(escape("TYPE"))
            .append(") VALUES(?)");
        // Number of commas is bibEntries.size() - 1
        insertIntoEntryQuery.append(
            ", (?)".repeat(Math.max(0, bibEntries.size() - 1))
        );
        try (
            PreparedStatement preparedEntryStatement = connection.prepareStatement(
                insertIntoEntryQuery.toString(),
                Statement.RETURN_GENERATED_KEYS
            )
        ) {
            for (int i = 0; i < bibEntries.size(); i++) {
                preparedEntryStatement.setString(
                    i + 1,
                    bibEntries.get(i).getType().getName()
                );
            }
            preparedEntryStatement.executeUpdate();

            try (
                ResultSet generatedKeys = preparedEntryStatement.getGeneratedKeys()
            ) {
                // The following assumes that we get the generated keys in the order the entries were inserted
                // This should be the case
                for (BibEntry bibEntry : bibEntries) {
                    generatedKeys.next();
                    bibEntry
                        .getSharedBibEntryData()
                        .setSharedID(generatedKeys.getInt(1));
                }
                if (generatedKeys.next()) {
                    LOGGER.error("Some shared IDs left unassigned");
                }
            }
        } catch (SQLException e) {
            LOGGER.error("SQL Error during entry insertion", e);
        }
    }

    @Override
    String escape(String expression) {
        return "\"" + expression + "\"";
    }

    @Override
    String escape_Table(String expression) {
        return "jabref." + escape(expression);
    }

    @Override
    Integer getCURRENT_VERSION_DB_STRUCT() {
        return CURRENT_VERSION_DB_STRUCT;
    }

    @Override
    public void startNotificationListener(DBMSSynchronizer dbmsSynchronizer) {
        // Disable cleanup output of ThreadedHousekeeper
        // Logger.getLogger(ThreadedHousekeeper.class.getName()).setLevel(Level.SEVERE);
        try {
            connection.createStatement().execute("LISTEN jabrefLiveUpdate"); // expect: static
            // Do not use `new PostgresSQLNotificationListener(...)` as the object has to exist continuously!
            // Otherwise, the listener is going to be deleted by Java's garbage collector.
            PGConnection pgConnection = connection.unwrap(PGConnection.class);
            listener =
                new PostgresSQLNotificationListener(
                    dbmsSynchronizer,
                    pgConnection
                );
            JabRefExecutorService.INSTANCE.execute(listener);
        } catch (SQLException e) {
            LOGGER.error(
                "SQL Error during starting the notification listener",
                e
            );
        }
    }

    @Override
    public void stopNotificationListener() {
        try {
            listener.stop();
            connection.close();
        } catch (SQLException e) {
            LOGGER.error(
                "SQL Error during stopping the notification listener",
                e
            );
        }
    }

    @Override
    public void notifyClients() {
        try {
            connection
                .createStatement()
                .execute("NOTIFY jabrefLiveUpdate, '" + PROCESSOR_ID + "';"); // expect: dynamic
        } catch (SQLException e) {
            LOGGER.error("SQL Error during client notification", e);
        }
    }
}
