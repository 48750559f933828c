import CustomerDatabase
import Foundation

/// Thresholds of the index advisor. Defaults: an index must cut the query's planner cost by
/// 20% and by 50 cost units; on a query that costs little in total, by half and by 5 units.
public struct AdvisorSettings: Sendable, Equatable {
    /// Minimum relative cost drop for an index to be recommended (0.2 = 20%).
    public var threshold = 0.2
    /// Minimum absolute cost drop (about 50 pages read in sequence).
    public var minimumSaving = 50.0
    /// Below ``minimumSaving``, an index still counts on a query costing at most
    /// ``smallQueryCost`` when it removes this share of the cost…
    public var smallRelativeThreshold = 0.5
    /// …and at least this many cost units, on a table that has statistics (never-analysed
    /// tables are sized by guesswork, so small gains there are noise).
    public var smallMinimumSaving = 5.0
    /// Queries up to this cost are judged by the small-query rule.
    public var smallQueryCost = 250.0
    /// A narrower candidate wins when it gets at least this share of the best candidate's saving.
    public var narrowerShare = 0.9
    /// At most this many indexes per query.
    public var maximumIndexes = 3
    /// Tables of at most this many pages are reported as too small to matter.
    public var smallTablePages = 10.0
    /// A GIN index is recommended when the planner expects at most this share of the table's
    /// rows to match (HypoPG cannot cost GIN).
    public var ginMaximumShare = 0.05

    public init() {}
}

/// Finds the smallest set of indexes that makes the planner's cost drop by a clear margin, using
/// HypoPG's hypothetical B-tree indexes (nothing is built on the target).
///
/// Greedy, in the spirit of dexter: each round tries every remaining candidate as a hypothetical
/// index next to those already accepted, keeps the cheapest plan that uses its index (preferring
/// fewer columns when they get ``AdvisorSettings/narrowerShare`` of the saving, so a wider index
/// wins only when it is clearly better), and stops when nothing passes the thresholds. When no
/// single index passes in the first round, pairs of candidates on different tables are tried (a
/// join often needs an index on each side). GIN candidates are judged from the planner's row
/// estimate and labelled unverified. The caller runs this inside a transaction it rolls back;
/// ``analyze`` always ends with `hypopg_reset()`.
public struct IndexAdvisor: Sendable {
    public var settings: AdvisorSettings

    public init(settings: AdvisorSettings = AdvisorSettings()) {
        self.settings = settings
    }

    /// An accepted index with the costs around it.
    public struct Choice: Sendable {
        public var candidate: IndexCandidate
        public var costBefore: Double
        public var costAfter: Double?
        public var verified: String
        public var reason: String?
    }

    /// What the advisor decided.
    public struct Outcome: Sendable {
        public var choices: [Choice] = []
        public var whyNot: [WhyNot] = []
    }

    /// The indexes for `probe`'s statement, given its candidates and the plan without any new index.
    public func analyze(_ candidates: CandidateGenerator.Output, catalog: SchemaCatalog, probe: CostProbe,
                        baseline: PlanEstimate, hypopg: Bool, session: some PlannerSession) async throws -> Outcome {
        var outcome = Outcome()
        outcome.whyNot = candidates.notes
        if hypopg, !candidates.btree.isEmpty {
            do {
                try await search(candidates.btree, catalog, probe, baseline, session, Pending(), &outcome)
                try await session.execute("SELECT hypopg_reset()")
            } catch {
                try? await session.execute("SELECT hypopg_reset()")
                throw error
            }
        } else if !candidates.btree.isEmpty {
            outcome.whyNot.append(WhyNot(
                reason: .hypopgUnavailable, table: nil, columns: [],
                message: "HypoPG is not available, so the \(candidates.btree.count) B-tree candidate(s) could not be costed."))
        }
        gin(candidates.gin, catalog, baseline, &outcome)
        if outcome.choices.isEmpty, candidates.btree.isEmpty, candidates.gin.isEmpty, outcome.whyNot.isEmpty {
            outcome.whyNot.append(WhyNot(
                reason: .notIndexable, table: nil, columns: [],
                message: "The query has no equality, range, join, IS NULL or ORDER BY on a plain column that an index could serve."))
        }
        return outcome
    }

