import Database
import Foundation
import Logging
import PostgresNIO

/// Real PostgreSQL databases for tests: one migrated template per test run, and a fresh copy of
/// it for each test (`CREATE DATABASE … TEMPLATE`), dropped when the test ends, on the local
/// cluster named by `TEST_DATABASE_URL` (started by `scripts/test.sh`). A URL naming another
/// machine is refused: these helpers create and drop databases.
public enum TestDatabase {
    public static let logger = Logger(label: "tests")

    /// `TEST_DATABASE_URL`, after checking that it names this machine.
    public static var adminURL: String {
        guard let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty else {
            fatalError("TEST_DATABASE_URL is not set; run the tests through scripts/test.sh")
        }
        guard isLocal(url) else {
            fatalError("TEST_DATABASE_URL must name a local server (localhost, 127.0.0.1, ::1 or a unix socket); "
                + "the test helpers create and drop databases")
        }
        return url
    }

    /// Whether `url` names a server on this machine: `localhost`, `127.0.0.1`, `::1`, or a unix
    /// socket directory (`postgresql:///db?host=/run/postgresql` or a percent-encoded path as host).
    public static func isLocal(_ url: String) -> Bool {
        guard let components = URLComponents(string: url),
              ["postgres", "postgresql"].contains(components.scheme?.lowercased() ?? "") else { return false }
        let queryHost = components.queryItems?.first(where: { $0.name == "host" })?.value
        if let queryHost, !queryHost.isEmpty { return queryHost.hasPrefix("/") }
        let host = (components.host ?? "").lowercased()
        if host.hasPrefix("/") || host.hasPrefix("%2f") { return true }
        return ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)
    }

    static let templateName = "dbooster_test_template"

    /// `Migrations/` of the source tree (or `DBOOSTER_MIGRATIONS`).
    public static var migrationsDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["DBOOSTER_MIGRATIONS"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Migrations")
    }

    /// Builds the template once per process.
    private static let template = Task<Void, any Error> {
        try await withAdminConnection { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(templateName) WITH (FORCE)"), logger: logger)
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(templateName)"), logger: logger)
        }
        let migrations = try Migrator.load(directory: migrationsDirectory)
        try await withClient(url: url(of: templateName)) { client in
            try await Migrator(migrations: migrations, logger: logger).run(on: client)
        }
    }

    /// Waits until the template exists (and with it the cluster-wide roles of the migrations).
    public static func prepare() async throws {
        try await template.value
    }

    /// A new database copied from the migrated template; returns its URL. Drop it with ``drop(_:)``.
    public static func create() async throws -> String {
        try await template.value
        return try await createEmpty(template: templateName)
    }

    /// A new database (empty, or copied from `template`); returns its URL.
    public static func createEmpty(template: String? = nil) async throws -> String {
        let name = "dbooster_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())"
        let copy = template.map { " TEMPLATE \($0)" } ?? ""
        // A copy fails with 55006 while any other session (an autovacuum worker, a parallel test
        // still closing) is connected to the template: try again shortly.
        for attempt in 1...10 {
            do {
                try await withAdminConnection { connection in
                    try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)\(copy)"), logger: logger)
                }
                break
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "55006" && attempt < 10 {
                try await Task.sleep(for: .milliseconds(200 * attempt))
            }
        }
        return url(of: name)
    }

    /// Drops a database made by ``create()`` or ``createEmpty(template:)`` (its connections are closed first).
    public static func drop(_ url: String) async throws {
        let name = URLComponents(string: url)?.path.dropFirst() ?? ""
        guard name.hasPrefix("dbooster_test_"), name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw DropRefused(database: String(name))
        }
        // 42501: a backend still open on it runs as a role the dropping user may not signal (it
        // ends with the test application's pool); 55006: still in use. Both pass within moments.
        for attempt in 1...10 {
            do {
                try await withAdminConnection { connection in
                    try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
                }
                return
            } catch let error as PSQLError where ["42501", "55006"].contains(error.serverInfo?[.sqlState] ?? "") && attempt < 10 {
                try await Task.sleep(for: .milliseconds(100 * attempt))
            }
        }
    }

    /// Only databases these helpers made are dropped.
    public struct DropRefused: Error, CustomStringConvertible {
        public let database: String
        public var description: String { "refusing to drop \(database): not a per-test database" }
    }

    /// Runs `body` with the URL of a fresh copy of the migrated template, and drops the copy afterwards.
    /// Dropping is cleanup: a failure is logged with the server's detail, not the test's failure.
    public static func withDatabase<T>(_ body: (String) async throws -> T) async throws -> T {
        let url: String
        do {
            url = try await create()
        } catch {
            throw SetupFailed(detail: String(reflecting: error))
        }
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await body(url))
        } catch {
            outcome = .failure(error)
        }
        do {
            try await drop(url)
        } catch {
            logger.warning("could not drop the test database \(url): \(String(reflecting: error))")
        }
        return try outcome.get()
    }

    /// A per-test database could not be made; `detail` carries the server's message.
    public struct SetupFailed: Error, CustomStringConvertible {
        public let detail: String
        public var description: String { "could not create a test database: \(detail)" }
    }

    /// The URL of a test database. Tests run in parallel, each with its own pools: a small pool
    /// each keeps the cluster well under `max_connections`.
    public static func url(of database: String) -> String {
        var components = URLComponents(string: adminURL)!
        components.path = "/\(database)"
        let socket = components.queryItems?.filter { $0.name == "host" } ?? []
        components.queryItems = socket + [URLQueryItem(name: "pool_max", value: "4")]
        return components.string!
    }

    /// Runs `body` with a running pool on the database at `url`.
    public static func withClient<T: Sendable>(url: String, _ body: (PostgresClient) async throws -> T) async throws -> T {
        let client = PostgresClient(configuration: try clientConfiguration(url: url), backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    @discardableResult
    public static func withAdminConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let server = try Server(url: adminURL)
        let configuration: PostgresConnection.Configuration = if let socket = server.socketPath {
            .init(unixSocketPath: socket, username: server.user, password: server.password, database: server.database)
        } else {
            .init(host: server.host, port: server.port, username: server.user, password: server.password,
                  database: server.database, tls: .disable)
        }
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            let value = try await body(connection)
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// A pool configuration for a local test URL (no TLS; `pool_max` honoured, 4 by default).
    static func clientConfiguration(url: String) throws -> PostgresClient.Configuration {
        let server = try Server(url: url)
        var configuration: PostgresClient.Configuration = if let socket = server.socketPath {
            .init(unixSocketPath: socket, username: server.user, password: server.password, database: server.database)
        } else {
            .init(host: server.host, port: server.port, username: server.user, password: server.password,
                  database: server.database, tls: .disable)
        }
        configuration.options.maximumConnections = server.poolMax ?? 4
        return configuration
    }

    /// The parts of a local `postgresql://` URL the helpers use.
    struct Server {
        var host = "127.0.0.1", port = 5432, user = "postgres", password: String?, database: String?
        /// `…/.s.PGSQL.<port>` when the host is a socket directory.
        var socketPath: String?
        var poolMax: Int?

        init(url: String) throws {
            guard let components = URLComponents(string: url) else { throw URLError(.badURL) }
            let directory = components.queryItems?.first(where: { $0.name == "host" })?.value
                ?? components.host.flatMap { $0.removingPercentEncoding }.flatMap { $0.hasPrefix("/") ? $0 : nil }
            port = components.port ?? 5432
            if let directory, directory.hasPrefix("/") {
                socketPath = "\(directory)/.s.PGSQL.\(port)"
            } else if let host = components.host, !host.isEmpty {
                self.host = host
            }
            user = components.user ?? "postgres"
            password = components.password
            let name = String(components.path.dropFirst())
            database = name.isEmpty ? nil : name
            poolMax = components.queryItems?.first(where: { $0.name == "pool_max" })?.value.flatMap(Int.init)
        }
    }
}
