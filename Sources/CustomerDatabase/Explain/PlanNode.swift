import Foundation
import PgQuery

/// One node of an `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` plan, with the fields the insights
/// read. `id` numbers nodes in depth-first order from 0 (the root).
public struct PlanNode: Sendable {
    public let id: Int
    public let nodeType: String
    public let relation: String?
    public let schema: String?
    public let indexName: String?
    public let filter: String?
    public let planRows: Double
    public let actualRows: Double
    public let loops: Double
    /// Milliseconds per loop, as EXPLAIN reports it.
    public let actualTotalTime: Double
    public let totalCost: Double
    public let rowsRemovedByFilter: Double
    public let sortMethod: String?
    public let sortSpaceType: String?
    public let sortSpaceUsed: Double?
    public let hashBatches: Double?
    public let peakMemoryUsage: Double?
    public let heapFetches: Double?
    /// Processes sharing this node's loops: 1, or the workers plus the leader below a Gather.
    public let parallelProcesses: Double
    public let children: [PlanNode]

    /// Builds the tree from a plan object (`"Plan"` of EXPLAIN's output), numbering nodes.
    public static func tree(_ plan: PlanJSON) -> PlanNode {
        var next = 0
        return build(plan, processes: 1, next: &next)
    }

    private static func build(_ plan: PlanJSON, processes: Double, next: inout Int) -> PlanNode {
        let id = next
        next += 1
        let nodeType = plan["Node Type"]?.string ?? "?"
        var childProcesses = processes
        if nodeType.hasPrefix("Gather") {
            childProcesses = (plan["Workers Launched"]?.number ?? plan["Workers Planned"]?.number ?? 0) + 1
        }
        let children = (plan["Plans"]?.elements ?? []).map { build($0, processes: childProcesses, next: &next) }
        return PlanNode(
            id: id,
            nodeType: nodeType,
            relation: plan["Relation Name"]?.string,
            schema: plan["Schema"]?.string,
            indexName: plan["Index Name"]?.string,
            filter: plan["Filter"]?.string,
            planRows: plan["Plan Rows"]?.number ?? 0,
            actualRows: plan["Actual Rows"]?.number ?? 0,
            loops: plan["Actual Loops"]?.number ?? 1,
            actualTotalTime: plan["Actual Total Time"]?.number ?? 0,
            totalCost: plan["Total Cost"]?.number ?? 0,
            rowsRemovedByFilter: plan["Rows Removed by Filter"]?.number ?? 0,
            sortMethod: plan["Sort Method"]?.string,
            sortSpaceType: plan["Sort Space Type"]?.string,
            sortSpaceUsed: plan["Sort Space Used"]?.number,
            hashBatches: plan["Hash Batches"]?.number,
            peakMemoryUsage: plan["Peak Memory Usage"]?.number,
            heapFetches: plan["Heap Fetches"]?.number,
            parallelProcesses: processes,
            children: children)
    }

    /// Every node of the subtree, depth first.
    public var all: [PlanNode] { [self] + children.flatMap(\.all) }

    /// Inclusive wall time across all loops, in milliseconds (parallel processes run their loops
    /// at the same time, so below a Gather the sum is divided among them).
    public var inclusiveTime: Double { actualTotalTime * loops / max(parallelProcesses, 1) }

    /// Time spent in this node itself (inclusive time minus its children's), never negative.
    public var selfTime: Double { max(0, inclusiveTime - children.reduce(0) { $0 + $1.inclusiveTime }) }

    /// `Seq Scan on public.orders` style label.
    public var label: String {
        guard let relation else { return nodeType }
        return "\(nodeType) on \(schema.map { "\($0)." } ?? "")\(relation)"
    }
}
