@testable import Database
import Foundation
import Logging
import PostgresNIO
import Testing
import TestDatabaseSupport

@Suite("Migrations")
struct MigrationTests {
    static let logger = Logger(label: "migration-tests")

    /// Runs `body` with a pool on a new, empty database, dropped afterwards.
    static func withEmptyDatabase(_ body: @Sendable (PostgresClient) async throws -> Void) async throws {
        // The template's migration creates the cluster-wide roles first, so that these tests
        // exercise the per-database lock rather than a race between databases.
        try await TestDatabase.prepare()
        let url = try await TestDatabase.createEmpty()
        do {
            try await TestDatabase.withClient(url: url, body)
        } catch {
            try? await TestDatabase.drop(url)
            throw error
        }
        try await TestDatabase.drop(url)
    }

    @Test("migrations apply once, in order, and a second run applies nothing")
    func idempotent() async throws {
        let migrations = try Migrator.load(directory: TestDatabase.migrationsDirectory)
        #expect(migrations.map(\.version) == migrations.map(\.version).sorted())
        try await Self.withEmptyDatabase { client in
            let first = try await Migrator(migrations: migrations, logger: Self.logger).run(on: client)
            #expect(first == migrations.map(\.version))
            let second = try await Migrator(migrations: migrations, logger: Self.logger).run(on: client)
            #expect(second.isEmpty)
            let recorded = try await client.query("SELECT version, checksum FROM schema_migrations ORDER BY version")
                .all(as: (Int, String).self)
            #expect(recorded.map(\.0) == migrations.map(\.version))
            #expect(recorded.map(\.1) == migrations.map(\.checksum))
        }
    }

    @Test("two instances migrating at once are serialised by the advisory lock")
    func concurrent() async throws {
        let migrations = try Migrator.load(directory: TestDatabase.migrationsDirectory)
        try await Self.withEmptyDatabase { client in
            async let a = Migrator(migrations: migrations, logger: Self.logger).run(on: client)
            async let b = Migrator(migrations: migrations, logger: Self.logger).run(on: client)
            let (applied1, applied2) = try await (a, b)
            #expect((applied1 + applied2).sorted() == migrations.map(\.version))
        }
    }

    @Test("an applied migration whose file changed is an error, and nothing else runs")
    func checksumMismatch() async throws {
        let migrations = try Migrator.load(directory: TestDatabase.migrationsDirectory)
        var changed = migrations
        changed[1] = .init(version: migrations[1].version, name: migrations[1].name, sql: migrations[1].sql + "\n-- edited")
        let edited = changed
        try await Self.withEmptyDatabase { client in
            try await Migrator(migrations: Array(migrations.prefix(2)), logger: Self.logger).run(on: client)
            await #expect(throws: Migrator.MigrationError.self) {
                try await Migrator(migrations: edited, logger: Self.logger).run(on: client)
            }
            let count = try await client.query("SELECT count(*)::int FROM schema_migrations").first(as: Int.self)
            #expect(count == 2)
        }
    }

    @Test("a failing migration rolls back entirely")
    func failingMigration() async throws {
        let broken = Migrator.Migration(version: 1, name: "broken", sql: "CREATE TABLE t1 (id int); SELECT 1/0;")
        try await Self.withEmptyDatabase { client in
            await #expect(throws: (any Error).self) {
                try await Migrator(migrations: [broken], logger: Self.logger).run(on: client)
            }
            let exists = try await client.query("SELECT to_regclass('t1') IS NOT NULL").first(as: Bool.self)
            #expect(exists == false)
        }
    }
}
