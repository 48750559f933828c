@testable import CustomerDatabase
import Foundation
@testable import Insight
import Logging
import Testing

/// `dbooster explain` run as a process against the sample database, and the cost of explaining.
@Suite("Explain command")
struct ExplainCommandTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs the built `dbooster` with `arguments`, feeding `input` on standard input (off the
    /// cooperative pool: the program may run for seconds).
    static func dbooster(_ arguments: [String], input: String = "") async throws -> Run {
        try await offPool {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            let process = Process()
            process.executableURL = root.appendingPathComponent(".build/debug/dbooster")
            process.arguments = arguments
            process.currentDirectoryURL = FileManager.default.temporaryDirectory
            let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = stderr
            try process.run()
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
            let out = stdout.fileHandleForReading.readDataToEndOfFile()
            let err = stderr.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                       stderr: String(decoding: err, as: UTF8.self))
        }
    }

    @Test("text and JSON output, the query from standard input, refusals on standard error")
    func process() async throws {
        let url = try await SampleTargetDatabase.readerURL()
        let text = try await Self.dbooster(["explain", "--database-url", url, "SELECT * FROM orders WHERE customer_id = 42"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("execution"))
        #expect(text.stdout.contains("seq_scan_filter"))

        let json = try await Self.dbooster(["explain", "--database-url", url, "--format", "json", "-"],
                                     input: "SELECT count(*) FROM products -- from stdin\n")
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["summary"] as? [String: Any])?["rows"] as? Double == 1)
        #expect(object?["plan"] is [Any])

        let before = try await SampleTargetDatabase.checksum()
        let refused = try await Self.dbooster(["explain", "--database-url", url, "DELETE FROM orders"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("writes_not_allowed"))
        let smuggled = try await Self.dbooster(["explain", "--database-url", url, "--allow-writes", "SELECT 1; DROP TABLE orders"])
        #expect(smuggled.stderr.contains("multiple_statements"))
        let writer = try await SampleTargetDatabase.writerURL()
        let write = try await Self.dbooster(["explain", "--database-url", writer, "--allow-writes", "DELETE FROM order_items"])
        #expect(write.status == 0, "\(write.stderr)")
        #expect(try await SampleTargetDatabase.checksum() == before)
    }

    /// The figure is printed; the bound only catches a pathological overhead (a connect or
    /// session step waiting on a timeout), since CI machines are shared and timings vary.
    @Test("explain overhead (connect, session, transaction, insights) stays bounded")
    func overhead() async throws {
        let url = try TargetURL(parsing: try await SampleTargetDatabase.readerURL())
        let logger = Logger(label: "explain-overhead")
        let service = ExplainService(logger: logger)
        let target = TargetDatabase(url: url, logger: logger)
        let statement = try service.check("SELECT * FROM orders WHERE id = 4242", allowWrites: false)
        var overheads: [Double] = []
        for _ in 0..<20 {
            let started = ContinuousClock.now
            let result = try await service.explain(statement, on: target)
            let wall = started.duration(to: .now)
            let wallMS = Double(wall.components.seconds) * 1000 + Double(wall.components.attoseconds) / 1e15
            overheads.append(wallMS - result.summary.execution_ms - result.summary.planning_ms)
        }
        overheads.sort()
        let median = overheads[overheads.count / 2]
        print("explain overhead over 20 runs: median \(String(format: "%.1f", median)) ms, max \(String(format: "%.1f", overheads.last ?? 0)) ms")
        #expect(median < 2_000)
    }
}