    // MARK: - B-tree search

    private struct Trial {
        var candidate: IndexCandidate
        var cost: Double
        var used: Bool
    }

    private func search(_ candidates: [IndexCandidate], _ catalog: SchemaCatalog, _ probe: CostProbe,
                        _ baseline: PlanEstimate, _ session: some PlannerSession, _ pending: Pending,
                        _ outcome: inout Outcome) async throws {
        var remaining = candidates
        var current = baseline.totalCost
        var singles: [Trial] = []
        while outcome.choices.count < settings.maximumIndexes, !remaining.isEmpty {
            var trials: [Trial] = []
            for candidate in remaining {
                trials.append(try await trial([candidate], probe, session, pending))
            }
            if outcome.choices.isEmpty { singles = trials }
            let passing = trials.filter { $0.used && passes(from: current, to: $0.cost, first: outcome.choices.isEmpty, catalog, $0.candidate) }
            var picked: [Trial] = []
            if let best = passing.map(\.cost).min() {
                picked = [passing.filter { current - $0.cost >= (current - best) * settings.narrowerShare }
                    .min { ($0.candidate.columns.count, $0.cost) < ($1.candidate.columns.count, $1.cost) }!]
            } else if outcome.choices.isEmpty, let pair = try await pairs(trials, current, catalog, probe, session, pending) {
                picked = pair
            }
            guard !picked.isEmpty else { break }
            for trial in picked {
                remaining.removeAll { $0.schema == trial.candidate.schema && $0.table == trial.candidate.table }
                var cost = trial.cost
                // The accepted index stays for the next round; without a next round it is not needed.
                if picked.count > 1 || !remaining.isEmpty {
                    _ = try await create(trial.candidate, session, pending)
                    if picked.count > 1 { cost = try await probe.estimate(on: session).totalCost }
                }
                outcome.choices.append(Choice(candidate: trial.candidate, costBefore: current, costAfter: cost, verified: "hypopg"))
                current = cost
            }
        }
        explain(singles, outcome.choices, catalog, baseline, &outcome)
    }

    /// Pairs of candidates on two different tables, each table's best few singles (used or not):
    /// for joins that need an index on both sides before the plan changes.
    private func pairs(_ trials: [Trial], _ current: Double, _ catalog: SchemaCatalog, _ probe: CostProbe,
                       _ session: some PlannerSession, _ pending: Pending) async throws -> [Trial]? {
        let byTable = Dictionary(grouping: trials) { "\($0.candidate.schema).\($0.candidate.table)" }
        guard byTable.count >= 2 else { return nil }
        let shortlists = byTable.keys.sorted().map { key in
            Array(byTable[key]!.sorted { ($0.cost, $0.candidate.columns.count) < ($1.cost, $1.candidate.columns.count) }.prefix(2))
        }
        var results: [(pair: [IndexCandidate], cost: Double)] = []
        for first in 0..<shortlists.count {
            for second in (first + 1)..<shortlists.count {
                for a in shortlists[first] {
                    for b in shortlists[second] {
                        let result = try await trial([a.candidate, b.candidate], probe, session, pending)
                        if result.used, passes(from: current, to: result.cost, first: true, catalog, a.candidate) {
                            results.append(([a.candidate, b.candidate], result.cost))
                        }
                    }
                }
            }
        }
        guard let best = results.map(\.cost).min() else { return nil }
        let choice = results.filter { current - $0.cost >= (current - best) * settings.narrowerShare }
            .min { ($0.pair.map(\.columns.count).reduce(0, +), $0.cost) < ($1.pair.map(\.columns.count).reduce(0, +), $1.cost) }!
        return choice.pair.map { Trial(candidate: $0, cost: choice.cost, used: true) }
    }

