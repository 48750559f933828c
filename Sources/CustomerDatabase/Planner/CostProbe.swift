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
    private let state = State()

    public init(sql: String, parameterCount: Int) {
        self.sql = sql
        self.parameterCount = parameterCount
    }

    /// Statements planned so far by this probe.
    public var plannerCalls: Int { state.withLock { $0.calls } }

    /// Plans the statement once. With parameters, each call prepares a fresh statement (a cached
    /// plan would ignore hypothetical indexes created since); ``finish(on:)`` deallocates them.
    public func estimate(on session: some PlannerSession) async throws -> PlanEstimate {
        let text: String
        if parameterCount > 0 {
            let (first, number) = state.withLock { value -> (Bool, Int) in
                value.calls += 1
                value.prepared += 1
                return (value.prepared == 1, value.prepared)
            }
            if first {
                try await session.execute("SET LOCAL plan_cache_mode = force_generic_plan")
            }
            let name = "dbooster_probe_\(state.token)_\(number)"
            try await session.execute("PREPARE \(name) AS \(sql)")
            let nulls = Array(repeating: "NULL", count: parameterCount).joined(separator: ", ")
            text = try await session.rows("EXPLAIN (FORMAT JSON) EXECUTE \(name)(\(nulls))", []).first?.first.flatMap { $0 } ?? ""
        } else {
            state.withLock { $0.calls += 1 }
            text = try await session.rows("EXPLAIN (FORMAT JSON) \(sql)", []).first?.first.flatMap { $0 } ?? ""
        }
        return try Self.read(text)
    }

    /// Deallocates the statements this probe prepared (prepared statements outlive a rollback).
    public func finish(on session: some PlannerSession) async throws {
        let prepared = state.withLock { value -> Int in
            defer { value.prepared = 0 }
            return value.prepared
        }
        if prepared > 0 { try await session.execute("DEALLOCATE ALL") }
    }

    private final class State: @unchecked Sendable {
        struct Value {
            var calls = 0
            var prepared = 0
        }

        let token = UInt32.random(in: 0...UInt32.max)
        private let lock = NSLock()
        private var value = Value()

        func withLock<T>(_ body: (inout Value) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&value)
        }
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
