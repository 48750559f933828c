import Core
import Database
import Foundation
import PostgresNIO

// MARK: - Projects

extension TenancyStore {
    struct ProjectRow: Sendable {
        let id: UUID
        let name: String
        let description: String
        let createdAt: Date
        let hasDatabase: Bool
    }

    fileprivate typealias ProjectColumns = (UUID, String, String, Date, Bool)
    private static func project(_ row: ProjectColumns) -> ProjectRow {
        ProjectRow(id: row.0, name: row.1, description: row.2, createdAt: row.3, hasDatabase: row.4)
    }

    /// The projects row-level security shows, oldest first.
    func projects() async throws -> [ProjectRow] {
        try await transaction.execute(ListProjects()).map(Self.project)
    }

    func project(_ id: UUID) async throws -> ProjectRow? {
        try await transaction.query(
            "SELECT id, name, description, created_at, database_url IS NOT NULL FROM projects WHERE id = \(id)"
        ).first(as: ProjectColumns.self).map(Self.project)
    }

    /// Creates a project; a taken name raises PostgreSQL's unique violation (23505).
    func createProject(organizationID: UUID, name: String, description: String, createdBy: UUID) async throws
        -> ProjectRow?
    {
        try await transaction.query("""
            INSERT INTO projects (organization_id, name, description, created_by)
            VALUES (\(organizationID), \(name), \(description), \(createdBy))
            RETURNING id, name, description, created_at, database_url IS NOT NULL
            """).first(as: ProjectColumns.self).map(Self.project)
    }

    /// Deletes a project; returns its name, nil when there is none with `id`.
    func deleteProject(_ id: UUID) async throws -> String? {
        try await transaction.query("DELETE FROM projects WHERE id = \(id) RETURNING name").first(as: String.self)
    }

    /// Stores the project's sealed database URL; returns the project's name, nil when there is none.
    func setProjectDatabase(_ id: UUID, sealedURL: String, allowWrites: Bool) async throws -> String? {
        try await transaction.query(
            "UPDATE projects SET database_url = \(sealedURL), allow_writes = \(allowWrites) WHERE id = \(id) RETURNING name"
        ).first(as: String.self)
    }
}

/// The project list: a hot read, prepared once per connection. (PostgreSQL re-plans a prepared
/// statement under row-level security when the role changes; the policies read the scope at run
/// time.)
private struct ListProjects: PostgresPreparedStatement {
    static let sql = "SELECT id, name, description, created_at, database_url IS NOT NULL FROM projects ORDER BY created_at, id"
    typealias Row = TenancyStore.ProjectColumns

    func makeBindings() throws -> PostgresBindings { PostgresBindings() }
    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
}
