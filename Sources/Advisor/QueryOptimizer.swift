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
    public func optimize(_ sql: String, target: TargetAccess?) async throws -> OptimizationReport {
        let (tree, text) = try Self.parse(sql)
        let shape = QueryShape(tree: tree)
        var report = OptimizationReport(fingerprint: (try? PgQuery.fingerprint(text)) ?? "")
        let analysis = await analyze(text: text, shape: shape, target: target)
        report.findings += analysis.notes
        report.index_recommendations = analysis.recommendations
        let context = RuleContext(tree: tree, shape: shape, catalog: analysis.catalog, sql: text)
        let (findings, ruleRewrites) = rules.evaluate(context)
        report.findings = findings + report.findings

        var proposals = ruleRewrites.map { ($0, "rules") }
        if let ai {
            switch await ai.suggest(query: text, kind: tree.statementKind ?? "select", catalog: analysis.catalog,
                                    plan: analysis.baseline, findings: findings) {
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
        report.rewrites = await verify(proposals, tree: tree, baseline: analysis.baseline, target: analysis.catalog == nil ? nil : target)
        return report
    }

    // MARK: - Target work

    private struct Analysis: Sendable {
        var catalog: SchemaCatalog?
        var baseline: PlanEstimate?
        var recommendations: [IndexRecommendation] = []
        var notes: [Finding] = []
    }

    private actor Box<Value: Sendable> {
        var value: Value
        init(_ value: Value) { self.value = value }
        func set(_ value: Value) { self.value = value }
    }

    private func analyze(text: String, shape: QueryShape, target: TargetAccess?) async -> Analysis {
        guard let target else {
            return Analysis(notes: [Finding(
                rule: "no_database", severity: .info,
                message: "The project has no database, so the index advisor and cost checks did not run.",
                fix: "Connect the project's database (PUT /projects/{id}/database) for hypopg-verified indexes.")])
        }
        let box = Box(Analysis())
        let advisor = advisor, generator = candidates
        do {
            try await target.withSession { session in
                var analysis = Analysis()
                let hypopg = try await HypoPGSetup.ensure(on: session)
                if let note = hypopg.note { analysis.notes.append(note) }
                try await ReadOnlyTransaction.run(on: session) {
                    let catalog = try await CatalogLoader().load(shape.tables, session: session)
                    let probe = CostProbe(sql: text, parameterCount: shape.parameterCount)
                    let baseline = try await probe.estimate(on: session)
                    analysis.catalog = catalog
                    analysis.baseline = baseline
                    if hypopg.available {
                        let found = generator.candidates(shape: shape, catalog: catalog)
                        analysis.recommendations = try await advisor.analyze(
                            candidates: found, probe: probe, baseline: baseline, session: session)
                    }
                }
                await box.set(analysis)
            }
        } catch {
            var analysis = await box.value
            analysis.notes.append(Finding(
                rule: "database_unavailable", severity: .info,
                message: "The index advisor could not analyze the query on the database: \(PlannerError.message(error))",
                fix: "Check that the query runs on the project's database and that the database is reachable."))
            return analysis
        }
        return await box.value
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