    /// Whether a drop from `current` to `cost` is worth an index.
    func passes(from current: Double, to cost: Double, first: Bool, _ catalog: SchemaCatalog, _ candidate: IndexCandidate) -> Bool {
        let saving = current - cost
        guard saving >= current * settings.threshold else { return false }
        if saving >= settings.minimumSaving { return true }
        let analyzed = !(catalog.table(schema: candidate.schema, name: candidate.table)?.neverAnalyzed ?? true)
        return first && analyzed && current <= settings.smallQueryCost
            && saving >= current * settings.smallRelativeThreshold && saving >= settings.smallMinimumSaving
    }

    /// Plans the statement with `candidates` as hypothetical indexes (dropped again afterwards);
    /// `used` when the plan uses every one of them.
    private func trial(_ candidates: [IndexCandidate], _ probe: CostProbe, _ session: some PlannerSession,
                       _ pending: Pending) async throws -> Trial {
        var created: [(oid: String, name: String)] = []
        for candidate in candidates { created.append(try await create(candidate, session, pending)) }
        let estimate = try await probe.estimate(on: session)
        // Dropped with the next creation: one round trip less per trial.
        pending.set(created.map(\.oid))
        return Trial(candidate: candidates[0], cost: estimate.totalCost,
                     used: created.allSatisfy { estimate.indexNames.contains($0.name) })
    }

    /// Creates a hypothetical index, dropping the previous trial's indexes in the same statement.
    private func create(_ candidate: IndexCandidate, _ session: some PlannerSession,
                        _ pending: Pending) async throws -> (oid: String, name: String) {
        let row = try await session.rows("""
            SELECT h.indexrelid::text, h.indexname::text,
                   (SELECT count(hypopg_drop_index(o::oid)) FROM unnest(string_to_array($2, ',')) AS o)
            FROM hypopg_create_index($1) AS h
            """, [candidate.hypotheticalSQL, pending.take().joined(separator: ",")]).first
        guard let oid = row?[0], let name = row?[1] else {
            throw CostProbe.ProbeError(message: "hypopg_create_index returned nothing")
        }
        return (oid, name)
    }

    /// Hypothetical indexes of the last trial, still to be dropped (one per analysis).
    private final class Pending: @unchecked Sendable {
        private let lock = NSLock()
        private var oids: [String] = []

        func set(_ oids: [String]) {
            lock.lock()
            defer { lock.unlock() }
            self.oids = oids
        }

        func take() -> [String] {
            lock.lock()
            defer { lock.unlock() }
            let taken = oids
            oids = []
            return taken
        }
    }

    // MARK: - Why not

    /// One entry per table that got no index: too small, the planner ignored every candidate, or
    /// the best one saved too little (with the numbers).
    private func explain(_ singles: [Trial], _ choices: [Choice], _ catalog: SchemaCatalog, _ baseline: PlanEstimate,
                         _ outcome: inout Outcome) {
        let served = Set(choices.map { "\($0.candidate.schema).\($0.candidate.table)" })
        var seen: Set<String> = []
        for trial in singles {
            let key = "\(trial.candidate.schema).\(trial.candidate.table)"
            guard !served.contains(key), seen.insert(key).inserted else { continue }
            let tableTrials = singles.filter { "\($0.candidate.schema).\($0.candidate.table)" == key }
            let table = catalog.table(schema: trial.candidate.schema, name: trial.candidate.table)
            let labels = tableTrials.map(\.candidate.label).joined(separator: ", ")
            if let table, table.pages <= settings.smallTablePages {
                outcome.whyNot.append(WhyNot(
                    reason: .smallTable, table: key, columns: [],
                    message: "\(key) has \(Int(table.pages)) page(s)\(table.neverAnalyzed ? " (never analysed)" : " and about \(Int(table.rowEstimate)) rows"): reading it whole is as cheap as any index (tried \(labels))."))
                continue
            }
            let used = tableTrials.filter(\.used)
            guard let best = used.min(by: { $0.cost < $1.cost }) else {
                outcome.whyNot.append(WhyNot(
                    reason: .seqScanPreferred, table: key, columns: [],
                    message: "The planner keeps its current plan for \(key) with any of \(labels): the rows it reads are too many for an index to pay off."))
                continue
            }
            let current = choices.first.map { _ in baseline.totalCost } ?? baseline.totalCost
            let saving = current - best.cost
            outcome.whyNot.append(WhyNot(
                reason: .belowThreshold, table: key, columns: best.candidate.columns,
                message: best.candidate.label + String(format: " would take the cost from %.2f to %.2f (%.1f%%, %.2f units): below the thresholds (%.0f%% and %.0f units).",
                                current, best.cost, saving / max(current, 0.000_001) * 100, saving,
                                settings.threshold * 100, settings.minimumSaving)))
        }
    }

