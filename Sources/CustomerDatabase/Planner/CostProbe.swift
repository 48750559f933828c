import Foundation

/// The planner's estimate for one statement: total cost, the indexes the plan uses, the plan.
public struct PlanEstimate: Sendable {
    public var totalCost: Double
    public var planRows: Double
    public var indexNames: Set<String>
    /// The top plan node (`EXPLAIN (FORMAT JSON)`'s `Plan`), as JSON text.
    public var planJSON: String
}

/// Asks the planner for a statement's cost with `EXPLAIN (FORMAT JSON)` — never `ANALYZE`, so
/// the statement is planned, not run. Statements with `$n` parameters get a generic plan through
/// `PREPARE` + `EXPLAIN EXECUTE …(NULL, …)` under `plan_cache_mode = force_generic_plan` (the
/// `GENERIC_PLAN` option exists only from PostgreSQL 16). The caller runs it inside a
/// transaction that is rolled back, so the `SET LOCAL` never outlives it.
public struct CostProbe: Sendable {
    public let sql: String
    public let parameterCount: Int

    public init(sql: String, parameterCount: Int) {
        self.sql = sql
        self.parameterCount = parameterCount
    }

    /// Plans the statement once.
    public func estimate(on session: some PlannerSession) async throws -> PlanEstimate {
        let text: String
        if parameterCount > 0 {
            try await session.execute("SET LOCAL plan_cache_mode = force_generic_plan")
            try await session.execute("DEALLOCATE ALL")
            try await session.execute("PREPARE dbooster_probe AS \(sql)")
            let nulls = Array(repeating: "NULL", count: parameterCount).joined(separator: ", ")
            text = try await session.rows("EXPLAIN (FORMAT JSON) EXECUTE dbooster_probe(\(nulls))", []).first?.first.flatMap { $0 } ?? ""
            try await session.execute("DEALLOCATE dbooster_probe")
        } else {
            text = try await session.rows("EXPLAIN (FORMAT JSON) \(sql)", []).first?.first.flatMap { $0 } ?? ""
        }
        return try Self.read(text)
    }

    /// Reads `EXPLAIN (FORMAT JSON)` output.
    static func read(_ text: String) throws -> PlanEstimate {
        guard let document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]],
              let plan = document.first?["Plan"] as? [String: Any] else {
            throw ProbeError(message: "the planner returned no plan")
        }
        var names: Set<String> = []
        func visit(_ node: [String: Any]) {
            if let name = node["Index Name"] as? String { names.insert(name) }
            for child in node["Plans"] as? [[String: Any]] ?? [] { visit(child) }
        }
        visit(plan)
        let data = try JSONSerialization.data(withJSONObject: plan, options: [.sortedKeys])
        return PlanEstimate(totalCost: (plan["Total Cost"] as? NSNumber)?.doubleValue ?? 0, planRows: (plan["Plan Rows"] as? NSNumber)?.doubleValue ?? 0,
                            indexNames: names, planJSON: String(decoding: data, as: UTF8.self))
    }

    /// The planner could not produce a plan.
    public struct ProbeError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }

        public init(message: String) { self.message = message }
    }
}
