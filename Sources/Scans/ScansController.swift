import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird
import PostgresNIO

/// `/scans`: the organization's repository scans and their progress.
public struct ScansController: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func register(_ routes: RouteRegistrar) {
        routes.tenant(.get, "/scans", minimum: .viewer) { request, context in
            try await list(limit: try Validate.limit(request.uri.queryParameters.get("limit")), context)
        }
        routes.tenant(.get, "/scans/{id}", minimum: .viewer) { _, context in
            try await get(try Validate.id(context.parameters.get("id"), what: "Scan"), context)
        }
    }

    // MARK: - Shapes

    struct Scan: ResponseEncodable {
        let id: UUID
        let status: String
        let files_total: Int
        let files_scanned: Int
        let queries_found: Int
        @Nullable var error: String?
        let repo_url: String
        let branch: String
        @Nullable var project_id: UUID?
        let skipped_entries: Int
        let attempts: Int
        let created_at: Date
        @Nullable var started_at: Date?
        @Nullable var finished_at: Date?
    }

    private typealias Row = (UUID, String, Int, Int, Int, String?, String, String, UUID?, Int, Int, Date, Date?, Date?)
    private static let columns = """
        id, status, files_total, files_scanned, queries_found, error, repo_url, branch, project_id,
        skipped_entries, attempts, created_at, started_at, finished_at
        """
    private static func scan(_ row: Row) -> Scan {
        Scan(id: row.0, status: row.1, files_total: row.2, files_scanned: row.3, queries_found: row.4, error: row.5,
             repo_url: row.6, branch: row.7, project_id: row.8, skipped_entries: row.9, attempts: row.10,
             created_at: row.11, started_at: row.12, finished_at: row.13)
    }

    // MARK: - Handlers

    private func list(limit: Int, _ context: TenantRequestContext) async throws -> [Scan] {
        return try await database.withTenant(context.scope) { transaction in
            try await transaction.query(PostgresQuery(unsafeSQL: """
                SELECT \(Self.columns) FROM scans ORDER BY created_at DESC, id DESC LIMIT $1
                """, binds: { var binds = PostgresBindings(); binds.append(limit); return binds }())).all(as: Row.self)
        }.map(Self.scan)
    }

    private func get(_ id: UUID, _ context: TenantRequestContext) async throws -> Scan {
        let row = try await database.withTenant(context.scope) { transaction in
            try await transaction.query(PostgresQuery(unsafeSQL: "SELECT \(Self.columns) FROM scans WHERE id = $1",
                                                     binds: { var binds = PostgresBindings(); binds.append(id); return binds }())).first(as: Row.self)
        }
        guard let row else { throw AppError.notFound("Scan") }
        return Self.scan(row)
    }
}
