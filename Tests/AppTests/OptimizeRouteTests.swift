@testable import App
@testable import Database
import Foundation
import HummingbirdTesting
import Testing

/// `POST /query/optimize` end to end against the sample database: the answer's shape, the
/// verified index, history, quota, another organization's project and unparsable SQL.
@Suite("Optimize route")
struct OptimizeRouteTests {
    static func optimize(_ client: any TestClientProtocol, _ query: String, _ project: SampleProject) async throws -> JSONResponse {
        try await client.call(.post, "/query/optimize", token: project.user.token,
                              json: ["query": query, "project_id": project.projectID])
    }

    @Test("a missing index is recommended, verified by HypoPG, and the run is kept in the history")
    func recommendsAndRecords() async throws {
        try await withTestApp { test in
            let project = try await test.client.sampleProject()
            let before = try await SampleTargetDatabase.checksum()
            let response = try await Self.optimize(test.client, "SELECT * FROM orders WHERE customer_id = 42", project)
            #expect(response.status == .ok, "\(response.text)")
            #expect((response.object["fingerprint"] as? String)?.isEmpty == false)
            let findings = response.object["findings"] as? [[String: Any]] ?? []
            #expect(!findings.isEmpty, "SELECT * is a finding")
            let recommendation = try #require((response.object["index_recommendations"] as? [[String: Any]])?.first)
            #expect(recommendation["verified"] as? String == "hypopg")
            #expect(recommendation["columns"] as? [String] == ["customer_id"])
            #expect((recommendation["create_sql"] as? String)?.hasPrefix("CREATE INDEX CONCURRENTLY") == true)
            let costBefore = recommendation["cost_before"] as? Double ?? 0
            let costAfter = recommendation["cost_after"] as? Double ?? .infinity
            #expect(costAfter < costBefore)
            #expect(response.object["rewrites"] is [Any])
            #expect(recommendation["definition"] as? String == "orders(customer_id)")
            #expect(recommendation["statements"] as? [String] == [recommendation["create_sql"] as? String ?? ""])
            let timings = response.object["timings"] as? [String: Any]
            #expect((timings?["analysis_ms"] as? Double ?? 0) > 0)
            #expect((timings?["planner_calls"] as? Int ?? 0) >= 2)
            #expect(try await SampleTargetDatabase.checksum() == before, "optimize changed the target")

            let runs = try await test.database.client.query(
                "SELECT kind, query FROM query_runs WHERE kind = 'optimize'").all(as: (String, String).self)
            #expect(runs.map(\.1) == ["SELECT * FROM orders WHERE customer_id = 42"])
        }
    }

    @Test("unparsable SQL is 422 with the parser's message; nothing is counted or recorded")
    func invalidQuery() async throws {
        try await withTestApp { test in
            let project = try await test.client.sampleProject()
            let response = try await Self.optimize(test.client, "SELEC id FROM orders", project)
            #expect(response.status == .unprocessableContent)
            #expect(response.errorCode == "invalid_query")
            let message = (response.object["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(message.contains("syntax error"))
            let runs = try await test.database.client.query("SELECT count(*)::int FROM query_runs").first(as: Int.self)
            #expect(runs == 0)
            let used = try await test.database.client.query("SELECT count(*)::int FROM usage_counters").first(as: Int.self)
            #expect(used == 0)
        }
    }

    @Test("a query the database refuses is 422 query_error, not a finding")
    func refusedByTheDatabase() async throws {
        try await withTestApp { test in
            let project = try await test.client.sampleProject()
            let response = try await Self.optimize(test.client, "SELECT id FROM no_such_table WHERE id = 1", project)
            #expect(response.status == .unprocessableContent, "\(response.text)")
            #expect(response.errorCode == "query_error")
            #expect(response.text.contains("no_such_table"))
        }
    }

    @Test("another organization's project answers 404")
    func foreignProject() async throws {
        try await withTestApp { test in
            let project = try await test.client.sampleProject()
            let stranger = try await test.client.signUp(uniqueEmail("stranger"))
            let response = try await test.client.call(.post, "/query/optimize", token: stranger.token,
                                                      json: ["query": "SELECT 1", "project_id": project.projectID])
            #expect(response.status == .notFound)
        }
    }

    @Test("optimize counts against the quota: 402 quota_exceeded once it is used up")
    func quota() async throws {
        try await withTestApp { test in
            let project = try await test.client.sampleProject()
            let limit = test.config.quotaLimits.limit(.free, .optimize)
            // Use up all but one of this month's optimizations directly, then spend the last one.
            try await test.database.client.query("""
                INSERT INTO usage_counters (organization_id, period_start, kind, used)
                VALUES (\(UUID(uuidString: project.user.organizationID)!), date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
                        'optimize', \(limit - 1))
                """)
            let last = try await Self.optimize(test.client, "SELECT id FROM customers WHERE id = 1", project)
            #expect(last.status == .ok, "\(last.text)")
            let refused = try await Self.optimize(test.client, "SELECT id FROM customers WHERE id = 1", project)
            #expect(refused.status.code == 402)
            #expect(refused.errorCode == "quota_exceeded")
        }
    }
}
