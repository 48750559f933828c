import Advisor
import CustomerDatabase
import Foundation
import PgQuery

/// The one place the workload analysis calls the advisor (its public API: the rules,
/// ``QueryOptimizer/adviseIndexes(for:session:)``, ``IndexAdvisor`` settings and ``CostProbe``),
/// so that the advisor's own improvements reach workload reports unchanged.
///
/// Like `POST /query/optimize` it leaves nothing on the database (HypoPG, when missing, lives
/// only inside the rolled-back analysis transaction); it does not call the AI engine — rewrites
/// are left to the single-query optimizer.
struct WorkloadAdvisor: Sendable {
    var rules = RuleEngine()
    var optimizer = QueryOptimizer()
    var indexes = IndexAdvisor()

    /// The advisor's answer for one statement.
    struct Advice: Sendable {
        var findings: [Finding] = []
        var recommendations: [IndexRecommendation] = []
    }

    /// A statement as the planner sees it.
    struct Planned: Sendable {
        let fingerprint: String
        let text: String
        let parameterCount: Int
        let totalMS: Double
    }

    /// Whether `sql` is a statement the advisor plans, and its planner form.
    static func plannable(_ sql: String, fingerprint: String, totalMS: Double) -> Planned? {
        guard let (tree, text) = try? QueryOptimizer.parse(sql) else { return nil }
        return Planned(fingerprint: fingerprint, text: text, parameterCount: QueryShape(tree: tree).parameterCount, totalMS: totalMS)
    }

    /// Rules, then (with HypoPG) the verified index advisor, for one statement in its own
    /// read-only transaction (generic plan for `$n`). A statement the planner refuses gets a
    /// finding instead of failing the analysis.
    func advise(_ sql: String, hypopg: Bool, session: some PlannerSession) async -> Advice {
        guard let (tree, text) = try? QueryOptimizer.parse(sql) else { return Advice() }
        let shape = QueryShape(tree: tree)
        var advice = Advice()
        do {
            let indexAdvice = try await optimizer.adviseIndexes(for: sql, session: session)
            advice.findings = rules.evaluate(RuleContext(tree: tree, shape: shape, catalog: indexAdvice.catalog, sql: text)).findings
            advice.recommendations = hypopg ? indexAdvice.recommendations : []
        } catch {
            advice.findings = rules.evaluate(RuleContext(tree: tree, shape: shape, catalog: nil, sql: text)).findings
            advice.findings.append(Finding(
                rule: "advisor_failed", severity: .info,
                message: "The index advisor could not plan this statement: \(PlannerError.message(error))",
                fix: "Check that the statement still runs on this database (the schema may have changed)."))
        }
        return advice
    }

    /// Plans each statement without and with the hypothetical index of `createSQL`; returns the
    /// statements whose plan uses it and gets at least the advisor's threshold cheaper.
    func verify(createSQL: String, statements: [Planned], session: some PlannerSession)
        async throws -> [(statement: Planned, before: Double, after: Double)] {
        let hypothetical = createSQL.replacingOccurrences(of: "CREATE INDEX CONCURRENTLY ", with: "CREATE INDEX ")
        return try await ReadOnlyTransaction.run(on: session) {
            var before: [Double] = []
            for statement in statements {
                before.append(try await CostProbe(sql: statement.text, parameterCount: statement.parameterCount)
                    .estimate(on: session).totalCost)
            }
            do {
                guard let name = try await session.rows("SELECT indexname FROM hypopg_create_index($1)", [hypothetical])
                    .first?.first.flatMap({ $0 }) else { throw CostProbe.ProbeError(message: "hypopg_create_index returned nothing") }
                var helped: [(statement: Planned, before: Double, after: Double)] = []
                for (statement, cost) in zip(statements, before) {
                    let estimate = try await CostProbe(sql: statement.text, parameterCount: statement.parameterCount).estimate(on: session)
                    if estimate.indexNames.contains(name), estimate.totalCost <= cost * (1 - indexes.settings.threshold) {
                        helped.append((statement, cost, estimate.totalCost))
                    }
                }
                try await session.execute("SELECT hypopg_reset()")
                return helped
            } catch {
                try? await session.execute("SELECT hypopg_reset()")
                throw error
            }
        }
    }
}
