@testable import App
@testable import Auth
@testable import Database
import Foundation
import PostgresNIO
import Testing

/// Helpers shared by the repository, scan and query tests.
enum ScanFixtures {
    /// A small application with the same SELECT in two files and languages.
    static func application(prefix: String = "acme-shop-0123abc") -> TarballBuilder {
        var tar = TarballBuilder()
        tar.entries.append(.directory("\(prefix)/"))
        tar.file("\(prefix)/app/users.py", """
            def find(cursor, user_id):
                cursor.execute("SELECT id, name FROM users WHERE id = %s", (user_id,))
                return cursor.fetchone()
            """)
        tar.file("\(prefix)/app/users_again.py", """
            def find_again(cursor, user_id):
                cursor.execute("SELECT id, name FROM users WHERE id = %s", (user_id,))
            """)
        tar.file("\(prefix)/web/orders.js", """
            export async function place(client, userId, total) {
              await client.query("INSERT INTO orders (user_id, total) VALUES ($1, $2)", [userId, total]);
            }
            """)
        tar.file("\(prefix)/db/schema.sql", "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL);\n")
        tar.file("\(prefix)/README.md", "# shop\n")
        return tar
    }

    /// `count` Python files, each with a few statements (for progress and pagination).
    static func manyFiles(_ count: Int, prefix: String = "acme-big-1") -> TarballBuilder {
        var tar = TarballBuilder()
        for index in 0..<count {
            tar.file("\(prefix)/pkg\(index % 20)/module\(index).py", """
                def load_\(index)(cursor):
                    cursor.execute("SELECT id, total FROM orders_\(index % 50) WHERE customer_id = %s", (1,))
                    cursor.execute("UPDATE stock_\(index % 30) SET quantity = quantity - 1 WHERE sku = %s", ("x",))
                """)
        }
        return tar
    }
}

extension TestContext {
    /// Stores a sealed GitHub token for `user`, as GitHub sign-in does.
    func connectGitHub(_ user: TestUser, token: String = GitHubAPIStandIn.token) async throws {
        let sealed = try SecretBox(key: config.encryptionKey).seal(token)
        let id = UUID(uuidString: user.id)!
        try await database.withSystem { transaction in
            try await transaction.query("UPDATE users SET github_token = \(sealed) WHERE id = \(id)")
        }
    }

    /// Queues a scan and returns its id (expects 202).
    func queueScan(_ user: TestUser, repo: String, branch: String = "main", projectID: String? = nil) async throws -> String {
        var body: [String: Any] = ["repo_url": "https://github.com/\(repo)", "branch": branch]
        if let projectID { body["project_id"] = projectID }
        let response = try await client.call(.post, "/repos/scan", token: user.token, json: body)
        #expect(response.status == .accepted, "\(response.text)")
        #expect(response.object["status"] as? String == "queued")
        return response.object["scan_id"] as? String ?? ""
    }

    /// Polls `GET /scans/{id}` until it succeeds or fails; returns every distinct snapshot seen.
    func waitForScan(_ user: TestUser, _ id: String, timeout: Duration = .seconds(60)) async throws -> [[String: Any]] {
        var snapshots: [[String: Any]] = []
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            let response = try await client.call(.get, "/scans/\(id)", token: user.token)
            #expect(response.status == .ok, "\(response.text)")
            snapshots.append(response.object)
            if ["succeeded", "failed"].contains(response.object["status"] as? String ?? "") { return snapshots }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("scan \(id) did not finish within \(timeout): \(snapshots.last ?? [:])")
        return snapshots
    }
}
