import Core
import Database
import Extraction
import Foundation
import HTTPSupport
import Hummingbird

/// `/queries`: the distinct statements scans found, oldest first, with keyset pagination: when
/// more rows follow, the answer carries the next page's cursor in `X-Next-Cursor`.
public struct QueriesController: Sendable {
    let database: Database
    /// Locations returned per statement (the count is always complete).
    static let locationsPerQuery = 100

    public init(database: Database) {
        self.database = database
    }

    public func register(_ routes: RouteRegistrar) {
        routes.tenant(.get, "/queries", minimum: .viewer) { request, context in
            let parameters = request.uri.queryParameters
            let filter = try Filter(
                projectID: Validate.optionalID(parameters.get("project_id"), field: "project_id"),
                scanID: Validate.optionalID(parameters.get("scan_id"), field: "scan_id"),
                limit: Validate.limit(parameters.get("limit")),
                after: Self.cursor(parameters.get("cursor")))
            let (queries, next) = try await list(filter, context)
            var headers: HTTPFields = [:]
            if let next { headers[.nextCursor] = next }
            return EditedResponse(headers: headers, response: queries)
        }
    }

    // MARK: - Shapes

    struct Location: Codable, Sendable {
        let file: String
        let line: Int
        let column: Int
        let scan_id: UUID
    }
    struct Query: ResponseEncodable {
        let id: UUID
        let file: String
        let line: Int
        let language: String
        let statement_type: String
        let fingerprint: String
        let sql: String
        let kind: String
        @Nullable var project_id: UUID?
        let occurrences: Int
        let locations: [Location]
    }
    struct Filter: Sendable {
        let projectID: UUID?
        let scanID: UUID?
        let limit: Int
        let after: Int64
    }

    // MARK: - Handler

    private func list(_ filter: Filter, _ context: TenantRequestContext) async throws -> ([Query], String?) {
        let (project, scan, after, limit) = (filter.projectID, filter.scanID, filter.after, filter.limit)
        let perQuery = Self.locationsPerQuery
        let rows = try await database.withTenant(context.scope) { transaction in
            try await ScanStore(transaction).queries(
                projectID: project, scanID: scan, after: after, limit: limit + 1, locationsPerQuery: perQuery)
        }
        let page = rows.prefix(limit)
        let queries = page.map { row in
            let locations = (try? JSONDecoder().decode([Location].self, from: Data(row.locationsJSON.utf8))) ?? []
            return Query(id: row.id, file: locations.first?.file ?? "", line: locations.first?.line ?? 0,
                         language: row.language, statement_type: row.statementType, fingerprint: row.fingerprint,
                         sql: row.sql, kind: row.kind, project_id: row.projectID, occurrences: row.occurrences,
                         locations: locations)
        }
        let next = rows.count > limit ? page.last.map { String($0.seq) } : nil
        return (queries, next)
    }

    // MARK: - Parameters

    /// The opaque cursor of the previous page (0 for the first page).
    static func cursor(_ text: String?) throws -> Int64 {
        guard let text, !text.isEmpty else { return 0 }
        guard let value = Int64(text), value >= 0 else {
            throw AppError.invalidField("cursor", "must be a cursor from a previous page's X-Next-Cursor header")
        }
        return value
    }
}
