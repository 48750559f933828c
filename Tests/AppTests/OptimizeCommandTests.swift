import Foundation
import Testing

/// `dbooster optimize` and `dbooster explain` output run as processes against the sample database.
@Suite("Optimize command")
struct OptimizeCommandTests {
    @Test("JSON carries timings; a query starting with a -- comment is accepted")
    func jsonAndComment() async throws {
        let url = try await SampleTargetDatabase.readerURL()
        let run = try await ExplainCommandTests.dbooster(
            ["optimize", "--database-url", url, "--format", "json", "-- latest tickets of an agent\nSELECT id FROM tickets WHERE assignee_id = 17 ORDER BY created_at DESC LIMIT 20"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let timings = object?["timings"] as? [String: Any]
        #expect(timings?["analysis_ms"] is Double)
        #expect((timings?["planner_calls"] as? Int ?? 0) >= 2)
        let index = (object?["index_recommendations"] as? [[String: Any]])?.first
        #expect(index?["definition"] as? String == "tickets(assignee_id, created_at DESC)")
        #expect(object?["why_not"] is [Any])
    }

    @Test("a planner error is an error with its code and exit status 2", arguments: [
        "SELECT id FROM no_such_table", "SELECT id FROM orders WHERE customer_id = 'abc'",
    ])
    func plannerErrors(_ sql: String) async throws {
        let url = try await SampleTargetDatabase.readerURL()
        let run = try await ExplainCommandTests.dbooster(["optimize", "--database-url", url, sql])
        #expect(run.status == 2)
        #expect(run.stderr.contains("query_error"), "\(run.stderr)")
        #expect(!run.stdout.contains("database_unavailable"))
    }

    @Test("text output lists the recommendation, its statements and why nothing else")
    func text() async throws {
        let url = try await SampleTargetDatabase.readerURL()
        let run = try await ExplainCommandTests.dbooster(["optimize", "--database-url", url, "SELECT id, subject FROM tickets WHERE priority = 2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("[below_threshold]"))
        #expect(run.stdout.contains("Timings: analysis"))
    }

    @Test("explain prints the plan as a tree with self times, estimated vs actual rows, the slowest node")
    func explainTree() async throws {
        let url = try await SampleTargetDatabase.readerURL()
        let run = try await ExplainCommandTests.dbooster(
            ["explain", "--database-url", url, "SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.note LIKE '%7%' ORDER BY o.id LIMIT 5"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Plan (self time, rows estimated -> actual, loops):"))
        #expect(run.stdout.contains("<< slowest"))
        #expect(run.stdout.contains("   -> "))
        let nodeLines = run.stdout.split(separator: "\n").filter { $0.contains("  self ") }
        #expect(nodeLines.count >= 3)
        #expect(nodeLines.allSatisfy { $0.contains(" rows ") && $0.contains(" loops ") })
    }
}
