import Core
import CustomerDatabase
import Database
import Foundation
import HTTPSupport
import Hummingbird
import Logging
import PostgresNIO

/// Explain and optimize results kept per organization (`query_runs`, row-level security).
public struct QueryHistory: Sendable {
    /// What produced a run.
    public enum Kind: String, Sendable, Codable {
        case explain, optimize
    }

    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Stores one result (encoded as JSON) for the request's organization; returns the run's id.
    @discardableResult
    public func record(kind: Kind, projectID: UUID?, fingerprint: String?, query: String,
                       result: some Encodable, durationMS: Double, context: TenantRequestContext) async throws -> UUID {
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        let kindName = kind.rawValue
        return try await database.withTenant(context.scope) { transaction in
            guard let id = try await InsightStore(transaction).recordRun(
                organizationID: context.organizationID, kind: kindName, projectID: projectID, fingerprint: fingerprint,
                query: query, resultJSON: json, durationMS: durationMS, createdBy: context.user.id)
            else { throw AppError.internalError }
            return id
        }
    }

    // MARK: - GET /query/history

    /// One stored run.
    struct Run: ResponseEncodable {
        let id: UUID
        let kind: String
        @Nullable var project_id: UUID?
        @Nullable var fingerprint: String?
        let query: String
        let result: PlanJSON
        @Nullable var duration_ms: Double?
        @Nullable var created_by: UUID?
        let created_at: Date
    }

    /// Registers `GET /query/history` (viewer): `?kind=explain|optimize&project_id=&limit=` →
    /// the newest runs first (at most `limit`, default 50, at most 200).
    public func register(_ routes: RouteRegistrar) {
        routes.tenant(.get, "/query/history", minimum: .viewer) { request, context in
            try await list(request.uri.queryParameters, context)
        }
    }

    private func list(_ query: Parameters, _ context: TenantRequestContext) async throws -> [Run] {
        let kind = try query["kind"].map { value -> String in
            guard let kind = Kind(rawValue: String(value)) else { throw AppError.invalidField("kind", "must be explain or optimize") }
            return kind.rawValue
        }
        let projectID = try Validate.optionalID(query["project_id"].map(String.init), field: "project_id")
        let limit = try Validate.limit(query["limit"].map(String.init))
        let rows = try await database.withTenant(context.scope) { transaction in
            try await InsightStore(transaction).runs(kind: kind, projectID: projectID, limit: limit)
        }
        let decoder = JSONDecoder()
        return try rows.map { row in
            Run(id: row.id, kind: row.kind, project_id: row.projectID, fingerprint: row.fingerprint, query: row.query,
                result: try decoder.decode(PlanJSON.self, from: Data(row.resultJSON.utf8)),
                duration_ms: row.durationMS, created_by: row.createdBy, created_at: row.createdAt)
        }
    }
}
