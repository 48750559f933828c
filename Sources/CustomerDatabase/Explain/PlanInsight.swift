import Foundation

/// A finding about one plan node, in the spirit of pgMustard and PEV2.
///
/// JSON: `{"kind", "severity": "info|warning|critical", "node": {"id", "type", "relation"},
/// "message", "detail": {…numbers and strings…}}`. Kinds: `seq_scan_filter`, `row_misestimate`,
/// `sort_spill`, `hash_spill`, `nested_loop_loops`, `heap_fetches`, `slowest_node`.
public struct PlanInsight: Sendable, Encodable, Equatable {
    public enum Severity: String, Sendable, Encodable, Comparable {
        case info, warning, critical
        private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    /// The node an insight is about: its depth-first id (root = 0), type and relation.
    public struct Node: Sendable, Encodable, Equatable {
        public let id: Int
        public let type: String
        public let relation: String?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(type, forKey: .type)
            try container.encode(relation, forKey: .relation)
        }
        private enum CodingKeys: String, CodingKey { case id, type, relation }
    }

    public let kind: String
    public let severity: Severity
    public let node: Node
    public let message: String
    public let detail: [String: PlanJSON]
}
