import Foundation

/// The answer of `POST /query/explain` and `dbooster explain --format json`:
/// `{"plan": <EXPLAIN JSON>, "summary": {…}, "insights": [PlanInsight]}`.
public struct ExplainResult: Sendable, Encodable {
    /// Totals of the run.
    public struct Summary: Sendable, Encodable, Equatable {
        public let planning_ms: Double
        public let execution_ms: Double
        public let total_cost: Double
        /// Rows returned by the top node.
        public let rows: Double
    }

    /// EXPLAIN's own JSON output, unchanged (an array with one object holding `Plan`).
    public let plan: PlanJSON
    public let summary: Summary
    public let insights: [PlanInsight]

    /// Builds the summary and insights from EXPLAIN's JSON output.
    public init(explainOutput plan: PlanJSON) {
        let top = plan.elements.first ?? plan
        let root = PlanNode.tree(top["Plan"] ?? .object([:]))
        let execution = top["Execution Time"]?.number ?? 0
        self.plan = plan
        self.summary = Summary(planning_ms: top["Planning Time"]?.number ?? 0, execution_ms: execution,
                               total_cost: root.totalCost, rows: root.actualRows)
        self.insights = PlanInsights.analyze(root, executionTime: execution)
    }
}
