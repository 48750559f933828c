import Core
import CustomerDatabase
import Database
import Foundation
import HTTPSupport
import Hummingbird
import WorkloadAnalysis

/// `POST /workload/analyze`, `GET /workload/runs`, `GET /workload/runs/{id}`: a project's real
/// workload (pg_stat_statements) ranked, mapped to the organization's scanned code, with verified
/// index advice and index hygiene; counted against the `workload` quota and kept as history.
///
/// What it needs from other features comes in as closures wired by the application: the
/// project's database (Insight's project targets) and the scanned statements' locations (Scans).
public struct WorkloadController: Sendable {
    /// The project a request names (or the organization's only project with a database) and its
    /// target database; throws the HTTP errors of project resolution (404, 422 `no_database`…).
    public typealias ResolveTarget = @Sendable (_ projectID: UUID?, _ context: TenantRequestContext) async throws
        -> (projectID: UUID, target: TargetDatabase)
    /// Code locations of fingerprints in the organization's scanned repositories.
    public typealias Locate = @Sendable (_ fingerprints: [String], _ scope: TenantScope) async throws
        -> [String: [CodeLocation]]

    let store: WorkloadStore
    let quota: QuotaGate
    let resolveTarget: ResolveTarget
    let locate: Locate
    let analyzer: WorkloadAnalyzer

    public init(store: WorkloadStore, quota: QuotaGate, resolveTarget: @escaping ResolveTarget,
                locate: @escaping Locate, analyzer: WorkloadAnalyzer = WorkloadAnalyzer()) {
        self.store = store
        self.quota = quota
        self.resolveTarget = resolveTarget
        self.locate = locate
        self.analyzer = analyzer
    }

    struct Body: Decodable {
        let project_id: String?
        let top: Int?
    }

    public func register(_ routes: RouteRegistrar) {
        routes.tenant(.post, "/workload/analyze", minimum: .member, database: .callsOutside) { request, context in
            let body = try await request.decodeJSON(Body.self, context: context)
            return try await analyze(body, context)
        }
        routes.tenant(.get, "/workload/runs", minimum: .viewer) { request, context in
            let parameters = request.uri.queryParameters
            let projectID = try Validate.optionalID(parameters.get("project_id"), field: "project_id")
            let limit = try Validate.limit(parameters.get("limit"))
            return try await store.list(projectID: projectID, limit: limit, scope: context.scope).map(RunListItem.init)
        }
        routes.tenant(.get, "/workload/runs/{id}", minimum: .viewer) { _, context in
            let id = try Validate.id(context.parameters.get("id"), what: "Workload run")
            guard let (row, report) = try await store.run(id, scope: context.scope) else { throw AppError.notFound("Workload run") }
            return RunResponse(row: row, report: report)
        }
    }

    // MARK: - Analyze

    private func analyze(_ body: Body, _ context: TenantRequestContext) async throws -> RunResponse {
        let projectID = try body.project_id.map { try Validate.id($0, what: "Project") }
        if let top = body.top, !(1...100).contains(top) { throw AppError.invalidField("top", "must be between 1 and 100") }
        let (resolvedProject, target) = try await resolveTarget(projectID, context)
        // Only a request that will run counts: an unknown project or no database does not.
        try await quota.consume(context.organizationID, .workload)
        let started = ContinuousClock.now
        var analyzer = analyzer
        if let top = body.top { analyzer.top = top }
        let scope = context.scope
        let report: WorkloadReport
        do {
            report = try await analyzer.analyze(
                target: target, locator: CodeLocator { fingerprints in try await locate(fingerprints, scope) })
        } catch let error as WorkloadUnavailable {
            throw AppError(.unprocessableContent, code: WorkloadUnavailable.code, message: error.message)
        } catch let error as TargetError {
            throw AppError(Self.status(of: error), code: error.code, message: error.message)
        }
        let durationMS = Double(started.duration(to: .now).components.seconds) * 1000
            + Double(started.duration(to: .now).components.attoseconds) / 1e15
        let (id, createdAt) = try await store.record(report, projectID: resolvedProject, durationMS: durationMS, context: context)
        return RunResponse(
            row: .init(id: id, projectID: resolvedProject, createdBy: context.user.id, createdAt: createdAt,
                       summary: .init(statements: report.statistics.statements, total_ms: report.statistics.total_ms,
                                      index_recommendations: report.index_recommendations.count,
                                      unused_indexes: report.unused_indexes.count,
                                      duplicate_indexes: report.duplicate_indexes.count, duration_ms: durationMS)),
            report: report)
    }

    /// 422 for refused queries and unacceptable targets, 502 for a database that fails, 504 for
    /// one that does not answer in time (as Insight's routes answer).
    static func status(of error: TargetError) -> HTTPResponse.Status {
        switch error.kind {
        case .refusedQuery, .invalidTarget: .unprocessableContent
        case .unreachable: .badGateway
        case .timedOut: .gatewayTimeout
        }
    }

    // MARK: - Shapes

    /// A run in the history list.
    struct RunListItem: ResponseEncodable {
        let id: UUID
        let project_id: UUID
        @Nullable var created_by: UUID?
        let created_at: Date
        let summary: WorkloadStore.Summary

        init(_ row: WorkloadStore.RunRow) {
            id = row.id
            project_id = row.projectID
            created_by = row.createdBy
            created_at = row.createdAt
            summary = row.summary
        }
    }

    /// The report's keys at the top level, with the run's id, project and time.
    struct RunResponse: ResponseEncodable {
        let row: WorkloadStore.RunRow
        let report: WorkloadReport

        enum Keys: String, CodingKey { case id, project_id, created_at }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(row.id, forKey: .id)
            try container.encode(row.projectID, forKey: .project_id)
            try container.encode(row.createdAt, forKey: .created_at)
            try report.encode(to: encoder)
        }
    }
}
