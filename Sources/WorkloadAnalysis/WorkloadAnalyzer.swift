import Advisor
import CustomerDatabase
import Foundation
import PgQuery

/// Finds where statements live in code, by libpg_query fingerprint: the API reads the
/// organization's scanned repositories, the CLI scans local paths on the fly.
public struct CodeLocator: Sendable {
    /// Locations for each of the given fingerprints (missing keys: not found in code).
    public var locations: @Sendable (_ fingerprints: [String]) async throws -> [String: [CodeLocation]]

    public init(locations: @escaping @Sendable (_ fingerprints: [String]) async throws -> [String: [CodeLocation]]) {
        self.locations = locations
    }

    /// No code to look in.
    public static let none = CodeLocator { _ in [:] }
}

/// The workload analysis: reads `pg_stat_statements` and the index catalog on one guarded,
/// short-lived connection (every step in a read-only transaction that is rolled back), ranks the
/// statements by total time, maps them to code, asks the advisor about the top ones, merges its
/// index recommendations across statements and lists unused, duplicate and invalid indexes.
///
/// It never writes: no `pg_stat_statements_reset()`, no extension created, indexes only as
/// HypoPG hypotheses of the session (reset before the transaction ends).
public struct WorkloadAnalyzer: Sendable {
    /// How many statements (most total time first) are listed and advised.
    public var top: Int
    public var reader = WorkloadReader()
    public var hygiene = IndexHygiene()
    var advisor = WorkloadAdvisor()

    public init(top: Int = 20) {
        self.top = max(1, top)
    }

    /// Opens one connection to `target` and analyzes its workload. Throws ``WorkloadUnavailable``
    /// without pg_stat_statements, ``TargetError`` when the database cannot be reached.
    public func analyze(target: TargetDatabase, locator: CodeLocator = .none) async throws -> WorkloadReport {
        try await target.withConnection { connection in
            try await analyze(session: ConnectionPlannerSession(connection: connection, logger: target.logger), locator: locator)
        }
    }

    /// The analysis on an open session.
    public func analyze(session: some PlannerSession, locator: CodeLocator = .none) async throws -> WorkloadReport {
        let started = ContinuousClock.now
        let (rows, since, indexes, indexSince, hypopg) = try await ReadOnlyTransaction.run(on: session) {
            let (rows, since) = try await reader.read(on: session)
            let indexes = try await hygiene.indexes(on: session)
            let indexSince = try await hygiene.indexStatsSince(on: session)
            let hypopg = !(try await session.rows("SELECT 1 FROM pg_extension WHERE extname = 'hypopg'", [])).isEmpty
            return (rows, since, indexes, indexSince, hypopg)
        }
        let workload = WorkloadAggregator().aggregate(rows)
        let readMS = Self.milliseconds(since: started)
        let listed = Array(workload.statements.prefix(top))
        let locations = try await locator.locations(listed.map(\.fingerprint))

        var report = WorkloadReport()
        let advising = ContinuousClock.now
        var proposals: [RecommendationMerger.Proposal] = []
        var planned: [String: WorkloadAdvisor.Planned] = [:]
        for statement in listed {
            let advice = await advisor.advise(statement.query, hypopg: hypopg, session: session)
            proposals += advice.recommendations.map { .init(fingerprint: statement.fingerprint, recommendation: $0) }
            planned[statement.fingerprint] = WorkloadAdvisor.plannable(
                statement.query, fingerprint: statement.fingerprint, totalMS: statement.totalMS)
            report.queries.append(WorkloadQuery(
                fingerprint: statement.fingerprint, query: statement.query, calls: statement.calls,
                total_ms: Self.round(statement.totalMS),
                mean_ms: Self.round(statement.calls > 0 ? statement.totalMS / Double(statement.calls) : 0),
                rows: statement.rows, shared_blks_hit: statement.sharedHit, shared_blks_read: statement.sharedRead,
                share: workload.totalMS > 0 ? (statement.totalMS / workload.totalMS * 10_000).rounded() / 10_000 : 0,
                locations: (locations[statement.fingerprint] ?? []).sorted { ($0.repository ?? "", $0.file, $0.line) < ($1.repository ?? "", $1.file, $1.line) },
                findings: advice.findings, index_recommendations: advice.recommendations))
        }
        if hypopg, !proposals.isEmpty {
            report.index_recommendations = try await RecommendationMerger(advisor: advisor)
                .merge(proposals, statements: planned, session: session)
        }
        let advisorMS = Self.milliseconds(since: advising)

        report.unused_indexes = hygiene.unused(indexes)
        report.duplicate_indexes = hygiene.duplicates(indexes)
        report.invalid_indexes = hygiene.invalid(indexes)
        report.statistics = WorkloadStatistics(
            statements: workload.distinct, total_ms: Self.round(workload.totalMS), statements_since: since,
            index_stats_since: indexSince, collecting: Self.collecting(statements: since, indexes: indexSince))
        report.notes = notes(hypopg: hypopg, workload: workload, listed: listed.count)
        report.timings = WorkloadTimings(analysis_ms: Self.milliseconds(since: started), read_ms: readMS, advisor_ms: advisorMS)
        return report
    }

