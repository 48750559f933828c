import CustomerDatabase
import Foundation
import PgQuery

/// Where the optimizer reaches the target database: opens one short-lived connection per call.
public struct TargetAccess: Sendable {
    /// Opens a session, runs `body`, closes it.
    public let withSession: @Sendable (_ body: @Sendable (any PlannerSession) async throws -> Void) async throws -> Void

    public init(withSession: @escaping @Sendable (_ body: @Sendable (any PlannerSession) async throws -> Void) async throws -> Void) {
        self.withSession = withSession
    }
}

/// The three layers of `POST /query/optimize`: rules on the parse tree (and the schema), the
/// HypoPG index advisor, and the AI engine, each result labelled with how it was verified.
///
/// The target is opened twice — once for the catalog, costs and advisor, once to verify
/// rewrites — and never held while the model is thinking.
public struct QueryOptimizer: Sendable {
    public var rules = RuleEngine()
    public var candidates = CandidateGenerator()
    public var advisor = IndexAdvisor()
    public var ai: AIEngine?

    public init(ai: AIEngine? = nil) {
        self.ai = ai
    }

    /// Statement kinds the optimizer plans (EXPLAIN only: nothing runs).
    public static let plannable: Set<String> = ["select", "with", "insert", "update", "delete"]

    /// A query the optimizer refuses before any work: it does not parse (with the parser's
    /// position), is not exactly one statement, or is not a plannable kind.
    public struct InvalidQuery: Error, Sendable {
        public let message: String
        public let position: Int?
    }

    /// Parses and checks the query; throws ``InvalidQuery``.
    public static func parse(_ sql: String) throws(InvalidQuery) -> (tree: ParseTree, text: String) {
        let tree: ParseTree
        do {
            tree = try PgQuery.parse(sql)
        } catch {
            throw InvalidQuery(message: error.message, position: error.cursorPosition)
        }
        guard tree.statements.count == 1, let kind = tree.statementKind else {
            throw InvalidQuery(message: "expected exactly one SQL statement, found \(tree.statements.count)", position: nil)
        }
        guard plannable.contains(kind) else {
            throw InvalidQuery(message: "only SELECT, WITH, INSERT, UPDATE and DELETE statements can be optimized, not \(kind.uppercased())", position: nil)
        }
        return (tree, RewriteVerifier.statementText(sql))
    }

    /// The report for `sql`; `target` nil means findings (and unverified AI rewrites) only.
    /// Throws ``InvalidQuery`` for SQL that does not parse and `TargetError` when the database
    /// is unreachable or refuses the query (unknown table, wrong parameter type…).
    public func optimize(_ sql: String, target: TargetAccess?) async throws -> OptimizationReport {
        let (tree, text) = try Self.parse(sql)
        let shape = QueryShape(tree: tree)
        var report = OptimizationReport(fingerprint: (try? PgQuery.fingerprint(text)) ?? "")
        let advice: IndexAdvice
        if let target {
            advice = try await adviseIndexes(tree: tree, text: text, target: target)
        } else {
            advice = IndexAdvice(notes: [Finding(
                rule: "no_database", severity: .info,
                message: "The project has no database, so the index advisor and cost checks did not run.",
                fix: "Connect the project's database (PUT /projects/{id}/database) for hypopg-verified indexes.")],
                timings: AnalysisTimings(analysis_ms: 0, planner_calls: 0))
        }
        report.findings += advice.notes
        report.index_recommendations = advice.recommendations
        report.why_not = advice.whyNot
        report.timings = advice.timings
        let context = RuleContext(tree: tree, shape: shape, catalog: advice.catalog, sql: text)
        let (findings, ruleRewrites) = rules.evaluate(context)
        report.findings = findings + report.findings

        var proposals = ruleRewrites.map { ($0, "rules") }
        if let ai {
            switch await ai.suggest(query: text, kind: tree.statementKind ?? "select", catalog: advice.catalog,
                                    plan: advice.baseline, findings: findings) {
            case .success(let answer):
                proposals += answer.rewrites.map { ($0, "ai") }
                report.findings += answer.indexSuggestions.map {
                    Finding(rule: "ai_index_suggestion", severity: .info, message: "The AI engine suggests: \($0)",
                            fix: "Unverified: the index advisor's hypopg-verified recommendations take precedence.")
                }
                report.findings += answer.notes.map {
                    Finding(rule: "ai_note", severity: .info, message: $0, fix: "Unverified note from the AI engine.")
                }
            case .failure(let unavailable):
                report.findings.append(Finding(
                    rule: "ai_unavailable", severity: .info,
                    message: "The AI engine was unavailable: \(unavailable.reason).",
                    fix: "The rules and the index advisor still ran; try again later for AI rewrites."))
            }
        }
        report.rewrites = await verify(proposals, tree: tree, baseline: advice.baseline, target: advice.catalog == nil ? nil : target)
        return report
    }

