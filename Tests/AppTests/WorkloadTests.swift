@testable import App
import Foundation
import PostgresNIO
import TestDatabaseSupport
import Testing

/// Workload insight on the sample database with a recorded workload: the CLI and the API rank the
/// statements, find them in a Python and a TypeScript source (by fingerprint, at their lines),
/// propose one verified index for the statements it helps, list unused and duplicate indexes,
/// and leave the database exactly as it was.
@Suite("Workload", .serialized)
struct WorkloadTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/workload")

    // MARK: - The recorded workload

    /// The stand-in application: runs the fixtures' statements as their code does (bind
    /// parameters where the code has placeholders), as `sample_writer`.
    static func recordWorkload() async throws {
        let url = URLComponents(string: try await SampleTargetDatabase.writerURL())!
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: url.host!, port: url.port!, username: "sample_writer", password: "sample_writer",
                                 database: SampleTargetDatabase.name, tls: .disable),
            id: 7, logger: TestDatabase.logger)
        defer { Task { try? await connection.close() } }
        for index in 0..<24 {  // app/orders.py:6
            let customer = Int64(1 + index * 97)
            _ = try await connection.query("SELECT id, total, created_at FROM orders WHERE customer_id = \(customer)",
                                           logger: TestDatabase.logger).collect()
        }
        for index in 0..<12 {  // app/orders.py:13
            let customer = Int64(5 + index * 31)
            _ = try await connection.query("SELECT count(*) FROM orders WHERE customer_id = \(customer)",
                                           logger: TestDatabase.logger).collect()
        }
        for index in 0..<8 {  // web/reports.ts:6
            let product = Int32(1 + index * 13)
            _ = try await connection.query("SELECT order_id, quantity, unit_price FROM order_items WHERE product_id = \(product)",
                                           logger: TestDatabase.logger).collect()
        }
        for _ in 0..<4 {  // web/reports.ts:13
            _ = try await connection.query(
                "SELECT id, total FROM orders WHERE status = 'pending' ORDER BY created_at LIMIT 50", logger: TestDatabase.logger).collect()
        }
    }

    /// What must not change: the indexes, the extensions, when statistics were last reset, the data.
    struct CatalogState: Equatable {
        let indexes: String
        let extensions: String
        let statementsReset: String
        let databaseReset: String
        let checksum: String
    }

    static func catalog() async throws -> CatalogState {
        let (indexes, extensions, statements, database) = try await SampleTargetDatabase.withSuperuser { connection in
            try await connection.query("""
                SELECT (SELECT string_agg(indexrelid::regclass::text, ',' ORDER BY indexrelid) FROM pg_index),
                       (SELECT string_agg(extname || ' ' || extversion, ',' ORDER BY extname) FROM pg_extension),
                       (SELECT coalesce(stats_reset::text, '') FROM pg_stat_statements_info),
                       (SELECT coalesce(stats_reset::text, '') FROM pg_stat_database WHERE datname = current_database())
                """, logger: TestDatabase.logger).first(as: (String, String, String, String).self)!
        }
        return CatalogState(indexes: indexes, extensions: extensions, statementsReset: statements,
                            databaseReset: database, checksum: try await SampleTargetDatabase.checksum())
    }

    /// The four statements of the fixtures, located by their text in a report's queries.
    static let expected: [(text: String, file: String, line: Int)] = [
        ("SELECT id, total, created_at FROM orders WHERE customer_id = $1", "app/orders.py", 6),
        ("SELECT count(*) FROM orders WHERE customer_id = $1", "app/orders.py", 13),
        ("SELECT order_id, quantity, unit_price FROM order_items WHERE product_id = $1", "web/reports.ts", 6),
        ("FROM orders WHERE status = $1 ORDER BY created_at LIMIT $2", "web/reports.ts", 13),
    ]

    /// Checks shared by the CLI and the API reports; returns the fingerprints of the statements.
    static func checkReport(_ report: [String: Any], file: (String) -> String, repository: String?) throws -> [String] {
        let queries = report["queries"] as? [[String: Any]] ?? []
        let totals = queries.map { $0["total_ms"] as? Double ?? -1 }
        #expect(totals == totals.sorted(by: >), "ranked by total time")
        let shares = queries.map { $0["share"] as? Double ?? -1 }
        #expect(shares.allSatisfy { $0 >= 0 } && shares.reduce(0, +) <= 1.0001 && (shares.first ?? 0) > 0, "\(shares)")
        var fingerprints: [String] = []
        for statement in expected {
            let query = try #require(queries.first { ($0["query"] as? String ?? "").contains(statement.text) },
                                     "\(statement.text) in \(queries.map { $0["query"] ?? "" })")
            #expect((query["calls"] as? Int ?? 0) >= 4)
            let locations = query["locations"] as? [[String: Any]] ?? []
            #expect(locations.contains {
                $0["file"] as? String == file(statement.file) && $0["line"] as? Int == statement.line
                    && $0["repository"] as? String == repository
            }, "\(statement.file):\(statement.line) in \(locations)")
            fingerprints.append(query["fingerprint"] as? String ?? "")
        }
        // One index on orders serves both customer lookups, proposed once, verified.
        let recommendations = report["index_recommendations"] as? [[String: Any]] ?? []
        let customer = try #require(recommendations.first {
            $0["table"] as? String == "public.orders" && ($0["columns"] as? [String])?.first == "customer_id"
        }, "\(recommendations)")
        #expect(Set(customer["queries"] as? [String] ?? []).isSuperset(of: fingerprints[0...1]))
        #expect(customer["verified"] as? String == "hypopg")
        #expect((customer["estimated_saving_ms"] as? Double ?? 0) > 0)
        #expect((customer["cost_after"] as? Double ?? .infinity) < (customer["cost_before"] as? Double ?? 0))
        #expect(recommendations.filter { $0["create_sql"] as? String == customer["create_sql"] as? String }.count == 1)
        #expect(recommendations.contains {
            $0["table"] as? String == "public.order_items" && ($0["queries"] as? [String] ?? []).contains(fingerprints[2])
        }, "\(recommendations)")
        // Index hygiene on the audit trail.
        let unused = (report["unused_indexes"] as? [[String: Any]] ?? []).map { $0["index"] as? String ?? "" }
        #expect(Set(unused).isSuperset(of: ["public.audit_trail_actor_idx", "public.audit_trail_actor_at_idx", "public.audit_trail_id_idx"]), "\(unused)")
        #expect(!unused.contains("public.audit_trail_pkey"), "primary keys are never unused")
        let duplicates = report["duplicate_indexes"] as? [[String: Any]] ?? []
        let pairs = Set(duplicates.map { "\($0["index"] as? String ?? "") of \($0["duplicate_of"] as? String ?? "")" })
        #expect(pairs.isSuperset(of: ["public.audit_trail_id_idx of public.audit_trail_pkey",
                                      "public.audit_trail_actor_idx of public.audit_trail_actor_at_idx"]), "\(duplicates)")
        #expect(duplicates.allSatisfy { ($0["size_bytes"] as? Int ?? 0) > 0 && ($0["drop_sql"] as? String ?? "").hasPrefix("DROP INDEX CONCURRENTLY") })
        #expect(((report["timings"] as? [String: Any])?["analysis_ms"] as? Double ?? -1) >= 0)
        return fingerprints
    }

    // MARK: - CLI

    @Test("dbooster workload: ranked, located in two languages, one merged verified index, hygiene; nothing changed")
    func command() async throws {
        try await Self.recordWorkload()
        let url = try await SampleTargetDatabase.readerURL()
        let before = try await Self.catalog()
        let app = Self.fixtures.appendingPathComponent("app").path, web = Self.fixtures.appendingPathComponent("web").path
        let run = try await ExplainCommandTests.dbooster(["workload", "--database-url", url, "--source", app, "--source", web,
                                                    "--top", "40", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        let fingerprints = try Self.checkReport(report, file: { name in
            name.hasPrefix("app/") ? "\(app)/\(name.dropFirst(4))" : "\(web)/\(name.dropFirst(4))"
        }, repository: nil)

        let text = try await ExplainCommandTests.dbooster(["workload", "--database-url", url, "--source", app, "--top", "40"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("█") && text.stdout.contains("at \(app)/orders.py:6"), "\(text.stdout)")
        let markdown = try await ExplainCommandTests.dbooster(["workload", "--database-url", url, "--format", "markdown", "--top", "40"])
        #expect(markdown.stdout.contains("| # | Share |") && markdown.stdout.contains("CREATE INDEX CONCURRENTLY"))
        let sarif = try await ExplainCommandTests.dbooster(["workload", "--database-url", url, "--source", web, "--format", "sarif", "--top", "40"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = ((document["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let lines = results.compactMap { result -> String? in
            guard let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any],
                  let uri = (location["artifactLocation"] as? [String: Any])?["uri"] as? String,
                  let line = (location["region"] as? [String: Any])?["startLine"] as? Int else { return nil }
            return "\(uri):\(line)"
        }
        #expect(Set(lines).isSuperset(of: ["\(web)/reports.ts:6", "\(web)/reports.ts:13"]), "\(lines)")
        #expect(results.contains { $0["ruleId"] as? String == "workload/missing-index" })
        #expect(fingerprints.count == 4)

        #expect(try await Self.catalog() == before, "no index, no extension, statistics not reset, data unchanged")
    }

    /// A database without pg_stat_statements (created once on the test cluster).
    static func bareDatabaseURL() async throws -> String {
        let name = "dbooster_nostats"
        try await SampleTargetDatabase.withSuperuser { connection in
            let exists = try await connection.query("SELECT count(*) FROM pg_database WHERE datname = \(name)",
                                                    logger: TestDatabase.logger).first(as: Int.self) ?? 0
            if exists == 0 { try await connection.query("CREATE DATABASE dbooster_nostats", logger: TestDatabase.logger) }
        }
        let components = URLComponents(string: TestDatabase.adminURL)!
        return "postgresql://postgres@\(components.host!):\(components.port!)/\(name)?sslmode=disable"
    }

    @Test("without pg_stat_statements: exit 2 saying how to enable it")
    func unavailable() async throws {
        let url = try await Self.bareDatabaseURL()
        let run = try await ExplainCommandTests.dbooster(["workload", "--database-url", url])
        #expect(run.status == 2)
        #expect(run.stderr.contains("pg_stat_statements_unavailable") && run.stderr.contains("shared_preload_libraries")
                    && run.stderr.contains("CREATE EXTENSION pg_stat_statements"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    // MARK: - API

    @Test("POST /workload/analyze without pg_stat_statements: 422 pg_stat_statements_unavailable saying how to enable it")
    func apiUnavailable() async throws {
        let url = try await Self.bareDatabaseURL()
        try await withTestApp { test in
            let user = try await test.client.signUp(uniqueEmail("workload-bare"))
            let project = try await test.client.call(.post, "/projects", token: user.token, json: ["name": "bare", "description": "d"])
            let projectID = project.object["id"] as? String ?? ""
            _ = try await test.client.call(.put, "/projects/\(projectID)/database", token: user.token, json: ["url": url])
            let response = try await test.client.call(.post, "/workload/analyze", token: user.token, json: ["project_id": projectID])
            #expect(response.status == .unprocessableContent, "\(response.text)")
            let error = response.object["error"] as? [String: Any]
            #expect(error?["code"] as? String == "pg_stat_statements_unavailable")
            #expect((error?["message"] as? String ?? "").contains("shared_preload_libraries"))
            let runs = try await test.client.call(.get, "/workload/runs", token: user.token)
            #expect(runs.array.isEmpty, "nothing stored for a refused analysis")
        }
    }

    @Test("POST /workload/analyze: scanned repository locations, stored runs, the workload quota")
    func api() async throws {
        try await Self.recordWorkload()
        var tar = TarballBuilder()
        tar.entries.append(.directory("acme-shop-77/"))
        for file in ["app/orders.py", "web/reports.ts"] {
            tar.file("acme-shop-77/\(file)", try String(contentsOf: Self.fixtures.appendingPathComponent(file), encoding: .utf8))
        }
        let archive = try tar.gzipped()
        try await withGitHubAPIStandIn { github in
            await github.state.serve("acme/shop", .archive(archive))
            try await withTestApp(environment: github.environment().merging(["QUOTA_FREE_WORKLOAD": "2"]) { $1 }) { test in
                let user = try await test.client.signUp(uniqueEmail("workload"))
                try await test.connectGitHub(user)
                let scan = try await test.queueScan(user, repo: "acme/shop")
                #expect(try await test.waitForScan(user, scan).last?["status"] as? String == "succeeded")
                let project = try await test.client.call(.post, "/projects", token: user.token, json: ["name": "shop", "description": "d"])
                let projectID = project.object["id"] as? String ?? ""
                let put = try await test.client.call(.put, "/projects/\(projectID)/database", token: user.token,
                                                     json: ["url": try await SampleTargetDatabase.readerURL()])
                #expect(put.status == .noContent)

                let before = try await Self.catalog()
                let response = try await test.client.call(.post, "/workload/analyze", token: user.token,
                                                          json: ["project_id": projectID, "top": 40])
                #expect(response.status == .ok, "\(response.text)")
                _ = try Self.checkReport(response.object, file: { $0 }, repository: "acme/shop")
                #expect(try await Self.catalog() == before)
                let runID = response.object["id"] as? String ?? ""

                let runs = try await test.client.call(.get, "/workload/runs", token: user.token)
                #expect(runs.array.map { $0["id"] as? String } == [runID])
                #expect(((runs.array.first?["summary"] as? [String: Any])?["index_recommendations"] as? Int ?? 0) >= 1)
                let stored = try await test.client.call(.get, "/workload/runs/\(runID)", token: user.token)
                #expect(stored.status == .ok)
                #expect((stored.object["queries"] as? [[String: Any]])?.count == (response.object["queries"] as? [[String: Any]])?.count)
                let missing = try await test.client.call(.get, "/workload/runs/\(UUID().uuidString)", token: user.token)
                #expect(missing.status == .notFound)

                let plan = try await test.client.call(.get, "/billing/plan", token: user.token)
                let quota = (plan.object["quotas"] as? [String: Any])?["workload"] as? [String: Any]
                #expect(quota?["used"] as? Int == 1 && quota?["limit"] as? Int == 2, "\(plan.text)")
                _ = try await test.client.call(.post, "/workload/analyze", token: user.token, json: ["project_id": projectID, "top": 1])
                let refused = try await test.client.call(.post, "/workload/analyze", token: user.token, json: ["project_id": projectID])
                #expect(refused.status.code == 402, "\(refused.text)")
                #expect(refused.text.contains("quota_exceeded"))
            }
        }
    }
}
