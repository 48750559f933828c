import Core
import CustomerDatabase
import Database
import Foundation
import HTTPSupport
import Hummingbird
import Logging

/// `POST /query/explain` (member): `{"query", "project_id"?}` → ``ExplainResult``.
///
/// Order of work: decode and check the query (422, no quota used), resolve the project (404/422),
/// count one `explain` against the quota (402), then connect to the target, run, and keep the
/// result in the history. dbooster's pooled connection is never held while the target works.
public struct ExplainController: Sendable {
    let targets: ProjectTargets
    let history: QueryHistory
    let quota: QuotaGate
    let logger: Logger

    public init(targets: ProjectTargets, history: QueryHistory, quota: QuotaGate, logger: Logger) {
        self.targets = targets
        self.history = history
        self.quota = quota
        self.logger = logger
    }

    struct Body: Decodable {
        let query: String
        let project_id: UUID?
    }

    public func register(_ routes: RouteRegistrar) {
        routes.tenant(.post, "/query/explain", minimum: .member, database: .callsOutside) { request, context in
            let body = try await request.decodeJSON(Body.self, context: context)
            return try await explain(body, context)
        }
    }

    private func explain(_ body: Body, _ context: TenantRequestContext) async throws -> ExplainResult {
        let service = ExplainService(logger: logger)
        // Refuse what can never run before looking anything up; writes depend on the project.
        let statement = try service.check(body.query, allowWrites: true)
        let project = try await targets.resolve(body.project_id, context: context)
        try StatementGuard.requireWritesAllowed(statement.access, allowWrites: project.allowWrites)
        try await quota.consume(context.organizationID, .explain)
        let started = ContinuousClock.now
        let result = try await service.explain(statement, on: targets.target(project, logger: logger))
        try await history.record(
            kind: .explain, projectID: project.projectID, fingerprint: statement.fingerprint, query: statement.sql,
            result: result, durationMS: started.duration(to: .now).milliseconds, context: context)
        return result
    }
}

extension ExplainResult: ResponseEncodable {}
