@testable import App
@testable import Database
import Foundation
import Logging
import PgQuery
import PostgresNIO
import Testing
import TestDatabaseSupport

/// The sample shop database (`scripts/sample-db.sql`, then the advisor's tables and views from
/// `scripts/sample-db-advisor.sql`) as a customer target, built once per test
/// process on the test cluster as the superuser `postgres`, and rebuilt only when its
/// `sample_version` differs from ``version`` (several test processes may share it: an advisory
/// lock serialises the check).
///
/// Roles: `sample_reader` (SELECT only) and `sample_writer` (SELECT, INSERT, UPDATE, DELETE), both
/// with a password equal to their name; sample_reader may read every user's statements
/// (`pg_read_all_stats`). `hypopg` and `pg_stat_statements` are installed.
enum SampleTargetDatabase {
    static let name = "dbooster_sample"
    /// Bump together with the last `INSERT INTO sample_version` (scripts/sample-db-advisor.sql,
    /// loaded after scripts/sample-db.sql).
    static let version = 3
    private static let lockKey: Int64 = 0x7361_6d70_6c65

    /// The reader's URL (ensures the database exists first).
    static func readerURL() async throws -> String {
        try await ready.value
        return url(user: "sample_reader")
    }

    /// The writer's URL (ensures the database exists first).
    static func writerURL() async throws -> String {
        try await ready.value
        return url(user: "sample_writer")
    }

    static func url(user: String, password: String? = nil) -> String {
        let components = URLComponents(string: TestDatabase.adminURL)!
        return "postgresql://\(user):\(password ?? user)@\(components.host!):\(components.port ?? 5432)/\(name)?sslmode=disable"
    }

    /// Runs `body` on a superuser connection to the sample database (for checks and fixtures).
    static func withSuperuser<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await ready.value
        return try await connect(database: name, body)
    }

    /// A checksum of every sample table's rows, to prove that an explain changed nothing.
    static func checksum() async throws -> String {
        try await withSuperuser { connection in
            try await connection.query("""
                SELECT concat_ws('/',
                    (SELECT count(*) || ':' || sum(hashtext(c::text)) FROM customers c),
                    (SELECT count(*) || ':' || sum(hashtext(p::text)) FROM products p),
                    (SELECT count(*) || ':' || sum(hashtext(o::text)) FROM orders o),
                    (SELECT count(*) || ':' || sum(hashtext(i::text)) FROM order_items i),
                    (SELECT count(*) FROM events),
                    (SELECT count(*) FROM "Reporting"."Monthly Sales"),
                    (SELECT last_value FROM orders_id_seq))
                """, logger: TestDatabase.logger).first(as: String.self) ?? ""
        }
    }

    // MARK: - Building

    private static let ready = Task<Void, any Error> {
        try await connect(database: "postgres") { connection in
            try await connection.query("SELECT pg_advisory_lock(\(lockKey))", logger: TestDatabase.logger)
            do {
                if try await currentVersion(connection) != version { try await rebuild(connection) }
                try await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: TestDatabase.logger)
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: TestDatabase.logger)
                throw error
            }
        }
    }

    private static func currentVersion(_ admin: PostgresConnection) async throws -> Int? {
        let exists = try await admin.query(
            "SELECT count(*) FROM pg_database WHERE datname = \(name)", logger: TestDatabase.logger
        ).first(as: Int.self) ?? 0
        guard exists > 0 else { return nil }
        return try? await connect(database: name) { connection in
            try await connection.query("SELECT max(version) FROM sample_version", logger: TestDatabase.logger)
                .first(as: Int?.self) ?? nil
        }
    }

    private static func rebuild(_ admin: PostgresConnection) async throws {
        try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: TestDatabase.logger)
        try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: TestDatabase.logger)
        for file in ["sample-db.sql", "sample-db-advisor.sql"] {
            let script = try String(contentsOf: scriptURL(file), encoding: .utf8)
            try await connect(database: name) { connection in
                for statement in try PgQuery.scriptStatements(script) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: TestDatabase.logger)
                }
            }
        }
    }

    private static func scriptURL(_ file: String) -> URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/\(file)")
    }

    /// A superuser connection (`postgres`, trust authentication on the test cluster).
    static func connect<T>(database: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let components = URLComponents(string: TestDatabase.adminURL)!
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: components.host!, port: components.port ?? 5432, username: "postgres",
                                 password: nil, database: database, tls: .disable),
            id: 2, logger: TestDatabase.logger)
        do {
            let value = try await body(connection)
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
