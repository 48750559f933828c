import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird

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

    private static func scan(_ row: ScanStore.ScanRow) -> Scan {
        Scan(id: row.id, status: row.status, files_total: row.filesTotal, files_scanned: row.filesScanned,
             queries_found: row.queriesFound, error: row.error, repo_url: row.repoURL, branch: row.branch,
             project_id: row.projectID, skipped_entries: row.skippedEntries, attempts: row.attempts,
             created_at: row.createdAt, started_at: row.startedAt, finished_at: row.finishedAt)
    }

    // MARK: - Handlers

    private func list(limit: Int, _ context: TenantRequestContext) async throws -> [Scan] {
        return try await database.withTenant(context.scope) { transaction in
            try await ScanStore(transaction).scans(limit: limit)
        }.map(Self.scan)
    }

    private func get(_ id: UUID, _ context: TenantRequestContext) async throws -> Scan {
        let row = try await database.withTenant(context.scope) { transaction in
            try await ScanStore(transaction).scan(id)
        }
        guard let row else { throw AppError.notFound("Scan") }
        return Self.scan(row)
    }
}
