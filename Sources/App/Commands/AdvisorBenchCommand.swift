import Advisor
import ArgumentParser
import Core
import CustomerDatabase
import Foundation

/// `dbooster bench-advisor`: runs the index advisor over a labelled case set and prints, per
/// case and in total, right / wrong / missed, and the median analysis time (used by `bench/advisor`).
struct AdvisorBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-advisor", abstract: "Benchmark the index advisor on a case set.", shouldDisplay: false)

    @Option(help: "postgresql:// URL of the sample database.")
    var databaseURL: String

    @Option(help: "JSON case set: [{\"name\",\"class\",\"query\",\"expected\": [\"table(col, col DESC)\" | \"table USING gin (col)\"], \"reason\"?}].")
    var cases: String = "bench/advisor-cases.json"

    @Option(help: "Runs per case; the best analysis time counts.")
    var repeats = 3

    @Option(help: "Only the cases whose name contains this text.")
    var only: String?

    @Flag(help: "Print every statement sent to the database with its time (for the cases run).")
    var trace = false

    struct Case: Decodable {
        let name: String
        let `class`: String?
        let query: String
        let expected: [String]
        let reason: String?
    }

    enum Verdict: String { case right, wrong, missed }

    func run() async throws {
        let set = try JSONDecoder().decode([Case].self, from: Data(contentsOf: URL(fileURLWithPath: cases)))
            .filter { only == nil || $0.name.contains(only!) }
        let target = TargetDatabase(url: try TargetURL(parsing: databaseURL), logger: makeLogger())
        let optimizer = QueryOptimizer()
        var verdicts: [String: [Verdict]] = [:]
        var analysis: [Double] = [], connects: [Double] = [], calls: [Int] = []
        var reasonsMatched = 0, reasonsExpected = 0
        let connectStart = ContinuousClock.now
        try await target.withConnection { connection in
            connects.append(connectStart.duration(to: .now).milliseconds)
            let session = ConnectionPlannerSession(connection: connection, logger: target.logger)
            let trace = trace
            let access = TargetAccess { body in
                if trace { try await body(TracingSession(base: session)) } else { try await body(session) }
            }
            for item in set {
                var best = Double.infinity
                var advice = IndexAdvice()
                for _ in 0..<max(1, repeats) {
                    advice = try await optimizer.adviseIndexes(for: item.query, target: access)
                    best = min(best, advice.timings?.analysis_ms ?? 0)
                }
                analysis.append(best)
                calls.append(advice.timings?.planner_calls ?? 0)
                let got = advice.recommendations.map(\.definition)
                let verdict = Self.judge(expected: item.expected, got: got, query: item.query)
                verdicts[item.class ?? "", default: []].append(verdict)
                var reasonNote = ""
                if let reason = item.reason {
                    reasonsExpected += 1
                    let reasons = Set(advice.whyNot.map(\.reason.rawValue))
                    if reasons.contains(reason) { reasonsMatched += 1 } else { reasonNote = "  (reason \(reason), got \(reasons.sorted().joined(separator: ",")))" }
                }
                let mark = verdict == .right ? "ok    " : verdict.rawValue.uppercased().padding(toLength: 6, withPad: " ", startingAt: 0)
                print("\(mark) \(item.name.padding(toLength: 52, withPad: " ", startingAt: 0)) \(String(format: "%6.1f ms", best))  expected \(item.expected.isEmpty ? "none" : item.expected.joined(separator: " + ")), got \(got.isEmpty ? "none" : got.joined(separator: " + "))\(reasonNote)")
            }
        }
        let all = verdicts.values.flatMap { $0 }
        print("")
        print("cases: \(all.count)")
        for name in verdicts.keys.sorted() {
            let list = verdicts[name]!
            print("  \(name.padding(toLength: 24, withPad: " ", startingAt: 0)) right \(list.filter { $0 == .right }.count)/\(list.count), wrong \(list.filter { $0 == .wrong }.count), missed \(list.filter { $0 == .missed }.count)")
        }
        print("right: \(all.filter { $0 == .right }.count), wrong: \(all.filter { $0 == .wrong }.count), missed: \(all.filter { $0 == .missed }.count)")
        print("why-not reason as labelled: \(reasonsMatched)/\(reasonsExpected)")
        let sorted = analysis.sorted()
        print(String(format: "analysis time per query (connected): median %.1f ms, p90 %.1f ms, max %.1f ms; planner calls median %d; connection setup %.1f ms (once)",
                     sorted[sorted.count / 2], sorted[min(sorted.count - 1, sorted.count * 9 / 10)], sorted.last ?? 0,
                     calls.sorted()[calls.count / 2], connects.first ?? 0))
    }

    /// Columns the query compares with `=`, `IN (…)`, `= ANY` or `IS NULL` (their direction in an
    /// index does not matter).
    static func equalityColumns(_ query: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"([A-Za-z_][A-Za-z0-9_]*)\s*(=|\bIN\s*\(|\bIS\s+NULL)"#, options: [.caseInsensitive])
        let range = NSRange(query.startIndex..., in: query)
        return Set(pattern.matches(in: query, range: range).compactMap { Range($0.range(at: 1), in: query).map { String(query[$0]) } })
    }

    /// Right when the sets match (up to equivalent forms), missed when nothing was recommended
    /// though something was expected, wrong otherwise (an index that should not be there).
    static func judge(expected: [String], got: [String], query: String) -> Verdict {
        let equalities = equalityColumns(query)
        let want = Set(expected.map { canonical($0, equalities) }), have = Set(got.map { canonical($0, equalities) })
        if want == have { return .right }
        return have.isEmpty ? .missed : .wrong
    }

    /// One spelling per equivalent index: B-tree directions all reversed are the same index
    /// (so the first key is made ascending), equality columns have no direction, and
    /// `jsonb_path_ops` is as good as the default for containment.
    static func canonical(_ text: String, _ equalities: Set<String>) -> String {
        var text = text.replacingOccurrences(of: " jsonb_path_ops", with: "").replacingOccurrences(of: "\"", with: "")
        guard !text.contains(" USING "), let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return text }
        let table = String(text[..<open])
        var keys = text[text.index(after: open)..<text.index(before: text.endIndex)]
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .map { key -> (String, Bool) in
                key.hasSuffix(" DESC") ? (String(key.dropLast(5)), true) : (key.hasSuffix(" ASC") ? String(key.dropLast(4)) : key, false)
            }
        keys = keys.map { equalities.contains($0.0) ? ($0.0, false) : $0 }
        if keys.first(where: { !equalities.contains($0.0) })?.1 == true {
            keys = keys.map { equalities.contains($0.0) ? $0 : ($0.0, !$0.1) }
        }
        text = "\(table)(\(keys.map { $0.1 ? "\($0.0) DESC" : $0.0 }.joined(separator: ", ")))"
        return text
    }
}

/// Prints each statement's round-trip time (bench `--trace`).
struct TracingSession: PlannerSession {
    let base: ConnectionPlannerSession

    func rows(_ sql: String, _ binds: [String?]) async throws -> [[String?]] {
        let started = ContinuousClock.now
        defer {
            let line = sql.split(separator: "\n").first.map(String.init) ?? sql
            print(String(format: "    %6.2f ms  ", started.duration(to: .now).milliseconds) + String(line.prefix(100)))
        }
        return try await base.rows(sql, binds)
    }
}
