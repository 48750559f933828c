@testable import AddressGuard
@testable import App
@testable import Database
import Foundation
import PostgresNIO
@testable import Scans
import Testing

@Suite("Repository scans")
struct ScanTests {
    @Test("a scan end to end: queued, running with progress, statements stored once per fingerprint with every location")
    func endToEnd() async throws {
        try await withGitHubAPIStandIn { github in
            await github.state.serve("acme/shop", .archive(try ScanFixtures.application().gzipped(), delay: .milliseconds(400)))
            try await withTestApp(environment: github.environment()) { test in
                let user = try await test.client.signUp(uniqueEmail("scan"))
                try await test.connectGitHub(user)
                let id = try await test.queueScan(user, repo: "acme/shop")
                let snapshots = try await test.waitForScan(user, id)
                let final = try #require(snapshots.last)
                #expect(final["status"] as? String == "succeeded", "\(final)")
                #expect(snapshots.contains { $0["status"] as? String == "running" })
                #expect(final["error"] is NSNull)
                #expect((final["files_total"] as? Int ?? 0) >= 4)
                #expect(final["files_scanned"] as? Int == final["files_total"] as? Int)
                #expect(final["queries_found"] as? Int ?? 0 >= 4)

                let queries = try await test.client.call(.get, "/queries?scan_id=\(id)", token: user.token)
                #expect(queries.status == .ok)
                let select = try #require(queries.array.first { ($0["sql"] as? String ?? "").contains("FROM users") })
                #expect(select["statement_type"] as? String == "select")
                #expect((select["fingerprint"] as? String ?? "").isEmpty == false)
                let files = Set((select["locations"] as? [[String: Any]] ?? []).map { $0["file"] as? String ?? "" })
                #expect(files == ["app/users.py", "app/users_again.py"], "\(select)")
                #expect(select["file"] as? String == "app/users.py")
                #expect(queries.array.contains { $0["statement_type"] as? String == "insert" })
                let fingerprints = queries.array.map { $0["fingerprint"] as? String ?? "" }
                #expect(Set(fingerprints).count == fingerprints.count)

                // Scanning again adds locations for the new scan, not new statements.
                let again = try await test.queueScan(user, repo: "acme/shop")
                _ = try await test.waitForScan(user, again)
                let all = try await test.client.call(.get, "/queries", token: user.token)
                #expect(all.array.count == queries.array.count)
                let list = try await test.client.call(.get, "/scans", token: user.token)
                #expect(list.array.map { $0["id"] as? String ?? "" } == [again, id])

                let notes = try await test.client.call(.get, "/notifications", token: user.token)
                #expect(notes.array.contains { $0["title"] as? String == "Scan of acme/shop@main finished" }, "\(notes.text)")
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
                    .filter { $0.hasPrefix("dbooster-scan-\(id.lowercased())") }
                #expect(leftovers.isEmpty)
            }
        }
    }

    @Test("progress is visible while a large tree is scanned")
    func progressMidScan() async throws {
        try await withGitHubAPIStandIn { github in
            await github.state.serve("acme/big", .archive(try ScanFixtures.manyFiles(6000).gzipped()))
            try await withTestApp(environment: github.environment(["SCAN_HEARTBEAT_MILLISECONDS": "20"])) { test in
                let user = try await test.client.signUp(uniqueEmail("progress"))
                try await test.connectGitHub(user)
                let id = try await test.queueScan(user, repo: "acme/big")
                let snapshots = try await test.waitForScan(user, id)
                #expect(snapshots.last?["status"] as? String == "succeeded")
                #expect(snapshots.last?["files_total"] as? Int == 6000)
                let partial = snapshots.filter {
                    $0["status"] as? String == "running" && ($0["files_total"] as? Int ?? 0) > 0
                }
                #expect(!partial.isEmpty, "no progress was visible while running")
            }
        }
    }

