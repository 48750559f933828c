@testable import App
@testable import Billing
import Core
@testable import CustomerDatabase
import Foundation
import Insight
@testable import HTTPSupport
import HummingbirdTesting
import Logging
import Testing
import TestDatabaseSupport

/// `POST /query/explain` against the sample database: answers, insights, the sandbox and quota.
@Suite("Explain")
struct ExplainTests {
    @Test("a filtered seq scan on a big table: plan, summary, insights, history")
    func seqScanInsight() async throws {
        try await withTestApp { test in
            let project = try await test.client.sampleProject()
            let response = try await test.client.explain("SELECT * FROM orders WHERE customer_id = 42", project)
            #expect(response.status == .ok, "\(response.text)")
            let plan = response.object["plan"] as? [[String: Any]]
            #expect((plan?.first?["Plan"] as? [String: Any])?["Node Type"] != nil)
            let summary = response.object["summary"] as? [String: Any] ?? [:]
            #expect((summary["execution_ms"] as? Double ?? 0) > 0)
            #expect((summary["total_cost"] as? Double ?? 0) > 0)
            #expect(summary["planning_ms"] != nil && summary["rows"] != nil)
            let insights = response.object["insights"] as? [[String: Any]] ?? []
            let scan = insights.first { $0["kind"] as? String == "seq_scan_filter" }
            #expect(scan?["severity"] as? String == "critical")
            #expect(((scan?["node"] as? [String: Any])?["relation"] as? String) == "orders")
            let message = scan?["message"] as? String ?? ""
            #expect(message.contains("orders"))
            #expect(insights.allSatisfy { ["info", "warning", "critical"].contains($0["severity"] as? String ?? "") })

            let history = try await test.client.call(.get, "/query/history?kind=explain", token: project.user.token)
            #expect(history.status == .ok)
            #expect(history.array.count == 1)
            #expect(history.array.first?["query"] as? String == "SELECT * FROM orders WHERE customer_id = 42")
            #expect((history.array.first?["result"] as? [String: Any])?["summary"] != nil)
            // Another organization sees none of it.
            let other = try await test.client.signUp(uniqueEmail("other"))
            #expect(try await test.client.call(.get, "/query/history", token: other.token).array.isEmpty)
        }
    }

