@testable import App
@testable import Database
import Foundation
import Logging
import PostgresNIO
import Testing

/// Real PostgreSQL databases for tests: one migrated template per test run, and a fresh copy of
/// it for each test (`CREATE DATABASE … TEMPLATE`), on the cluster named by `TEST_DATABASE_URL`
/// (started by `scripts/test.sh`).
enum TestDatabase {
    static let logger = Logger(label: "tests")

    static var adminURL: String {
        guard let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty else {
            fatalError("TEST_DATABASE_URL is not set; run the tests through scripts/test.sh")
        }
        return url
    }

    static let templateName = "dbooster_test_template"

    /// Builds the template once per process.
    private static let template = Task<Void, any Error> {
        try await withAdminConnection { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(templateName) WITH (FORCE)"), logger: logger)
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(templateName)"), logger: logger)
        }
        let client = PostgresClient(configuration: try postgresConfiguration(url: url(of: templateName)), backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            try await Migrator(migrations: try Migrator.load(directory: migrationsDirectory()), logger: logger).run(on: client)
            group.cancelAll()
        }
    }

    /// Waits until the template exists (and with it the cluster-wide roles of the migrations).
    static func prepare() async throws {
        try await template.value
    }

    /// A new database copied from the migrated template; returns its URL.
    static func create() async throws -> String {
        try await template.value
        let name = "dbooster_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())"
        try await withAdminConnection { connection in
            try await connection.query(
                PostgresQuery(unsafeSQL: "CREATE DATABASE \(name) TEMPLATE \(templateName)"), logger: logger)
        }
        return url(of: name)
    }

    /// The URL of a test database. Tests run in parallel, each with its own pools: a small pool
    /// each keeps the cluster well under `max_connections`.
    static func url(of database: String) -> String {
        var components = URLComponents(string: adminURL)!
        components.path = "/\(database)"
        components.queryItems = [URLQueryItem(name: "pool_max", value: "4")]
        return components.string!
    }

    @discardableResult
    static func withAdminConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let configuration = try postgresConfiguration(url: adminURL)
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: configuration.host!, port: configuration.port!, username: configuration.username,
                                 password: configuration.password, database: configuration.database, tls: .disable),
            id: 1, logger: logger)
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