    @Test("refused repository URLs", arguments: [
        ("file:///etc/passwd", "unsupported_repo_scheme"),
        ("ssh://git@github.com/acme/shop.git", "unsupported_repo_scheme"),
        ("git@github.com:acme/shop.git", "unsupported_repo_scheme"),
        ("git://github.com/acme/shop.git", "unsupported_repo_scheme"),
        ("ext::sh -c touch% /tmp/pwned", "unsupported_repo_scheme"),
        ("http://github.com/acme/shop", "unsupported_repo_scheme"),
        ("https://user:secret@github.com/acme/shop", "credentials_in_url"),
        ("https://ghp_token@github.com/acme/shop", "credentials_in_url"),
        ("https://gitlab.com/acme/shop", "host_not_allowed"),
        ("https://127.0.0.1/acme/shop", "host_not_allowed"),
        ("https://github.com:8443/acme/shop", "host_not_allowed"),
        ("https://github.com/acme", "invalid_repo_url"),
        ("https://github.com/acme/../etc", "invalid_repo_url"),
        ("", "invalid_repo_url"),
    ])
    func refusedURLs(url: String, code: String) async throws {
        try await withTestApp(environment: ["SCAN_WORKERS": "0"]) { test in
            let user = try await test.client.signUp(uniqueEmail("refuse"))
            try await test.connectGitHub(user)
            let response = try await test.client.call(.post, "/repos/scan", token: user.token,
                                                      json: ["repo_url": url, "branch": "main"])
            #expect(response.status == .unprocessableContent, "\(url): \(response.text)")
            #expect(response.errorCode == code, "\(url): \(response.text)")
        }
    }

    @Test("bad branch, unknown project and missing GitHub token are refused before queueing")
    func refusedRequests() async throws {
        try await withTestApp(environment: ["SCAN_WORKERS": "0"]) { test in
            let user = try await test.client.signUp(uniqueEmail("refuse"))
            let missing = try await test.client.call(.post, "/repos/scan", token: user.token,
                                                     json: ["repo_url": "https://github.com/acme/shop", "branch": "main"])
            #expect(missing.status == .conflict)
            #expect(missing.errorCode == "github_not_connected")
            try await test.connectGitHub(user)
            let branch = try await test.client.call(.post, "/repos/scan", token: user.token,
                                                    json: ["repo_url": "https://github.com/acme/shop", "branch": "../x"])
            #expect(branch.status == .unprocessableContent)
            let project = try await test.client.call(.post, "/repos/scan", token: user.token, json: [
                "repo_url": "https://github.com/acme/shop", "branch": "main", "project_id": UUID().uuidString])
            #expect(project.status == .notFound)
        }
    }

    @Test("archives with ../ paths, absolute paths and links: only the safe files are written")
    func unsafeArchive() async throws {
        var tar = ScanFixtures.application(prefix: "acme-evil-1")
        tar.file("../../escaped.sql", "DELETE FROM users;")
        tar.file("acme-evil-1/../../../escaped2.sql", "DELETE FROM users;")
        tar.file("/tmp/dbooster-absolute-\(UUID().uuidString).sql", "DELETE FROM users;")
        tar.entries.append(.symlink("acme-evil-1/link.sql", target: "/etc/passwd"))
        tar.entries.append(.hardlink("acme-evil-1/hard.sql", target: "/etc/passwd"))
        tar.entries.append(.symlink("acme-evil-1/dir", target: "/tmp"))
        tar.file("acme-evil-1/dir/through-link.sql", "SELECT 1;")
        let archive = try tar.gzipped()
        try await withGitHubAPIStandIn { github in
            await github.state.serve("acme/evil", .archive(archive))
            try await withTestApp(environment: github.environment()) { test in
                let user = try await test.client.signUp(uniqueEmail("evil"))
                try await test.connectGitHub(user)
                let id = try await test.queueScan(user, repo: "acme/evil")
                let final = try #require(try await test.waitForScan(user, id).last)
                #expect(final["status"] as? String == "succeeded", "\(final)")
                #expect(final["skipped_entries"] as? Int == 6, "\(final)")
                let queries = try await test.client.call(.get, "/queries?scan_id=\(id)", token: user.token)
                #expect(!queries.text.contains("DELETE FROM users"))
                #expect(!queries.text.contains("root:"))
                #expect(!FileManager.default.fileExists(atPath: NSTemporaryDirectory() + "/escaped.sql"))
            }
        }
    }

