import Core
import Crypto
import Foundation
import Logging
import PgQuery
import PostgresNIO

/// Applies `Migrations/NNNN_name.sql` in order, each in its own transaction, recording a
/// SHA-256 checksum. Runs under an advisory lock so that instances starting together are safe.
/// An applied file whose content changed is an error.
public struct Migrator: Sendable {
    public struct Migration: Sendable, Equatable {
        public let version: Int
        public let name: String
        public let sql: String
        public var checksum: String { Hex.encode(SHA256.hash(data: Data(sql.utf8))) }
    }

    public enum MigrationError: Error, CustomStringConvertible {
        case badFileName(String)
        case duplicateVersion(Int)
        case checksumMismatch(version: Int, name: String)
        case unknownApplied(version: Int)

        public var description: String {
            switch self {
            case .badFileName(let name): "Migration file name must look like 0001_name.sql: \(name)"
            case .duplicateVersion(let version): "Two migration files have version \(version)."
            case .checksumMismatch(let version, let name):
                "Migration \(version) (\(name)) was changed after it was applied; add a new migration instead."
            case .unknownApplied(let version): "The database has migration \(version), which is not in Migrations/."
            }
        }
    }

    /// An arbitrary constant identifying dbooster's migration lock.
    static let lockKey: Int64 = 0x6462_6f6f_7374

    public let migrations: [Migration]
    public let logger: Logger

    public init(migrations: [Migration], logger: Logger) {
        self.migrations = migrations
        self.logger = logger
    }

    /// Loads every `NNNN_name.sql` file of a directory.
    public static func load(directory: URL) throws -> [Migration] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        var seen = Set<Int>()
        return try files.map { file in
            let stem = file.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]) else {
                throw MigrationError.badFileName(file)
            }
            guard seen.insert(version).inserted else { throw MigrationError.duplicateVersion(version) }
            let sql = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            return Migration(version: version, name: String(stem[stem.index(after: underscore)...]), sql: sql)
        }
    }

    /// Applies pending migrations; returns the versions applied by this call.
    @discardableResult
    public func run(on client: PostgresClient) async throws -> [Int] {
        try await client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(\(Self.lockKey))", logger: logger)
            do {
                let applied = try await apply(on: connection)
                try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
                return applied
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
                throw error
            }
        }
    }

    private func apply(on connection: PostgresConnection) async throws -> [Int] {
        try await connection.query("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, logger: logger)
        var recorded: [Int: String] = [:]
        for try await (version, checksum) in try await connection.query(
            "SELECT version, checksum FROM schema_migrations", logger: logger
        ).decode((Int, String).self) {
            recorded[version] = checksum
        }
        let known = Set(migrations.map(\.version))
        if let unknown = recorded.keys.sorted().first(where: { !known.contains($0) }) {
            throw MigrationError.unknownApplied(version: unknown)
        }
        var applied: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            if let checksum = recorded[migration.version] {
                guard checksum == migration.checksum else {
                    throw MigrationError.checksumMismatch(version: migration.version, name: migration.name)
                }
                continue
            }
            try await connection.query("BEGIN", logger: logger)
            do {
                for statement in try PgQuery.scriptStatements(migration.sql) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("""
                    INSERT INTO schema_migrations (version, name, checksum)
                    VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                    """, logger: logger)
                try await connection.query("COMMIT", logger: logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
            logger.info("Applied migration \(migration.version)_\(migration.name)")
            applied.append(migration.version)
        }
        return applied
    }
}
