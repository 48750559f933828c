import Advisor
import ArgumentParser
import Core
import CustomerDatabase
import Foundation

/// `dbooster bench-advisor`: runs the index advisor over a labelled case set and prints the hit
/// rate, false recommendations and analysis time per query (used by `bench/advisor`).
struct AdvisorBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-advisor", abstract: "Benchmark the index advisor on a case set.", shouldDisplay: false)

    @Option(help: "postgresql:// URL of the sample database.")
    var databaseURL: String

    @Option(help: "JSON case set: [{\"name\",\"query\",\"expected\": \"table(col, …)\" | \"none\"}].")
    var cases: String = "bench/advisor-cases.json"

    @Option(help: "Runs per case; the best time counts.")
    var repeats = 3

    struct Case: Decodable {
        let name: String
        let query: String
        let expected: String
    }

    func run() async throws {
        let set = try JSONDecoder().decode([Case].self, from: Data(contentsOf: URL(fileURLWithPath: cases)))
        let target = TargetDatabase(url: try TargetURL(parsing: databaseURL), logger: makeLogger())
        let optimizer = QueryOptimizer()
        var hits = 0, falseRecommendations = 0, missed = 0
        var times: [Double] = []
        try await target.withConnection { connection in
            let access = TargetAccess { body in
                try await body(ConnectionPlannerSession(connection: connection, logger: target.logger))
            }
            for item in set {
                var best = Double.infinity
                var report: OptimizationReport?
                for _ in 0..<max(1, repeats) {
                    let start = ContinuousClock.now
                    report = try await optimizer.optimize(item.query, target: access)
                    let elapsed = ContinuousClock.now - start
                    best = min(best, elapsed.milliseconds)
                }
                times.append(best)
                let got = report?.index_recommendations.map { "\($0.table.split(separator: ".").last ?? "")(\($0.columns.joined(separator: ", ")))" } ?? []
                let expected = item.expected == "none" ? [] : [item.expected]
                let ok = got == expected
                if ok { hits += 1 }
                if expected.isEmpty, !got.isEmpty { falseRecommendations += 1 }
                if !expected.isEmpty, !ok {
                    if got.isEmpty { missed += 1 } else { falseRecommendations += 1 }
                }
                let mark = ok ? "ok  " : "FAIL"
                print("\(mark) \(item.name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(String(format: "%6.1f ms", best))  expected \(item.expected), got \(got.isEmpty ? "none" : got.joined(separator: "; "))")
            }
        }
        let sorted = times.sorted()
        let mean = times.reduce(0, +) / Double(max(1, times.count))
        print("")
        print("cases: \(set.count)")
        print(String(format: "hit rate: %d/%d (%.0f%%)", hits, set.count, Double(hits) / Double(max(1, set.count)) * 100))
        print("false recommendations: \(falseRecommendations), missed: \(missed)")
        print(String(format: "analysis time per query: mean %.1f ms, median %.1f ms, max %.1f ms (target < 50 ms)",
                     mean, sorted[sorted.count / 2], sorted.last ?? 0))
    }
}
