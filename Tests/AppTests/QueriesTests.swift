@testable import App
import Foundation
import Testing

@Suite("Extracted queries")
struct QueriesTests {
    @Test("keyset pagination with X-Next-Cursor visits every statement once; filters by project")
    func pagination() async throws {
        try await withGitHubAPIStandIn { github in
            await github.state.serve("acme/big", .archive(try ScanFixtures.manyFiles(40).gzipped()))
            try await withTestApp(environment: github.environment()) { test in
                let user = try await test.client.signUp(uniqueEmail("pages"))
                try await test.connectGitHub(user)
                let project = try await test.client.call(.post, "/projects", token: user.token, json: ["name": "shop"])
                let projectID = project.object["id"] as? String ?? ""
                let id = try await test.queueScan(user, repo: "acme/big", projectID: projectID)
                #expect(try await test.waitForScan(user, id).last?["status"] as? String == "succeeded")
                var seen: [String] = []
                var cursor: String?
                repeat {
                    let path = "/queries?project_id=\(projectID)&limit=7" + (cursor.map { "&cursor=\($0)" } ?? "")
                    let page = try await test.client.call(.get, path, token: user.token)
                    #expect(page.status == .ok)
                    #expect(page.array.count <= 7)
                    seen += page.array.map { $0["id"] as? String ?? "" }
                    cursor = page.headers[.init("X-Next-Cursor")!]
                } while cursor != nil && seen.count < 1000
                let everything = try await test.client.call(.get, "/queries?limit=200", token: user.token)
                #expect(seen.count == everything.array.count)
                #expect(seen.count > 14)
                #expect(Set(seen).count == seen.count)
                let otherProject = try await test.client.call(.get, "/queries?project_id=\(UUID().uuidString)", token: user.token)
                #expect(otherProject.array.isEmpty)
                let bad = try await test.client.call(.get, "/queries?cursor=abc", token: user.token)
                #expect(bad.status == .unprocessableContent)
            }
        }
    }
}