    // MARK: - Index advice

    /// The index advisor alone, for one statement (`$n` parameters allowed; they are planned
    /// generically): verified recommendations, why nothing else is recommended, and timings.
    ///
    /// This is the entry point for callers that advise many statements (workload analysis):
    /// it opens one session through `target`, works in a transaction it rolls back, and never
    /// leaves anything on the database. Throws ``InvalidQuery`` or `TargetError` (`query_error`
    /// when the database refuses the statement, `target_unreachable`).
    public func adviseIndexes(for sql: String, target: TargetAccess) async throws -> IndexAdvice {
        let (tree, text) = try Self.parse(sql)
        return try await adviseIndexes(tree: tree, text: text, target: target)
    }

    private actor Box<Value: Sendable> {
        var value: Value
        init(_ value: Value) { self.value = value }
        func set(_ value: Value) { self.value = value }
    }

    private func adviseIndexes(tree: ParseTree, text: String, target: TargetAccess) async throws -> IndexAdvice {
        let box = Box(IndexAdvice())
        let requested = ContinuousClock.now
        do {
            try await target.withSession { session in
                var advice = try await adviseIndexes(tree: tree, text: text, session: session)
                if let timings = advice.timings {
                    advice.timings = AnalysisTimings(
                        analysis_ms: timings.analysis_ms, planner_calls: timings.planner_calls,
                        connect_ms: Self.milliseconds(requested.duration(to: .now)) - timings.analysis_ms)
                }
                await box.set(advice)
            }
        } catch let error as TargetError {
            throw error
        } catch let error as InvalidQuery {
            throw error
        } catch {
            throw TargetError(.unreachable, code: "target_unreachable",
                              message: "The database failed during the analysis: \(PlannerError.message(error)).")
        }
        return await box.value
    }

    /// Like ``adviseIndexes(for:target:)``, in a session the caller holds (e.g. a workload
    /// analysis advising many statements on one connection); nothing is left on the database.
    public func adviseIndexes(for sql: String, session: some PlannerSession) async throws -> IndexAdvice {
        let (tree, text) = try Self.parse(sql)
        return try await adviseIndexes(tree: tree, text: text, session: session)
    }

    private func adviseIndexes(tree: ParseTree, text: String, session: some PlannerSession) async throws -> IndexAdvice {
        let advisor = advisor, generator = candidates
        let references = Self.references(tree)
        let started = ContinuousClock.now
        let probe = CostProbe(sql: text, parameterCount: QueryShape(tree: tree).parameterCount)
        var advice = try await AnalysisTransaction.run(on: session) { hypopg, extensions in
            var advice = IndexAdvice()
            let catalog = try await CatalogLoader().load(references, extensions: extensions, session: session)
            let baseline: PlanEstimate
            do {
                baseline = try await probe.estimate(on: session)
            } catch {
                throw Self.refused(error)
            }
            advice.catalog = catalog
            advice.baseline = baseline
            switch hypopg {
            case .installed: break
            case .temporary:
                advice.notes.append(Finding(
                    rule: "hypopg_temporary", severity: .info,
                    message: "HypoPG was not installed: it was created inside the analysis transaction and rolled back with it, leaving nothing on the database.",
                    fix: "Nothing to do; installing hypopg (CREATE EXTENSION hypopg) lets roles that may not create extensions use the advisor."))
            case .unavailable(let reason):
                advice.notes.append(Finding(
                    rule: "hypopg_unavailable", severity: .info,
                    message: "HypoPG is not installed and could not be created (\(reason)), so no B-tree index was tested.",
                    fix: "Install the hypopg extension on the database (CREATE EXTENSION hypopg, as a role allowed to) to get verified index recommendations."))
            }
            let shape = IndexShape(tree: tree, catalog: catalog)
            let found = generator.candidates(shape: shape, catalog: catalog)
            let outcome = try await advisor.analyze(found, catalog: catalog, probe: probe, baseline: baseline,
                                                    hypopg: hypopg.available, session: session)
            advice.whyNot = outcome.whyNot
            advice.recommendations = try await Self.recommendations(outcome.choices, catalog, session)
            return advice
        }
        try? await probe.finish(on: session)
        advice.timings = AnalysisTimings(
            analysis_ms: Self.milliseconds(started.duration(to: .now)), planner_calls: probe.plannerCalls)
        return advice
    }