    @Test("archive bombs fail with a clear error", arguments: [
        ("SCAN_MAX_UNPACKED_BYTES", "1000000", "unpacks to more than"),
        ("SCAN_MAX_FILES", "50", "more than 50 entries"),
        ("SCAN_MAX_DOWNLOAD_BYTES", "2000", "more than the limit of 2000"),
    ])
    func bombs(key: String, value: String, message: String) async throws {
        var tar = ScanFixtures.manyFiles(100, prefix: "acme-bomb-1")
        tar.entries.append(.file("acme-bomb-1/zeros.bin", Data(count: 5_000_000)))
        let archive = try tar.gzipped()
        try await withGitHubAPIStandIn { github in
            await github.state.serve("acme/bomb", .archive(archive))
            try await withTestApp(environment: github.environment([key: value])) { test in
                let user = try await test.client.signUp(uniqueEmail("bomb"))
                try await test.connectGitHub(user)
                let id = try await test.queueScan(user, repo: "acme/bomb")
                let final = try #require(try await test.waitForScan(user, id).last)
                #expect(final["status"] as? String == "failed")
                #expect((final["error"] as? String ?? "").contains(message), "\(final)")
                let notes = try await test.client.call(.get, "/notifications", token: user.token)
                #expect(notes.array.contains { $0["title"] as? String == "Scan of acme/bomb@main failed" })
            }
        }
    }

    @Test("downloads refuse redirects to other hosts and to plain http, and report GitHub's 404")
    func refusedDownloads() async throws {
        try await withGitHubAPIStandIn { github in
            await github.state.serve("acme/away", .redirect("https://evil.example.com/archive.tar.gz"))
            await github.state.serve("acme/plain", .redirect("http://localhost:1/archive.tar.gz"))
            try await withTestApp(environment: github.environment()) { test in
                let user = try await test.client.signUp(uniqueEmail("redirect"))
                try await test.connectGitHub(user)
                for (repo, message) in [("acme/away", "not an allowed host"), ("acme/plain", "only https"),
                                        ("acme/missing", "was not found")] {
                    let id = try await test.queueScan(user, repo: repo)
                    let final = try #require(try await test.waitForScan(user, id).last)
                    #expect(final["status"] as? String == "failed")
                    #expect((final["error"] as? String ?? "").contains(message), "\(final)")
                }
            }
        }
    }

    @Test("a download host whose DNS does not answer fails the scan after the connect limit, off the caller's thread")
    func silentResolver() async throws {
        let settings = ScanSettings(gitHubAPIURL: URL(string: "https://api.github.com")!, allowedHosts: ["github.com"],
                                    gitHubTimeouts: GitHubTimeouts(connect: .milliseconds(300)))
        let guardrail = DownloadGuard(settings: settings) { _ in
            Thread.sleep(forTimeInterval: 10)
            return ["140.82.121.4"]
        }
        let started = ContinuousClock.now
        do {
            _ = try await guardrail.check(URL(string: "https://codeload.github.com/x.tgz")!, apiBase: settings.gitHubAPIURL)
            Issue.record("a lookup that never answered in time was accepted")
        } catch let failure as ScanFailure {
            #expect(failure.description == "resolving codeload.github.com took too long")
        }
        // The timeout, not the lookup's answer (after 10 s), decided the outcome: the lookup was cut
        // off at its limit, whenever the test's task got a thread again (the parallel run can keep
        // it waiting for seconds).
        #expect(started.duration(to: .now) >= .milliseconds(250))
    }