    // MARK: - GIN

    /// GIN candidates, which HypoPG cannot simulate: recommended (unverified) when the planner
    /// expects few of the table's rows to match and scanning the table costs enough to matter.
    private func gin(_ candidates: [IndexCandidate], _ catalog: SchemaCatalog, _ baseline: PlanEstimate, _ outcome: inout Outcome) {
        for candidate in candidates {
            let key = "\(candidate.schema).\(candidate.table)"
            guard outcome.choices.count < settings.maximumIndexes,
                  !outcome.choices.contains(where: { "\($0.candidate.schema).\($0.candidate.table)" == key }),
                  let table = catalog.table(schema: candidate.schema, name: candidate.table) else { continue }
            let relations = Set([table.name] + table.partitions.map(\.name))
            let scans = PlanScans.read(baseline.planJSON, relations: relations)
            guard scans.found else { continue }
            let share = table.rowEstimate > 0 ? scans.rows / table.rowEstimate : 1
            if table.pages <= settings.smallTablePages {
                outcome.whyNot.append(WhyNot(reason: .smallTable, table: key, columns: candidate.columns,
                                             message: "\(key) has \(Int(table.pages)) page(s): a GIN index would not beat reading it whole."))
            } else if scans.indexed {
                outcome.whyNot.append(WhyNot(reason: .alreadyIndexed, table: key, columns: candidate.columns,
                                             message: "The plan already reads \(key) through an index."))
            } else if share > settings.ginMaximumShare || scans.cost < settings.minimumSaving {
                outcome.whyNot.append(WhyNot(
                    reason: .seqScanPreferred, table: key, columns: candidate.columns,
                    message: String(format: "The planner expects %.0f of %.0f rows of ", scans.rows, table.rowEstimate) + key
                        + String(format: " (%.1f%%) to match: ", share * 100) + candidate.label + " would not beat the sequential scan."))
            } else {
                outcome.choices.append(Choice(
                    candidate: candidate, costBefore: baseline.totalCost, costAfter: nil, verified: "unverified",
                    reason: String(format: "HypoPG cannot simulate GIN indexes, so this is not costed: the planner expects %.0f of %.0f rows (%.2f%%) to match, and the scan it would replace costs %.0f.",
                                   scans.rows, table.rowEstimate, share * 100, scans.cost)))
            }
        }
    }
}

/// The scans of some relations in a plan: estimated rows (a parallel scan's per-worker estimate
/// scaled back up), their cost and whether any already uses an index.
struct PlanScans {
    var found = false
    var rows = 0.0
    var cost = 0.0
    var indexed = false

    static func read(_ planJSON: String, relations: Set<String>) -> PlanScans {
        guard let plan = (try? JSONSerialization.jsonObject(with: Data(planJSON.utf8))) as? [String: Any] else { return PlanScans() }
        var result = PlanScans()
        func visit(_ node: [String: Any], workers: Double) {
            var workers = workers
            if let planned = (node["Workers Planned"] as? NSNumber)?.doubleValue { workers = planned }
            if let relation = node["Relation Name"] as? String, relations.contains(relation) {
                result.found = true
                var rows = (node["Plan Rows"] as? NSNumber)?.doubleValue ?? 0
                if node["Parallel Aware"] as? Bool == true { rows *= workers + max(0, 1 - 0.3 * workers) }
                result.rows += rows
                result.cost += (node["Total Cost"] as? NSNumber)?.doubleValue ?? 0
                let type = node["Node Type"] as? String ?? ""
                if type.contains("Index") || type.contains("Bitmap") { result.indexed = true }
            }
            for child in node["Plans"] as? [[String: Any]] ?? [] { visit(child, workers: workers) }
        }
        visit(plan, workers: 0)
        return result
    }
}
