@testable import Advisor
@testable import CustomerDatabase
import Foundation
@testable import PgQuery
import Testing

/// Plan insights on hand-written EXPLAIN output (the shapes PostgreSQL 15 prints).
@Suite("Explain insights")
struct ExplainInsightTests {
    static func result(_ json: String) throws -> ExplainResult {
        ExplainResult(explainOutput: try JSONDecoder().decode(PlanJSON.self, from: Data(json.utf8)))
    }

    @Test("hash spill, nested loop with many loops, heap fetches, slowest node, summary")
    func shapes() throws {
        let result = try Self.result("""
        [{"Plan": {"Node Type": "Nested Loop", "Total Cost": 900.5, "Plan Rows": 50000, "Actual Rows": 50000,
                   "Actual Loops": 1, "Actual Total Time": 120.0,
          "Plans": [
            {"Node Type": "Hash Join", "Plan Rows": 5000, "Actual Rows": 5000, "Actual Loops": 1, "Actual Total Time": 30.0,
             "Plans": [
               {"Node Type": "Seq Scan", "Relation Name": "a", "Plan Rows": 5000, "Actual Rows": 5000, "Actual Loops": 1,
                "Actual Total Time": 5.0},
               {"Node Type": "Hash", "Hash Batches": 4, "Peak Memory Usage": 4097, "Plan Rows": 100, "Actual Rows": 100,
                "Actual Loops": 1, "Actual Total Time": 2.0}]},
            {"Node Type": "Index Only Scan", "Relation Name": "b", "Index Name": "b_pkey", "Heap Fetches": 4000,
             "Plan Rows": 1, "Actual Rows": 1, "Actual Loops": 5000, "Actual Total Time": 0.016}]},
          "Planning Time": 0.4, "Execution Time": 121.0}]
        """)
        #expect(result.summary == .init(planning_ms: 0.4, execution_ms: 121.0, total_cost: 900.5, rows: 50000))
        let kinds = result.insights.map(\.kind)
        #expect(kinds.contains("hash_spill"))
        #expect(kinds.contains("nested_loop_loops"))
        #expect(kinds.contains("heap_fetches"))
        #expect(!kinds.contains("seq_scan_filter"), "nothing was filtered")
        #expect(!kinds.contains("row_misestimate"))
        let slowest = result.insights.first { $0.kind == "slowest_node" }
        // Self times: the loop 120 − 30 − 80 = 10 ms, the hash join 23 ms, the inner scan 5,000 × 0.016 = 80 ms.
        #expect(slowest?.node.type == "Index Only Scan")
        #expect(slowest?.detail["self_time_ms"]?.number.map { abs($0 - 80) < 0.001 } == true)
        let nested = result.insights.first { $0.kind == "nested_loop_loops" }
        #expect(nested?.detail["inner_loops"] == .double(5000))
        #expect(nested?.node.id == 0)
        #expect(result.insights.first { $0.kind == "heap_fetches" }?.node.relation == "b")
        // Most severe first.
        let ranks = result.insights.map(\.severity)
        #expect(ranks == ranks.sorted(by: >))
    }

    @Test("a mis-estimate needs a factor of 10 and 100 rows; a filter needs 90% and 1,000 rows")
    func thresholds() throws {
        let result = try Self.result("""
        [{"Plan": {"Node Type": "Aggregate", "Plan Rows": 1, "Actual Rows": 1, "Actual Loops": 1, "Actual Total Time": 9,
          "Plans": [
            {"Node Type": "Seq Scan", "Relation Name": "big", "Filter": "(x = 1)", "Rows Removed by Filter": 9990,
             "Plan Rows": 5, "Actual Rows": 10, "Actual Loops": 1, "Actual Total Time": 8},
            {"Node Type": "Seq Scan", "Relation Name": "small", "Rows Removed by Filter": 500,
             "Plan Rows": 20, "Actual Rows": 2000, "Actual Loops": 1, "Actual Total Time": 1},
            {"Node Type": "Sort", "Sort Method": "external merge", "Sort Space Used": 12000, "Sort Space Type": "Disk",
             "Plan Rows": 100, "Actual Rows": 90, "Actual Loops": 1, "Actual Total Time": 0.5}]},
          "Planning Time": 0.1, "Execution Time": 9.5}]
        """)
        let scans = result.insights.filter { $0.kind == "seq_scan_filter" }
        #expect(scans.map(\.node.relation) == ["big"])
        #expect(scans.first?.severity == .warning)
        let estimates = result.insights.filter { $0.kind == "row_misestimate" }
        #expect(estimates.map(\.node.relation) == ["small"])
        #expect(estimates.first?.detail["direction"] == .string("under"))
        #expect(result.insights.contains { $0.kind == "sort_spill" && $0.detail["disk_kb"] == .double(12000) })
    }

    @Test("below a Gather, loops are shared by the workers: self time is wall time")
    func parallel() throws {
        let result = try Self.result("""
        [{"Plan": {"Node Type": "Gather", "Workers Planned": 2, "Workers Launched": 2, "Plan Rows": 10, "Actual Rows": 12,
                   "Actual Loops": 1, "Actual Total Time": 40.0,
          "Plans": [
            {"Node Type": "Parallel Seq Scan", "Relation Name": "orders", "Rows Removed by Filter": 66000,
             "Plan Rows": 4, "Actual Rows": 4, "Actual Loops": 3, "Actual Total Time": 36.0}]},
          "Planning Time": 0.2, "Execution Time": 40.5}]
        """)
        let scan = result.insights.first { $0.kind == "seq_scan_filter" }
        #expect(scan?.detail["rows_removed"] == .double(198_000))
        let slowest = result.insights.first { $0.kind == "slowest_node" }
        #expect(slowest?.node.type == "Parallel Seq Scan")
        #expect(slowest?.detail["self_time_ms"] == .double(36))
    }

    @Test("no slowest-node line for a one-node plan or a sub-millisecond step")
    func quietPlans() throws {
        let single = try Self.result("""
        [{"Plan": {"Node Type": "Seq Scan", "Relation Name": "t", "Plan Rows": 12, "Actual Rows": 12, "Actual Loops": 1,
                   "Actual Total Time": 5.0}, "Planning Time": 0.1, "Execution Time": 5.1}]
        """)
        #expect(single.insights.isEmpty)
        let fast = try Self.result("""
        [{"Plan": {"Node Type": "Limit", "Plan Rows": 1, "Actual Rows": 1, "Actual Loops": 1, "Actual Total Time": 0.05,
          "Plans": [{"Node Type": "Index Scan", "Relation Name": "t", "Plan Rows": 1, "Actual Rows": 1, "Actual Loops": 1,
                     "Actual Total Time": 0.04}]}, "Planning Time": 0.1, "Execution Time": 0.06}]
        """)
        #expect(fast.insights.isEmpty)
    }
}
