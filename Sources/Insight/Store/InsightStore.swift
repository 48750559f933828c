import Database
import Foundation
import PostgresNIO

/// The Insight feature's SQL: projects' connection settings, the installation id, the schema
/// snapshots (`InsightStore+Metadata.swift`) and the explain/optimize history
/// (`InsightStore+History.swift`). Works inside the transaction it is given and returns named rows.
struct InsightStore: Sendable {
    let transaction: Transaction

    init(_ transaction: Transaction) {
        self.transaction = transaction
    }

    // MARK: - Projects' databases

    /// A project with its sealed database URL.
    struct ProjectConnection: Sendable {
        let id: UUID
        let name: String
        let sealedDatabaseURL: String?
        let allowWrites: Bool
    }

    private typealias ProjectColumns = (UUID, String, String?, Bool)
    private static func connection(_ row: ProjectColumns) -> ProjectConnection {
        ProjectConnection(id: row.0, name: row.1, sealedDatabaseURL: row.2, allowWrites: row.3)
    }

    /// The project with `id` (at most one row).
    func projectConnection(_ id: UUID) async throws -> [ProjectConnection] {
        try await transaction.query(
            "SELECT id, name, database_url, allow_writes FROM projects WHERE id = \(id)"
        ).all(as: ProjectColumns.self).map(Self.connection)
    }

    /// The first two projects that have a database (two tell the caller the choice is ambiguous).
    func projectsWithDatabase() async throws -> [ProjectConnection] {
        try await transaction.query("""
            SELECT id, name, database_url, allow_writes FROM projects
            WHERE database_url IS NOT NULL ORDER BY created_at, id LIMIT 2
            """).all(as: ProjectColumns.self).map(Self.connection)
    }

    /// This installation's id (system path).
    func instanceID() async throws -> UUID? {
        try await transaction.query("SELECT instance_id FROM dbooster_instance").first(as: UUID.self)
    }
}
