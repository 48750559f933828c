@testable import App
@testable import Database
import Foundation
import PostgresNIO
import Testing

@Suite("GitHub repositories")
struct ReposTests {
    @Test("GET /repos follows every page and records the repositories")
    func listsAllPages() async throws {
        try await withGitHubAPIStandIn { github in
            await github.state.setRepositories(count: 5)
            try await withTestApp(environment: github.environment()) { test in
                let user = try await test.client.signUp(uniqueEmail("repos"))
                try await test.connectGitHub(user)
                let response = try await test.client.call(.get, "/repos", token: user.token)
                #expect(response.status == .ok, "\(response.text)")
                #expect(response.array.map { $0["full_name"] as? String ?? "" } == (1...5).map { "acme/repo\($0)" })
                #expect(response.array.first?.keys.sorted() == ["default_branch", "full_name", "html_url", "private"])
                #expect(response.array[1]["private"] as? Bool == true)
                // Listing twice updates, never duplicates.
                _ = try await test.client.call(.get, "/repos", token: user.token)
                let stored = try await test.database.withSystem { transaction in
                    try await transaction.query("SELECT count(*)::int FROM repositories").first(as: Int.self)
                }
                #expect(stored == 5)
            }
        }
    }

    @Test("no GitHub token → 409 github_not_connected; a revoked token → 401 github_token_invalid")
    func tokenProblems() async throws {
        try await withGitHubAPIStandIn { github in
            await github.state.setRepositories(count: 1)
            try await withTestApp(environment: github.environment()) { test in
                let user = try await test.client.signUp(uniqueEmail("notoken"))
                let missing = try await test.client.call(.get, "/repos", token: user.token)
                #expect(missing.status == .conflict)
                #expect(missing.errorCode == "github_not_connected")
                try await test.connectGitHub(user, token: "gho_revoked")
                let revoked = try await test.client.call(.get, "/repos", token: user.token)
                #expect(revoked.status == .unauthorized)
                #expect(revoked.errorCode == "github_token_invalid")
                #expect(revoked.text.contains("Reconnect GitHub"))
            }
        }
    }

    @Test("GitHub down → 502 github_unavailable, never a crash")
    func gitHubUnreachable() async throws {
        try await withTestApp(environment: ["GITHUB_API_URL": "http://127.0.0.1:9/api", "SCAN_WORKERS": "0"]) { test in
            let user = try await test.client.signUp(uniqueEmail("down"))
            try await test.connectGitHub(user)
            let response = try await test.client.call(.get, "/repos", token: user.token)
            #expect(response.status == .badGateway)
            #expect(response.errorCode == "github_unavailable")
        }
    }
}
