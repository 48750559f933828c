import Advisor
import CustomerDatabase
import Foundation

/// Turns the advisor's per-statement recommendations into one proposal per index.
///
/// Each distinct index (table and columns) is re-planned with HypoPG against every statement that
/// asked for it or for a leading prefix of it; the statements it really helps are listed with the
/// estimated saving `total_ms × (1 − cost after / cost before)` (total_ms = calls × mean time).
/// A narrower index whose statements a wider one already helps is folded into the wider one.
struct RecommendationMerger: Sendable {
    let advisor: WorkloadAdvisor

    struct Proposal: Sendable {
        let fingerprint: String
        let recommendation: IndexRecommendation
    }

    func merge(_ proposals: [Proposal], statements: [String: WorkloadAdvisor.Planned],
               session: some PlannerSession) async throws -> [WorkloadIndexRecommendation] {
        var distinct: [String: IndexRecommendation] = [:]
        for proposal in proposals {
            if distinct[key(proposal.recommendation)] == nil { distinct[key(proposal.recommendation)] = proposal.recommendation }
        }
        var merged: [WorkloadIndexRecommendation] = []
        // Widest first, so that narrower ones can be folded into them.
        for recommendation in distinct.values.sorted(by: { ($1.columns.count, key($0)) < ($0.columns.count, key($1)) }) {
            let askers = Set(proposals.filter {
                $0.recommendation.table == recommendation.table
                    && Array(recommendation.columns.prefix($0.recommendation.columns.count)) == $0.recommendation.columns
            }.map(\.fingerprint))
            let candidates = askers.sorted().compactMap { statements[$0] }
            let helped = try await advisor.verify(createSQL: recommendation.create_sql, statements: candidates, session: session)
            guard !helped.isEmpty else { continue }
            let fingerprints = helped.map(\.statement.fingerprint)
            let folded = merged.contains { wider in
                wider.table == recommendation.table && wider.columns.count > recommendation.columns.count
                    && Array(wider.columns.prefix(recommendation.columns.count)) == recommendation.columns
                    && Set(fingerprints).isSubset(of: Set(wider.queries))
            }
            if folded { continue }
            let saving = helped.reduce(0) { $0 + $1.statement.totalMS * (1 - $1.after / max($1.before, 0.000_001)) }
            merged.append(WorkloadIndexRecommendation(
                table: recommendation.table, columns: recommendation.columns, create_sql: recommendation.create_sql,
                queries: fingerprints, estimated_saving_ms: Self.round(saving),
                cost_before: Self.round(helped.reduce(0) { $0 + $1.before }),
                cost_after: Self.round(helped.reduce(0) { $0 + $1.after }), verified: "hypopg"))
        }
        return merged.sorted { ($0.estimated_saving_ms, $1.create_sql) > ($1.estimated_saving_ms, $0.create_sql) }
    }

    private func key(_ recommendation: IndexRecommendation) -> String {
        ([recommendation.table] + recommendation.columns).joined(separator: "\u{0}")
    }

    static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