    @Test("the download guard checks the resolved address, not only the name")
    func resolvedAddresses() async throws {
        let settings = ScanSettings(gitHubAPIURL: URL(string: "https://api.github.com")!,
                                    allowedHosts: ["github.com", "localhost"])
        let guardrail = DownloadGuard(settings: settings, resolve: { host in
            host == "codeload.github.com" ? ["10.0.0.7"] : NetworkAddress.systemResolve(host)
        })
        let api = settings.gitHubAPIURL
        await #expect(throws: ScanFailure.self) { try await guardrail.check(URL(string: "https://localhost/x.tgz")!, apiBase: api) }
        await #expect(throws: ScanFailure.self) { try await guardrail.check(URL(string: "https://codeload.github.com/x")!, apiBase: api) }
        await #expect(throws: ScanFailure.self) { try await guardrail.check(URL(string: "https://[::1]/x")!, apiBase: api) }
        let spellings = DownloadGuard(settings: ScanSettings(
            gitHubAPIURL: api, allowedHosts: ["0177.0.0.1", "012.0.0.1", "2130706433", "[::ffff:7f00:1]",
                                              "[0:0:0:0:0:0:0:1]", "[::ffff:a9fe:a9fe]", "rebind.test", "public.test",
                                              "::ffff:7f00:1", "0:0:0:0:0:0:0:1", "::ffff:a9fe:a9fe"]),
            resolve: { host in host == "rebind.test" ? ["140.82.121.4", "::ffff:7f00:1"] : host == "public.test" ? ["140.82.121.4"] : [] })
        for host in ["0177.0.0.1", "012.0.0.1", "2130706433", "[::ffff:7f00:1]", "[0:0:0:0:0:0:0:1]", "[::ffff:a9fe:a9fe]", "rebind.test"] {
            await #expect(throws: ScanFailure.self, "\(host)") { try await spellings.check(URL(string: "https://\(host)/x.tgz")!, apiBase: api) }
        }
        // The vetted address is returned: the download connects there, not to a second DNS answer.
        #expect(try await spellings.check(URL(string: "https://public.test/x.tgz")!, apiBase: api) == "140.82.121.4")
        let trusting = DownloadGuard(settings: ScanSettings(gitHubAPIURL: api, allowedHosts: ["localhost"], privateHosts: ["localhost"]))
        await #expect(throws: Never.self) { try await trusting.check(URL(string: "https://localhost/x.tgz")!, apiBase: api) }
        #expect(NetworkAddress.isPrivate("192.168.1.4") && NetworkAddress.isPrivate("169.254.169.254")
                && NetworkAddress.isPrivate("::ffff:127.0.0.1") && !NetworkAddress.isPrivate("140.82.121.4"))
    }

    @Test("402 when the organization's scan quota is used up")
    func quota() async throws {
        try await withTestApp(environment: ["SCAN_WORKERS": "0", "QUOTA_FREE_SCAN": "2"]) { test in
            let user = try await test.client.signUp(uniqueEmail("quota"))
            try await test.connectGitHub(user)
            _ = try await test.queueScan(user, repo: "acme/one")
            _ = try await test.queueScan(user, repo: "acme/two")
            let third = try await test.client.call(.post, "/repos/scan", token: user.token,
                                                   json: ["repo_url": "https://github.com/acme/three", "branch": "main"])
            #expect(third.status.code == 402)
            #expect(third.errorCode == "quota_exceeded")
        }
    }

    @Test("another organization sees neither the scan nor its queries")
    func isolation() async throws {
        try await withGitHubAPIStandIn { github in
            await github.state.serve("acme/shop", .archive(try ScanFixtures.application().gzipped()))
            try await withTestApp(environment: github.environment()) { test in
                let owner = try await test.client.signUp(uniqueEmail("owner"))
                let other = try await test.client.signUp(uniqueEmail("other"))
                try await test.connectGitHub(owner)
                let id = try await test.queueScan(owner, repo: "acme/shop")
                _ = try await test.waitForScan(owner, id)
                let scan = try await test.client.call(.get, "/scans/\(id)", token: other.token)
                #expect(scan.status == .notFound)
                #expect(try await test.client.call(.get, "/scans", token: other.token).array.isEmpty)
                #expect(try await test.client.call(.get, "/queries", token: other.token).array.isEmpty)
                #expect(try await test.client.call(.get, "/queries?scan_id=\(id)", token: other.token).array.isEmpty)
                #expect(try await test.client.call(.get, "/queries", token: owner.token).array.count >= 2)
            }
        }
    }
}
