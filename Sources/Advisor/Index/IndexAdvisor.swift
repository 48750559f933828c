import CustomerDatabase
import Foundation

/// Finds the smallest set of B-tree indexes that makes the planner's cost drop by a clear
/// margin, using HypoPG's hypothetical indexes (nothing is built on the target).
///
/// Greedy, in the spirit of dexter: each round tries every remaining candidate as a
/// hypothetical index, keeps the cheapest plan that actually uses its index (preferring fewer
/// columns when they get ``narrowerShare`` of the saving), and stops when no candidate improves the cost by at least
/// ``threshold`` (and ``minimumSaving``). The caller runs this inside a transaction it rolls back; hypothetical indexes
/// are session-level, so ``analyze`` always ends with `hypopg_reset()`.
public struct IndexAdvisor: Sendable {
    /// Minimum relative cost drop for an index to be recommended (0.2 = 20%).
    public var threshold = 0.2
    /// Minimum absolute cost drop: on tiny tables a relative gain is noise.
    public var minimumSaving = 50.0
    /// A narrower candidate wins when it gets at least this share of the best candidate's saving.
    public var narrowerShare = 0.9
    /// At most this many indexes per query.
    public var maximumIndexes = 3

    public init() {}

    /// The recommendations for `probe`'s statement, given its candidates and the cost without any
    /// new index.
    public func analyze(candidates: [IndexCandidate], probe: CostProbe, baseline: PlanEstimate,
                        session: some PlannerSession) async throws -> [IndexRecommendation] {
        guard !candidates.isEmpty else { return [] }
        do {
            let result = try await greedy(candidates, probe, baseline, session)
            try await session.execute("SELECT hypopg_reset()")
            return result
        } catch {
            try? await session.execute("SELECT hypopg_reset()")
            throw error
        }
    }

    private func greedy(_ candidates: [IndexCandidate], _ probe: CostProbe, _ baseline: PlanEstimate,
                        _ session: some PlannerSession) async throws -> [IndexRecommendation] {
        var remaining = candidates
        var current = baseline.totalCost
        var accepted: [IndexRecommendation] = []
        while accepted.count < maximumIndexes, !remaining.isEmpty {
            var trials: [(candidate: IndexCandidate, cost: Double)] = []
            for candidate in remaining {
                let (oid, name) = try await create(candidate, session)
                let estimate = try await probe.estimate(on: session)
                _ = try await session.rows("SELECT hypopg_drop_index($1::oid)", [oid])
                if estimate.indexNames.contains(name) { trials.append((candidate, estimate.totalCost)) }
            }
            guard let best = trials.map(\.cost).min(), best <= current * (1 - threshold),
                  current - best >= minimumSaving else { break }
            let choice = trials.filter { current - $0.cost >= (current - best) * narrowerShare }
                .min { ($0.candidate.columns.count, $0.cost) < ($1.candidate.columns.count, $1.cost) }!
            _ = try await create(choice.candidate, session)
            accepted.append(IndexRecommendation(
                table: "\(choice.candidate.schema).\(choice.candidate.table)", columns: choice.candidate.columns,
                create_sql: choice.candidate.createSQL, cost_before: Self.round(current), cost_after: Self.round(choice.cost),
                improvement_pct: Self.round((current - choice.cost) / max(current, 0.000_001) * 100), verified: "hypopg"))
            current = choice.cost
            remaining.removeAll { $0.schema == choice.candidate.schema && $0.table == choice.candidate.table }
        }
        return accepted
    }

    private func create(_ candidate: IndexCandidate, _ session: some PlannerSession) async throws -> (oid: String, name: String) {
        let row = try await session.rows("SELECT indexrelid::text, indexname FROM hypopg_create_index($1)",
                                         [candidate.hypotheticalSQL]).first
        guard let oid = row?[0], let name = row?[1] else {
            throw CostProbe.ProbeError(message: "hypopg_create_index returned nothing")
        }
        return (oid, name)
    }

    private static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
