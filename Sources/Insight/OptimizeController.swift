import Advisor
import Core
import CustomerDatabase
import Database
import Foundation
import HTTPSupport
import Hummingbird
import Logging
import PostgresNIO

/// `POST /query/optimize`: rules, the HypoPG index advisor and the AI engine over one query,
/// counted against the `optimize` quota (once the query parses and the project is found) and kept
/// in `query_runs`.
public struct OptimizeController: Sendable {
    let database: Database
    let targets: ProjectTargets
    let history: QueryHistory
    let quota: QuotaGate
    let optimizer: QueryOptimizer

    public init(database: Database, targets: ProjectTargets, history: QueryHistory, quota: QuotaGate,
                optimizer: QueryOptimizer) {
        self.database = database
        self.targets = targets
        self.history = history
        self.quota = quota
        self.optimizer = optimizer
    }

    struct Body: Decodable {
        let query: String
        let project_id: String?
    }

    public func register(_ routes: RouteRegistrar) {
        routes.tenant(.post, "/query/optimize", minimum: .member, database: .callsOutside) { request, context in
            let body = try await request.decodeJSON(Body.self, context: context)
            return try await optimize(body, context)
        }
    }

    // MARK: - Handler

    private func optimize(_ body: Body, _ context: TenantRequestContext) async throws -> OptimizationReport {
        let query = try Validate.text(body.query, field: "query", max: 100_000)
        let projectID = try body.project_id.map { try Validate.id($0, what: "Project") }
        do {
            _ = try QueryOptimizer.parse(query)
        } catch {
            let position = error.position.map { " at position \($0)" } ?? ""
            throw AppError(.unprocessableContent, code: "invalid_query", message: "query: \(error.message)\(position)")
        }
        let project = try await targets.resolveIfConnected(projectID, context: context)
        // Only a request that will run counts: bad SQL or another organization's project does not.
        try await quota.consume(context.organizationID, .optimize)
        let started = ContinuousClock.now
        let access = project.map { targets.target($0, logger: database.logger).plannerAccess }
        let report = try await optimizer.optimize(query, target: access)
        try await history.record(
            kind: .optimize, projectID: project?.projectID, fingerprint: report.fingerprint, query: query,
            result: report, durationMS: started.duration(to: .now).milliseconds, context: context)
        return report
    }
}

extension OptimizationReport: ResponseEncodable {}

extension TargetDatabase {
    /// The optimizer's access to this target: one short-lived connection per session.
    public var plannerAccess: TargetAccess {
        let target = self
        return TargetAccess { body in
            try await target.withConnection { connection in
                try await body(ConnectionPlannerSession(connection: connection, logger: target.logger))
            }
        }
    }
}