    // MARK: - Notes

    private func notes(hypopg: Bool, workload: WorkloadAggregator.Result, listed: Int) -> [Finding] {
        var notes: [Finding] = []
        if !hypopg {
            notes.append(Finding(
                rule: "hypopg_unavailable", severity: .info,
                message: "HypoPG is not installed in this database, so no index was tested (workload analysis never installs anything).",
                fix: "CREATE EXTENSION hypopg; as a superuser for verified index recommendations."))
        }
        if workload.statements.isEmpty {
            notes.append(Finding(
                rule: "no_workload", severity: .info,
                message: "pg_stat_statements holds no statement on user tables for this database yet.",
                fix: "Let the application run, then analyze again."))
        }
        if workload.unparsed > 0 {
            notes.append(Finding(
                rule: "unparsed_statements", severity: .info,
                message: "\(workload.unparsed) statement text(s) did not parse (often cut by track_activity_query_size) and were left out.",
                fix: "Raise track_activity_query_size (a restart) so pg_stat_statements keeps whole statements."))
        }
        if workload.hidden > 0 {
            notes.append(Finding(
                rule: "hidden_statements", severity: .info,
                message: "\(workload.hidden) statement(s) of other database users are hidden from this role and were left out.",
                fix: "GRANT pg_read_all_stats (or pg_monitor) TO the role dbooster connects as."))
        }
        if workload.statements.count > listed {
            notes.append(Finding(
                rule: "more_statements", severity: .info,
                message: "\(workload.statements.count - listed) more statement(s) on user tables take the rest of the time; only the top \(listed) are listed.",
                fix: "Raise top to see more."))
        }
        return notes
    }

    // MARK: - Helpers

    /// "the statements' statistics since 2026-11-01T00:00:00Z (28 days)…".
    static func collecting(statements: String?, indexes: String?, now: Date = Date()) -> String {
        func age(_ text: String?) -> String {
            guard let text, let date = ISO8601DateFormatter().date(from: text) else {
                return "since they were created (never reset)"
            }
            let seconds = max(0, now.timeIntervalSince(date))
            let span = seconds >= 172_800 ? "\(Int(seconds / 86_400)) days"
                : seconds >= 7_200 ? "\(Int(seconds / 3_600)) hours" : "\(Int(seconds / 60)) minutes"
            return "since \(text) (\(span))"
        }
        return "Statement statistics have been collecting \(age(statements)); index usage \(age(indexes))."
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        round(Double(start.duration(to: .now).components.attoseconds) / 1e15 + Double(start.duration(to: .now).components.seconds) * 1000)
    }

    static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
