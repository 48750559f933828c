import Foundation

/// Reads an analyzed plan and reports what deserves attention, most severe first.
public enum PlanInsights {
    /// Thresholds of the checks.
    public struct Thresholds: Sendable {
        /// A filter that removes at least this share of the rows it reads…
        public var removedShare = 0.9
        /// …and at least this many rows.
        public var removedRows = 1000.0
        /// Estimated vs actual rows differing by this factor (either way).
        public var misestimateFactor = 10.0
        /// …where the larger side is at least this many rows.
        public var misestimateRows = 100.0
        /// Inner side of a nested loop run at least this many times.
        public var nestedLoops = 1000.0
        /// Heap fetches of an index-only scan, as a share of its rows.
        public var heapFetchShare = 0.1
        public init() {}
    }

    /// The insights of a plan; `executionTime` is EXPLAIN's `Execution Time` in ms.
    public static func analyze(_ root: PlanNode, executionTime: Double, thresholds: Thresholds = .init()) -> [PlanInsight] {
        var insights: [PlanInsight] = []
        for node in root.all {
            insights += [
                seqScanFilter(node, thresholds), misestimate(node, thresholds), sortSpill(node), hashSpill(node),
                nestedLoop(node, thresholds), heapFetches(node, thresholds),
            ].compactMap { $0 }
        }
        if let slowest = slowestNode(root, executionTime: executionTime) { insights.append(slowest) }
        return insights.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
        }.map(\.element)
    }

    // MARK: - Checks

    static func seqScanFilter(_ node: PlanNode, _ limits: Thresholds) -> PlanInsight? {
        guard node.nodeType.hasSuffix("Seq Scan") else { return nil }
        let removed = node.rowsRemovedByFilter * node.loops
        let kept = node.actualRows * node.loops
        let share = removed / max(removed + kept, 1)
        guard removed >= limits.removedRows, share >= limits.removedShare else { return nil }
        return insight("seq_scan_filter", removed >= 100_000 ? .critical : .warning, node,
            "\(node.label) read \(count(removed + kept)) rows and its filter removed \(count(removed)) (\(percent(share))); an index on the filtered columns would avoid reading them.",
            ["rows_removed": .double(removed), "rows_returned": .double(kept), "removed_share": .double(share),
             "filter": node.filter.map(PlanJSON.string) ?? .null])
    }

    static func misestimate(_ node: PlanNode, _ limits: Thresholds) -> PlanInsight? {
        guard node.loops > 0 else { return nil }
        let estimated = node.planRows, actual = node.actualRows
        let larger = max(estimated, actual), smaller = max(min(estimated, actual), 1)
        let factor = larger / smaller
        guard larger >= limits.misestimateRows, factor >= limits.misestimateFactor else { return nil }
        let direction = actual > estimated ? "under" : "over"
        return insight("row_misestimate", factor >= 100 ? .warning : .info, node,
            "\(node.label): the planner expected \(count(estimated)) rows per loop but got \(count(actual)) (\(direction)estimated \(Int(factor.rounded()))×); run ANALYZE or add extended statistics.",
            ["estimated_rows": .double(estimated), "actual_rows": .double(actual), "factor": .double(factor),
             "direction": .string(direction)])
    }

    static func sortSpill(_ node: PlanNode) -> PlanInsight? {
        let external = node.sortMethod?.lowercased().contains("external") ?? false
        guard node.sortSpaceType == "Disk" || external else { return nil }
        let used = node.sortSpaceUsed ?? 0
        return insight("sort_spill", .warning, node,
            "\(node.label) spilled \(count(used)) kB to disk (\(node.sortMethod ?? "external")); raise work_mem for this query or sort fewer rows (an index on the sort key can avoid the sort).",
            ["sort_method": node.sortMethod.map(PlanJSON.string) ?? .null, "disk_kb": .double(used)])
    }

    static func hashSpill(_ node: PlanNode) -> PlanInsight? {
        guard let batches = node.hashBatches, batches > 1 else { return nil }
        return insight("hash_spill", .warning, node,
            "\(node.label) used \(Int(batches)) batches, so the hash table went to disk; raise work_mem or hash a smaller input.",
            ["hash_batches": .double(batches), "peak_memory_kb": node.peakMemoryUsage.map(PlanJSON.double) ?? .null])
    }

    static func nestedLoop(_ node: PlanNode, _ limits: Thresholds) -> PlanInsight? {
        guard node.nodeType == "Nested Loop", node.children.count == 2 else { return nil }
        let inner = node.children[1]
        guard inner.loops >= limits.nestedLoops else { return nil }
        return insight("nested_loop_loops", inner.loops >= 100_000 ? .critical : .warning, node,
            "Nested Loop ran its inner side (\(inner.label)) \(count(inner.loops)) times; a hash or merge join, or an index on the join key, is usually cheaper.",
            ["inner_loops": .double(inner.loops), "inner_node": .int(Int64(inner.id)),
             "inner_time_ms": .double(inner.inclusiveTime)])
    }

    static func heapFetches(_ node: PlanNode, _ limits: Thresholds) -> PlanInsight? {
        guard node.nodeType == "Index Only Scan", let fetches = node.heapFetches, fetches > 0 else { return nil }
        let rows = max(node.actualRows * node.loops, 1)
        guard fetches / rows >= limits.heapFetchShare else { return nil }
        return insight("heap_fetches", .info, node,
            "\(node.label) fetched \(count(fetches)) rows from the table despite being index-only; VACUUM the table so its visibility map is current.",
            ["heap_fetches": .double(fetches), "rows": .double(rows)])
    }

    static func slowestNode(_ root: PlanNode, executionTime: Double) -> PlanInsight? {
        // Not worth a line for a one-node plan or a step under a millisecond.
        let nodes = root.all
        guard nodes.count > 1, let slowest = nodes.max(by: { $0.selfTime < $1.selfTime }), slowest.selfTime >= 1 else {
            return nil
        }
        let share = executionTime > 0 ? min(1, slowest.selfTime / executionTime) : 0
        return insight("slowest_node", .info, slowest,
            "\(slowest.label) is the slowest step: \(milliseconds(slowest.selfTime)) of its own (\(percent(share)) of the execution time).",
            ["self_time_ms": .double(slowest.selfTime), "share": .double(share)])
    }

    // MARK: - Formatting

    private static func insight(_ kind: String, _ severity: PlanInsight.Severity, _ node: PlanNode, _ message: String,
                                _ detail: [String: PlanJSON]) -> PlanInsight {
        PlanInsight(kind: kind, severity: severity, node: .init(id: node.id, type: node.nodeType, relation: node.relation),
                    message: message, detail: detail)
    }

    private static func count(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 0
        return formatter.string(from: NSNumber(value: value.rounded())) ?? "\(Int(value))"
    }

    private static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
    private static func milliseconds(_ value: Double) -> String { String(format: "%.1f ms", value) }
}
