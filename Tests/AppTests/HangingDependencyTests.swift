@testable import App
import Foundation
import HTTPTypes
import PostgresNIO
import Testing
import TestDatabaseSupport

/// Outside services that accept the connection and then never answer (issue 14, class 7): each
/// call is cut off by its own time limit and answered 504 with a JSON error, nothing is stored,
/// and meanwhile other requests are answered at once and no pooled transaction waits on the
/// hang. Every dependency is a real socket server (``HangingServer``); limits are 2.5–3 s here,
/// long enough for the probe to finish inside the hang while the whole suite runs in parallel.
@Suite("Hanging dependencies") struct HangingDependencyTests {
    /// No scan worker polling the queue (its short transactions would blur the count of
    /// sessions idle in a transaction), plus `extra`.
    static func environment(_ extra: [String: String]) -> [String: String] {
        ["SCAN_WORKERS": "0"].merging(extra) { _, new in new }
    }

    // MARK: - Stripe

    @Test("Stripe hangs: checkout and portal answer 504 stripe_timeout after STRIPE_TIMEOUT_MS and store nothing")
    func stripe() async throws {
        try await HangingServer.with(.silent) { stripe in
            try await withTestApp(stripeBaseURL: stripe.baseURL,
                                  environment: Self.environment(["STRIPE_TIMEOUT_MS": "2500"])) { test in
                let ada = try await test.client.signUp(uniqueEmail("ada"))
                let bob = try await test.client.signUp(uniqueEmail("bob"))
                try await test.linkCustomer(organizationID: bob.organizationID, customer: "cus_hang", subscription: "sub_hang")
                let before = try await (test.billing(of: ada.organizationID), test.billing(of: bob.organizationID))

                let calls = [HangingCall](repeating: HangingCall(.post, "/billing/checkout", token: ada.token, json: ["plan": "pro"]), count: 2)
                    + [HangingCall](repeating: HangingCall(.post, "/billing/portal", token: bob.token), count: 2)
                let outcome = try await test.whileHanging(calls, probe: ada) { try await stripe.waitForConnections(calls.count) }
                outcome.expectCutOff(after: .milliseconds(2500), status: .gatewayTimeout, code: "stripe_timeout")

                #expect(try await test.billing(of: ada.organizationID) == before.0)
                #expect(try await test.billing(of: bob.organizationID) == before.1)
                #expect(try await test.billingCount("SELECT count(*)::int FROM stripe_checkout_sessions") == 1,
                        "only the session linkCustomer registered")
                #expect(try await test.billingCount("""
                    SELECT count(*)::int FROM audit_log WHERE action IN ('billing.checkout_started', 'billing.portal_opened')
                    """) == 0)
            }
        }
    }

    // MARK: - Sign-in providers

    @Test("a sign-in provider that hangs: the callback lands on the front end with provider_unavailable after OAUTH_TIMEOUT_MS, no user",
          arguments: SignInProvider.allCases)
    func signInProvider(provider: SignInProvider) async throws {
        try await HangingServer.with(.silent) { hanging in
            try await withTestApp(providerBaseURL: hanging.baseURL, environment: Self.environment(["OAUTH_TIMEOUT_MS": "2500"])) { test in
                let ada = try await test.client.signUp(uniqueEmail("ada"))
                var flows: [SignInFlow] = []
                for _ in 0..<2 { flows.append(try await SignInFlow.start(provider, test: test)) }
                let calls = flows.map { flow in
                    HangingCall(.get, "/auth/\(provider.rawValue)/callback?code=any-code&state=\(flow.state)",
                                token: nil, headers: [.cookie: flow.cookie])
                }
                let outcome = try await test.whileHanging(calls, probe: ada) { try await hanging.waitForConnections(calls.count) }
                outcome.expectCutOff(after: .milliseconds(2500), status: .found, code: "provider_unavailable")
                #expect(try await test.count("SELECT count(*)::int FROM users") == 1, "only ada")
            }
        }
    }

    // MARK: - GitHub

    @Test("GitHub hangs: GET /repos answers 504 github_timeout after GITHUB_TIMEOUT_MS and records no repository")
    func gitHubRepositories() async throws {
        try await HangingServer.with(.silent) { github in
            let environment = Self.environment(["GITHUB_API_URL": "\(github.baseURL)/api", "GITHUB_TIMEOUT_MS": "2500"])
            try await withTestApp(environment: environment) { test in
                let ada = try await test.client.signUp(uniqueEmail("ada"))
                try await test.connectGitHub(ada)
                let calls = [HangingCall](repeating: HangingCall(.get, "/repos", token: ada.token), count: 4)
                let outcome = try await test.whileHanging(calls, probe: ada) { try await github.waitForConnections(calls.count) }
                outcome.expectCutOff(after: .milliseconds(2500), status: .gatewayTimeout, code: "github_timeout")
                #expect(try await test.billingCount("SELECT count(*)::int FROM repositories") == 0)
            }
        }
    }

    @Test("a download that hangs fails the scan after GITHUB_READ_TIMEOUT_MS; requests are answered meanwhile")
    func gitHubDownload() async throws {
        try await HangingServer.with(.silent) { github in
            let environment = [
                "GITHUB_API_URL": "\(github.baseURL)/api", "SCAN_ALLOWED_HOSTS": "github.com", "SCAN_PRIVATE_HOSTS": "127.0.0.1",
                "SCAN_POLL_MILLISECONDS": "100", "SCAN_HEARTBEAT_MILLISECONDS": "100", "SCAN_MAX_ATTEMPTS": "1",
                "GITHUB_READ_TIMEOUT_MS": "2500",
            ]
            try await withTestApp(environment: environment) { test in
                let ada = try await test.client.signUp(uniqueEmail("ada"))
                try await test.connectGitHub(ada)
                let id = try await test.queueScan(ada, repo: "acme/hang")
                try await github.waitForConnections(1)
                let hangStarted = ContinuousClock.now
                #expect(try await test.client.call(.get, "/users/me", token: ada.token).status == .ok)
                let meLatency = hangStarted.duration(to: .now)
                #expect(meLatency < .milliseconds(500), "GET /users/me took \(meLatency) during the hang")

                let final = try #require(try await test.waitForScan(ada, id, timeout: .seconds(10)).last)
                let failedAfter = hangStarted.duration(to: .now)
                #expect(final["status"] as? String == "failed")
                #expect((final["error"] as? String ?? "").contains("did not answer the download in time"), "\(final)")
                #expect(failedAfter < .seconds(5), "the scan failed \(failedAfter) after the download hung")
                print("hang timings: scan download failed \(failedAfter) after the hang began; /users/me \(meLatency)")
            }
        }
    }

    // MARK: - Customer databases

    @Test("a customer database that hangs is cut off with 504 target_timeout on every route that reaches it",
          arguments: [HangingServer.Behaviour.silent, .postgresHandshake])
    func customerDatabase(_ behaviour: HangingServer.Behaviour) async throws {
        // Silent: the handshake never completes (connect timeout). Handshake: queries never
        // answered (session limit).
        let limit: Duration = behaviour == .silent ? .milliseconds(2500) : .milliseconds(3000)
        try await HangingServer.with(behaviour) { database in
            let environment = Self.environment([
                "TARGET_CONNECT_TIMEOUT_MS": "2500", "TARGET_SESSION_LIMIT_MS": "3000",
            ])
            try await withTestApp(environment: environment) { test in
                let ada = try await test.client.signUp(uniqueEmail("ada"))
                let project = try await test.client.call(.post, "/projects", token: ada.token, json: ["name": "hang"])
                let projectID = project.object["id"] as? String ?? ""
                let connected = try await test.client.call(.put, "/projects/\(projectID)/database", token: ada.token,
                                                           json: ["url": database.postgresURL])
                #expect(connected.status == .noContent, "\(connected.text)")

                let calls = [
                    HangingCall(.post, "/metadata/sync", token: ada.token, json: ["project_id": projectID]),
                    HangingCall(.post, "/query/explain", token: ada.token, json: ["query": "SELECT 1", "project_id": projectID]),
                    HangingCall(.post, "/query/optimize", token: ada.token, json: ["query": "SELECT 1", "project_id": projectID]),
                    HangingCall(.post, "/workload/analyze", token: ada.token, json: ["project_id": projectID]),
                ]
                let outcome = try await test.whileHanging(calls, probe: ada) { try await database.waitForConnections(calls.count) }
                outcome.expectCutOff(after: limit, status: .gatewayTimeout, code: "target_timeout")

                for table in ["db_schema_metadata", "query_runs", "workload_runs"] {
                    #expect(try await test.billingCount("SELECT count(*)::int FROM \(unescaped: table)") == 0, "\(table)")
                }
            }
        }
    }

    @Test("a statement that runs too long is cancelled by the statement timeout (422 query_timeout) and leaves nothing running")
    func slowStatement() async throws {
        // Each statement's limit runs from its own start, and under a parallel test run the four
        // requests reach the database up to seconds apart: the limit leaves room for that and for
        // the probe after the last one started.
        try await withTestApp(environment: Self.environment(["TARGET_STATEMENT_TIMEOUT_MS": "5000"])) { test in
            let sample = try await test.client.sampleProject()
            let statement = "SELECT pg_sleep(30.25)"
            let calls = [HangingCall](repeating: HangingCall(.post, "/query/explain", token: sample.user.token,
                                                             json: ["query": statement, "project_id": sample.projectID]), count: 4)
            let outcome = try await test.whileHanging(calls, probe: sample.user) {
                try await Self.waitForStatements(statement, count: calls.count)
            }
            // The customer's own statement was too slow: a refused query, as documented for explain.
            outcome.expectCutOff(after: .milliseconds(5000), status: .unprocessableContent, code: "query_timeout")
            #expect(try await Self.runningStatements(statement) == 0)
        }
    }

    /// Waits until `count` backends of the sample database run `statement`.
    private static func waitForStatements(_ statement: String, count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while try await runningStatements(statement) < count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    private static func runningStatements(_ statement: String) async throws -> Int {
        try await SampleTargetDatabase.withSuperuser { connection in
            try await connection.query("""
                SELECT count(*)::int FROM pg_stat_activity
                WHERE state = 'active' AND query LIKE '%' || \(statement) || '%' AND pid <> pg_backend_pid()
                """, logger: TestDatabase.logger).first(as: Int.self) ?? 0
        }
    }
}
