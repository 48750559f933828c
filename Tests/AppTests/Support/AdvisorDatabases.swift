import Foundation
import Logging
import PostgresNIO
import TestDatabaseSupport
import Testing

/// A schema-only copy of the sample database (`pg_dump --schema-only`), where the tests run every
/// `CREATE INDEX` the advisor emits — the sample database itself is never changed.
enum DDLCheckDatabase {
    static let name = "dbooster_advisor_ddl"

    static func url() async throws -> String {
        try await ready.value
        return SampleTargetDatabase.url(user: "postgres", password: "").replacingOccurrences(of: "postgres:@", with: "postgres@")
            .replacingOccurrences(of: "/\(SampleTargetDatabase.name)?", with: "/\(name)?")
    }

    /// Runs `statements` one by one (outside any transaction, as `CONCURRENTLY` needs), checks the
    /// indexes they create are valid, then drops them again.
    static func execute(_ statements: [String], expectValidParent parent: String? = nil) async throws {
        guard !statements.isEmpty else { return }
        try await withConnection { connection in
            let before = try await names(connection)
            for statement in statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: TestDatabase.logger)
            }
            let created = try await names(connection).subtracting(before)
            #expect(!created.isEmpty, "\(statements)")
            let invalid = try await connection.query("""
                SELECT count(*)::int FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE NOT i.indisvalid AND c.relname = ANY(\(Array(created)))
                """, logger: TestDatabase.logger).first(as: Int.self)
            #expect(invalid == 0, "invalid indexes after \(statements)")
            // Dropping a partitioned parent drops its attached partition indexes with it.
            let roots = try await connection.query("""
                SELECT c.relname FROM pg_class c WHERE c.relname = ANY(\(Array(created)))
                AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = c.oid)
                """, logger: TestDatabase.logger).all(as: String.self)
            for root in roots {
                try await connection.query(PostgresQuery(unsafeSQL: "DROP INDEX IF EXISTS \"\(root)\""), logger: TestDatabase.logger)
            }
        }
    }

    static func withConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await ready.value
        return try await AdvisorDatabaseSupport.connect(database: name, body)
    }

    private static func names(_ connection: PostgresConnection) async throws -> Set<String> {
        Set(try await connection.query("SELECT relname::text FROM pg_class WHERE relkind IN ('i', 'I')", logger: TestDatabase.logger)
            .all(as: String.self))
    }

    private static let ready = Task<Void, any Error> {
        _ = try await SampleTargetDatabase.readerURL()
        try await AdvisorDatabaseSupport.connect(database: "postgres") { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: TestDatabase.logger)
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: TestDatabase.logger)
        }
        let components = URLComponents(string: TestDatabase.adminURL)!
        let host = components.host!, port = "\(components.port ?? 5432)"
        let script = "pg_dump --schema-only -h \(host) -p \(port) -U postgres \(SampleTargetDatabase.name) | psql -X -q -v ON_ERROR_STOP=1 -h \(host) -p \(port) -U postgres -d \(name) >/dev/null"
        let status = try await offPool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script]
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        guard status == 0 else { throw AdvisorDatabaseSupport.Failure(message: "schema copy failed") }
    }
}

/// A small database without HypoPG: `items` (20,000 rows, `owner_id` unindexed).
enum BareDatabase {
    static let name = "dbooster_advisor_bare"

    static func url() async throws -> String {
        try await ready.value
        let components = URLComponents(string: TestDatabase.adminURL)!
        return "postgresql://postgres@\(components.host!):\(components.port ?? 5432)/\(name)?sslmode=disable"
    }

    static func withConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await ready.value
        return try await AdvisorDatabaseSupport.connect(database: name, body)
    }

    private static let ready = Task<Void, any Error> {
        try await AdvisorDatabaseSupport.connect(database: "postgres") { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: TestDatabase.logger)
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: TestDatabase.logger)
        }
        try await AdvisorDatabaseSupport.connect(database: name) { connection in
            for statement in [
                "CREATE TABLE items (id bigint PRIMARY KEY, owner_id bigint NOT NULL, label text NOT NULL)",
                "INSERT INTO items SELECT g, g % 2000, 'item ' || g FROM generate_series(1, 20000) AS g",
                "ANALYZE items",
            ] {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: TestDatabase.logger)
            }
        }
    }
}

enum AdvisorDatabaseSupport {
    struct Failure: Error {
        let message: String
    }

    /// A superuser connection (`postgres`, trust authentication on the test cluster).
    static func connect<T>(database: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await SampleTargetDatabase.connect(database: database, body)
    }
}