    @Test("a sort that spills to disk and a row mis-estimate are reported")
    func spillAndMisestimate() async throws {
        try await withTestApp { test in
            let project = try await test.client.sampleProject()
            let sort = try await test.client.explain("SELECT * FROM orders ORDER BY note, total", project)
            #expect(sort.status == .ok, "\(sort.text)")
            let kinds = (sort.object["insights"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds.contains("sort_spill"), "\(kinds)")
            // Correlated predicates: the planner multiplies selectivities and badly underestimates.
            let skewed = try await test.client.explain(
                "SELECT * FROM orders WHERE status = 'pending' AND total > 0 AND created_at >= '2025-01-01' AND id % 50 = 1",
                project)
            #expect(skewed.status == .ok, "\(skewed.text)")
            let skewedKinds = (skewed.object["insights"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(skewedKinds.contains("row_misestimate"), "\(skewedKinds)")
        }
    }

    @Test("refused queries never reach the target and leave its data unchanged")
    func sandbox() async throws {
        try await withTestApp { test in
            let before = try await SampleTargetDatabase.checksum()
            let project = try await test.client.sampleProject()
            let attempts: [(String, String)] = [
                ("SELECT 1; DROP TABLE orders", "multiple_statements"),
                ("SELECT 1 -- ;\n; DELETE FROM orders", "multiple_statements"),
                ("DELETE FROM orders", "writes_not_allowed"),
                ("WITH d AS (DELETE FROM order_items RETURNING 1) SELECT count(*) FROM d", "writes_not_allowed"),
                ("SELECT pg_advisory_lock(1)", "function_not_allowed"),
                ("SELECT nextval('orders_id_seq')", "function_not_allowed"),
                ("BEGIN", "statement_not_allowed"),
                ("TRUNCATE orders", "statement_not_allowed"),
                ("", "empty_query"),
                ("-- nothing", "empty_query"),
                ("SELECT * FROM orders WHERE id = $1", "parameters_not_supported"),
            ]
            for (sql, code) in attempts {
                let response = try await test.client.explain(sql, project)
                #expect(response.status == .unprocessableContent, "\(sql): \(response.text)")
                #expect(response.errorCode == code, "\(sql): \(response.text)")
            }
            // A read-only session rejects a write the guard cannot see (a volatile function would).
            let locked = try await test.client.explain("SELECT * FROM orders FOR UPDATE", project)
            #expect(locked.status == .unprocessableContent, "\(locked.text)")
            #expect(try await SampleTargetDatabase.checksum() == before)
            // Nothing refused counts against the quota or lands in the history.
            let history = try await test.client.call(.get, "/query/history", token: project.user.token)
            #expect(history.array.isEmpty)
        }
    }

    @Test("opted-in writes run and are rolled back")
    func writesRolledBack() async throws {
        try await withTestApp { test in
            let before = try await SampleTargetDatabase.checksum()
            let project = try await test.client.sampleProject(writes: true)
            let statements = [
                "UPDATE orders SET status = 'refunded' WHERE customer_id < 100",
                "DELETE FROM order_items WHERE order_id < 1000",
                "INSERT INTO customers (email, full_name, country, created_at) VALUES ('new@example.com', 'New', 'US', now())",
                "WITH d AS (DELETE FROM orders WHERE status = 'cancelled' RETURNING id) SELECT count(*) FROM d",
            ]
            for sql in statements {
                let response = try await test.client.explain(sql, project)
                #expect(response.status == .ok, "\(sql): \(response.text)")
            }
            #expect(try await SampleTargetDatabase.checksum() == before)
        }
    }

    @Test("a query past the statement timeout is cancelled with 422 query_timeout, target unaffected")
    func timeout() async throws {
        let before = try await SampleTargetDatabase.checksum()
        let url = try TargetURL(parsing: try await SampleTargetDatabase.readerURL())
        let target = TargetDatabase(url: url, settings: TargetSettings(statementTimeout: .milliseconds(300)),
                                    logger: Logger(label: "explain-tests"))
        let service = ExplainService(logger: Logger(label: "explain-tests"))
        let started = ContinuousClock.now
        do {
            _ = try await service.explain(try service.check("SELECT pg_sleep(5)", allowWrites: false), on: target)
            Issue.record("pg_sleep(5) finished")
        } catch let error as TargetError {
            #expect(error.code == "query_timeout")
            #expect(error.status == .unprocessableContent)
        }
        #expect(started.duration(to: .now) < .seconds(3))
        // The target still answers and nothing was left behind.
        #expect(try await SampleTargetDatabase.checksum() == before)
        let leftover = try await SampleTargetDatabase.withSuperuser { connection in
            try await connection.query(
                "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg\\_sleep(5)%' AND pid <> pg_backend_pid()",
                logger: TestDatabase.logger).first(as: Int.self) ?? 0
        }
        #expect(leftover == 0)
    }

    @Test("explain needs a project with a database; unknown tables are 422 query_error")
    func projectResolution() async throws {
        try await withTestApp { test in
            let user = try await test.client.signUp(uniqueEmail("noproj"))
            let none = try await test.client.call(.post, "/query/explain", token: user.token, json: ["query": "SELECT 1"])
            #expect(none.status == .unprocessableContent)
            #expect(none.errorCode == "no_database")
            let first = try await test.client.connectSample(user, name: "one")
            let implicit = try await test.client.call(.post, "/query/explain", token: user.token, json: ["query": "SELECT 1"])
            #expect(implicit.status == .ok, "\(implicit.text)")
            _ = try await test.client.connectSample(user, name: "two")
            let ambiguous = try await test.client.call(.post, "/query/explain", token: user.token, json: ["query": "SELECT 1"])
            #expect(ambiguous.errorCode == "project_required")
            let unknown = try await test.client.call(.post, "/query/explain", token: user.token,
                                                     json: ["query": "SELECT 1", "project_id": UUID().uuidString])
            #expect(unknown.status == .notFound)
            let missing = try await test.client.call(.post, "/query/explain", token: user.token,
                                                     json: ["query": "SELECT * FROM no_such_table", "project_id": first])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.errorCode == "query_error")
            #expect(missing.text.contains("no_such_table"))
        }
    }

    @Test("dbooster's own database is refused as a target")
    func ownDatabaseRefused() async throws {
        try await withTestApp { test in
            let user = try await test.client.signUp(uniqueEmail("own"))
            let created = try await test.client.call(.post, "/projects", token: user.token, json: ["name": "self"])
            let id = created.object["id"] as? String ?? ""
            _ = try await test.client.call(.put, "/projects/\(id)/database", token: user.token, json: ["url": test.config.databaseURL])
            let response = try await test.client.call(.post, "/query/explain", token: user.token,
                                                      json: ["query": "SELECT * FROM users", "project_id": id])
            #expect(response.status == .unprocessableContent)
            #expect(response.errorCode == "own_database")
            let sync = try await test.client.call(.post, "/metadata/sync", token: user.token, json: ["project_id": id])
            #expect(sync.errorCode == "own_database")
        }
    }

    @Test("each explain counts against the quota: 402 once it is used up")
    func quota() async throws {
        try await withTestApp { test in
            let project = try await test.client.sampleProject()
            let limit = test.config.quotaLimits.limit(.free, .explain)
            try await BillingTests.Quotas.setUsed(test, organizationID: UUID(uuidString: project.user.organizationID)!,
                                                  kind: .explain, used: limit - 1)
            let last = try await test.client.explain("SELECT 1", project)
            #expect(last.status == .ok, "\(last.text)")
            let refused = try await test.client.explain("SELECT 1", project)
            #expect(refused.status.code == 402, "\(refused.text)")
            #expect(refused.errorCode == "quota_exceeded")
        }
    }
}
