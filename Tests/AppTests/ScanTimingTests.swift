@testable import App
import Foundation
import Scans
import Testing

/// End-to-end time of scanning a real checkout (set `SCAN_TIMING_TREE`, e.g. `.build/checkouts/swift-nio`).
@Suite("Scan timing")
struct ScanTimingTests {
    @Test("scan a real-sized repository end to end",
          .enabled(if: ProcessInfo.processInfo.environment["SCAN_TIMING_TREE"] != nil))
    func realRepository() async throws {
        let tree = URL(fileURLWithPath: ProcessInfo.processInfo.environment["SCAN_TIMING_TREE"] ?? "")
        let archive = try TarballBuilder.tarDirectory(tree, prefix: "real-repo-1")
        try await withGitHubAPIStandIn { github in
            await github.state.serve("acme/real", .archive(archive))
            try await withTestApp(environment: github.environment()) { test in
                let user = try await test.client.signUp(uniqueEmail("timing"))
                try await test.connectGitHub(user)
                let start = ContinuousClock.now
                let id = try await test.queueScan(user, repo: "acme/real")
                let final = try #require(try await test.waitForScan(user, id, timeout: .seconds(300)).last)
                let elapsed = ContinuousClock.now - start
                print("SCAN TIMING: \(archive.count) bytes gzipped, \(final["files_total"] ?? 0) files, \(final["queries_found"] ?? 0) queries, \(final["status"] ?? "") in \(elapsed)")
                #expect(final["status"] as? String == "succeeded", "\(final)")
            }
        }
    }
}