    /// Every relation the statement names (CTE names excluded).
    static func references(_ tree: ParseTree) -> [TableRef] {
        let ctes = tree.cteNames
        var seen: Set<TableRef> = []
        return tree.rangeVars.filter { $0.schema != nil || !ctes.contains($0.name) }
            .map { TableRef(schema: $0.schema, name: $0.name, alias: nil) }
            .filter { seen.insert($0).inserted }
    }

    /// The database refused the customer's statement: a `query_error`, not an advisor note.
    static func refused(_ error: any Error) -> TargetError {
        if let error = error as? TargetError { return error }
        if let state = PlannerError.sqlState(error) {
            let message = PlannerError.message(error)
            return TargetError(.refusedQuery, code: "query_error",
                               message: "The database refused the query (SQLSTATE \(state)): \(message).")
        }
        return TargetError(.unreachable, code: "target_unreachable", message: "The database failed while planning the query: \(error).")
    }

    /// Names the accepted indexes (unique in their schema, at most 63 bytes) and writes their DDL.
    static func recommendations(_ choices: [IndexAdvisor.Choice], _ catalog: SchemaCatalog,
                                _ session: some PlannerSession) async throws -> [IndexRecommendation] {
        var taken: Set<String> = []
        var result: [IndexRecommendation] = []
        for choice in choices {
            let candidate = choice.candidate
            var name = candidate.baseName
            var suffix = 1
            while true {
                let exists = try await session.rows(
                    "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2",
                    [candidate.schema, name])
                if exists.isEmpty, taken.insert("\(candidate.schema).\(name)").inserted { break }
                suffix += 1
                name = IndexCandidate.fit(candidate.baseName, limit: 63 - "_\(suffix)".utf8.count) + "_\(suffix)"
            }
            let table = catalog.table(schema: candidate.schema, name: candidate.table)
            let ddl = candidate.statements(name: name, partitions: table?.partitions ?? [], multiLevel: table?.multiLevel ?? false,
                                           partitioned: table?.kind == "p")
            let reason = [choice.reason, ddl.note].compactMap { $0 }.joined(separator: " ")
            result.append(IndexRecommendation(
                table: "\(candidate.schema).\(candidate.table)",
                columns: candidate.columns, definition: candidate.label,
                method: candidate.method, statements: ddl.statements, cost_before: round(choice.costBefore),
                cost_after: choice.costAfter.map(round),
                improvement_pct: choice.costAfter.map { round((choice.costBefore - $0) / max(choice.costBefore, 0.000_001) * 100) },
                verified: choice.verified, reason: reason.isEmpty ? nil : reason))
        }
        return result
    }

    private static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return round(Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }

    private func verify(_ proposals: [(RuleRewrite, String)], tree: ParseTree, baseline: PlanEstimate?,
                        target: TargetAccess?) async -> [Rewrite] {
        guard !proposals.isEmpty else { return [] }
        let verifier = RewriteVerifier(original: tree)
        let box = Box<[Rewrite]>([])
        if let target, let baseline {
            do {
                try await target.withSession { session in
                    var verified: [Rewrite] = []
                    for (proposal, source) in proposals {
                        verified.append(await verifier.verify(proposal, source: source, baseline: baseline, session: session))
                    }
                    await box.set(verified)
                }
                return await box.value
            } catch {
                // Fall through: the rewrites are still shown, labelled unverified.
            }
        }
        var result: [Rewrite] = []
        for (proposal, source) in proposals {
            result.append(await verifier.verify(proposal, source: source, baseline: nil, session: nil))
        }
        return result
    }
}
