@testable import App
@testable import Database
import Foundation
import PostgresNIO
import Scans
import Testing

/// Real `dbooster worker` processes sharing one scan queue: each scan is run once, and a scan
/// whose worker was killed is finished by another after its lease expires.
@Suite("Scan worker processes")
struct ScanWorkerProcessTests {
    @Test("two worker processes on one queue process each scan once", .timeLimit(.minutes(1)))
    func twoWorkersShareTheQueue() async throws {
        let repos = (1...8).map { "acme/shared\($0)" }
        let archive = try ScanFixtures.application().gzipped()
        try await withGitHubAPIStandIn { github in
            for repo in repos { await github.state.serve(repo, .archive(archive, delay: .milliseconds(400))) }
            try await withTestApp(environment: github.environment(["SCAN_WORKERS": "0", "QUOTA_FREE_SCAN": "100"])) { test in
                let workers = WorkerProcesses(environment: workerEnvironment(test, github))
                defer { workers.killAll() }
                let first = try workers.start("a")
                let second = try workers.start("b")
                try await waitUntil("both workers started", workers: workers) {
                    first.output.contains("scan worker started") && second.output.contains("scan worker started")
                }

                let user = try await test.client.signUp(uniqueEmail("two-workers"))
                try await test.connectGitHub(user)
                var ids: [UUID] = []
                for repo in repos { ids.append(try #require(UUID(uuidString: try await test.queueScan(user, repo: repo)))) }

                var holders: [UUID: Set<Int32>] = [:]
                try await waitUntil("all scans finished", workers: workers) {
                    let rows = try await scanRows(test)
                    for row in rows { if let pid = row.workerPID { holders[row.id, default: []].insert(pid) } }
                    return rows.count == ids.count && rows.allSatisfy { ["succeeded", "failed"].contains($0.status) }
                }

                let rows = try await scanRows(test)
                for row in rows {
                    #expect(row.status == "succeeded", "\(row)\n\(workers.logs)")
                    #expect(row.attempts == 1, "scan \(row.id) ran \(row.attempts) times")
                    #expect(row.lockedBy == nil, "\(row)")
                    #expect(holders[row.id, default: []].count <= 1, "scan \(row.id) was held by \(holders[row.id] ?? [])")
                    #expect(try await locationCount(test, scan: row.id) == row.queriesFound, "\(row)")
                }
                for repo in repos {
                    #expect(await github.state.downloadCount(repo) == 1, "\(repo) was downloaded more than once")
                }
                let seen = holders.values.reduce(into: Set<Int32>()) { $0.formUnion($1) }
                #expect(seen == [first.pid, second.pid], "scans were run by \(seen), workers are \(first.pid) and \(second.pid)")

                let notes = try await test.client.call(.get, "/notifications", token: user.token)
                for repo in repos {
                    let count = notes.array.filter { $0["title"] as? String == "Scan of \(repo)@main finished" }.count
                    #expect(count == 1, "\(repo): \(count) notifications")
                }
            }
        }
    }

    @Test("a worker stopped with SIGTERM mid-download puts its scan back; another finishes it as the first attempt",
          .timeLimit(.minutes(1)))
    func gracefulShutdownReleasesTheScan() async throws {
        try await withScanHeldByWorkerA("stopped-worker") { test, _, workers, stopping, _, id in
            #expect(try await stopping.terminate() == 0, "\(workers.logs)")
            let released = try #require(try await scanRows(test).first { $0.id == id })
            #expect(released.status == "queued", "\(released)\n\(workers.logs)")
            #expect(released.lockedBy == nil)

            _ = try workers.start("b")
            try await waitUntil("the scan finished by worker B", workers: workers) {
                let row = try #require(try await scanRows(test).first { $0.id == id })
                return ["succeeded", "failed"].contains(row.status)
            }
            let row = try #require(try await scanRows(test).first { $0.id == id })
            #expect(row.status == "succeeded", "\(row)")
            #expect(row.attempts == 1, "a released attempt does not count: \(row)")
        }
    }

    @Test("a killed worker's scan is finished by the other", .timeLimit(.minutes(1)))
    func killedWorkersScanIsFinished() async throws {
        // A holds the scan and is waiting for its download when it dies.
        try await withScanHeldByWorkerA("killed-worker") { test, github, workers, doomed, user, id in
            let survivor = try workers.start("b")
            doomed.killNow()
            #expect(try await scanRows(test).first { $0.id == id }?.status == "running")

            var holders: [Int32] = []
            try await waitUntil("the scan finished by worker B", workers: workers) {
                let row = try #require(try await scanRows(test).first { $0.id == id })
                if let pid = row.workerPID, holders.last != pid { holders.append(pid) }
                return ["succeeded", "failed"].contains(row.status)
            }

            let row = try #require(try await scanRows(test).first { $0.id == id })
            #expect(row.status == "succeeded", "\(row)")
            #expect(row.attempts == 2, "\(row)")
            #expect(row.lockedBy == nil)
            // A is dead and the app runs no workers, so B finished it (B's short run may fall between polls).
            #expect(!doomed.isRunning && survivor.isRunning)
            #expect(holders.first == doomed.pid && holders.allSatisfy { [doomed.pid, survivor.pid].contains($0) },
                    "holders \(holders)")
            #expect(await github.state.downloadCount("acme/held") == 2)

            let queries = try await test.client.call(.get, "/queries?scan_id=\(id)", token: user.token)
            #expect(queries.status == .ok)
            let fingerprints = queries.array.map { $0["fingerprint"] as? String ?? "" }
            #expect(!fingerprints.isEmpty)
            #expect(Set(fingerprints).count == fingerprints.count, "duplicate statements: \(queries.text)")
            let select = try #require(queries.array.first { ($0["sql"] as? String ?? "").contains("FROM users") })
            let files = (select["locations"] as? [[String: Any]] ?? []).map { $0["file"] as? String ?? "" }
            #expect(files.sorted() == ["app/users.py", "app/users_again.py"], "\(select)")
            #expect(try await locationCount(test, scan: id) == row.queriesFound)
            #expect(try await statementCount(test) == fingerprints.count)

            let notes = try await test.client.call(.get, "/notifications", token: user.token)
            #expect(notes.array.filter { $0["title"] as? String == "Scan of acme/held@main finished" }.count == 1,
                    "\(notes.text)")
        }
    }
}

// MARK: - Worker processes

/// A scan of `acme/held` whose first download the GitHub stand-in holds, picked by worker A
/// (a real `dbooster worker` process) and waiting for that download; the app runs no workers.
private func withScanHeldByWorkerA(
    _ name: String,
    _ body: @Sendable (TestContext, GitHubAPIStandIn, WorkerProcesses, WorkerProcess, TestUser, UUID) async throws -> Void
) async throws {
    let archive = try ScanFixtures.application().gzipped()
    try await withGitHubAPIStandIn { github in
        await github.state.serve("acme/held", .slowFirst(archive, hold: .seconds(6)))
        try await withTestApp(environment: github.environment(["SCAN_WORKERS": "0"])) { test in
            let workers = WorkerProcesses(environment: workerEnvironment(test, github))
            defer { workers.killAll() }
            let workerA = try workers.start("a")
            let user = try await test.client.signUp(uniqueEmail(name))
            try await test.connectGitHub(user)
            let id = try #require(UUID(uuidString: try await test.queueScan(user, repo: "acme/held")))
            try await waitUntil("worker A downloading the scan", workers: workers) {
                let row = try await scanRows(test).first { $0.id == id }
                let downloads = await github.state.downloadCount("acme/held")
                return row?.status == "running" && row?.workerPID == workerA.pid && downloads == 1
            }
            try await body(test, github, workers, workerA, user, id)
        }
    }
}

/// Settings of a `dbooster worker` on the test's database, scanning through the stand-in with a short lease.
private func workerEnvironment(_ test: TestContext, _ github: GitHubAPIStandIn) -> [String: String] {
    var environment = github.environment([
        "DATABASE_URL": test.config.databaseURL,
        "JWT_SECRET": test.config.jwtSecret,
        "ENCRYPTION_KEY": test.config.encryptionKey,
        "SCAN_LEASE_SECONDS": "2",
        "SCAN_TIME_LIMIT_SECONDS": "30",
        "LOG_LEVEL": "info",
    ])
    for key in ["PATH", "HOME", "TMPDIR"] {
        if let value = ProcessInfo.processInfo.environment[key] { environment[key] = value }
    }
    return environment
}

/// The `dbooster` executable built next to the test bundle (`swift build --build-tests`).
private func dboosterExecutable(filePath: String = #filePath) throws -> URL {
    var candidates: [URL] = []
    if let runner = Bundle.main.executableURL {
        candidates.append(runner.deletingLastPathComponent().appendingPathComponent("dbooster"))
    }
    let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(root.appendingPathComponent(".build/debug/dbooster"))
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw StandInError("no dbooster executable at \(candidates.map(\.path)); run swift build --build-tests")
    }
    return found
}

/// One `dbooster worker --workers 1` process; its output goes to a file in a private directory.
/// `@unchecked`: `Process` is only started in `init`, then read and killed.
private final class WorkerProcess: @unchecked Sendable {
    let name: String
    let pid: Int32
    private let process: Process
    private let log: URL

    init(name: String, executable: URL, environment: [String: String], directory: URL) throws {
        self.name = name
        log = directory.appendingPathComponent("worker-\(name).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["worker", "--workers", "1"]
        process.environment = environment
        // No `.env` is read from a directory of its own.
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        self.process = process
        pid = process.processIdentifier
    }

    /// Everything the worker has written so far.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    var isRunning: Bool { process.isRunning }

    /// Asks the worker to shut down gracefully (SIGTERM) and waits, off the cooperative pool, for
    /// it to exit (its drain takes seconds); its status.
    func terminate() async throws -> Int32 {
        if process.isRunning { _ = kill(pid, SIGTERM) }
        return try await offPool {
            self.process.waitUntilExit()
            return self.process.terminationStatus
        }
    }

    /// Kills the worker with SIGKILL (no graceful shutdown) and waits for it to exit.
    func killNow() {
        if process.isRunning { _ = kill(pid, SIGKILL) }
        process.waitUntilExit()
    }
}

/// The workers a test started; all of them are killed at the end, whatever happened.
private final class WorkerProcesses: Sendable {
    private let environment: [String: String]
    private let directory: URL
    private let started = LockedValue<[WorkerProcess]>([])

    init(environment: [String: String]) {
        self.environment = environment
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dbooster-workers-\(UUID().uuidString)")
    }

    func start(_ name: String) throws -> WorkerProcess {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let worker = try WorkerProcess(name: name, executable: try dboosterExecutable(), environment: environment,
                                       directory: directory)
        started.withValue { $0.append(worker) }
        return worker
    }

    /// Each worker's recent output, for failure messages.
    var logs: String {
        started.withValue { $0 }.map { "--- worker \($0.name) (pid \($0.pid)):\n\($0.output.suffix(3000))" }
            .joined(separator: "\n")
    }

    func killAll() {
        for worker in started.withValue({ $0 }) { worker.killNow() }
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A value behind a lock.
private final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withValue<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&value) } }
}

/// Polls `condition` every 25 ms; throws (with the workers' logs) after `timeout`.
private func waitUntil(_ what: String, workers: WorkerProcesses, timeout: Duration = .seconds(60),
                       _ condition: () async throws -> Bool) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(25))
    }
    throw StandInError("timed out waiting for \(what)\n\(workers.logs)")
}

// MARK: - Queue state

/// A scan row as the queue sees it.
private struct ScanRow: Sendable, CustomStringConvertible {
    let id: UUID
    let status: String
    let attempts: Int
    let lockedBy: String?
    let queriesFound: Int
    let error: String?

    /// The process holding the lease (`host:pid:random`).
    var workerPID: Int32? {
        guard let parts = lockedBy?.split(separator: ":"), parts.count >= 3 else { return nil }
        return Int32(parts[parts.count - 2])
    }

    var description: String { "scan \(id) \(status), attempts \(attempts), locked by \(lockedBy ?? "nobody"), \(queriesFound) found, error \(error ?? "none")" }
}

private func scanRows(_ test: TestContext) async throws -> [ScanRow] {
    let logger = test.database.logger
    return try await test.database.withSystem { transaction in
        try await transaction.query("SELECT id, status, attempts, locked_by, queries_found, error FROM scans")
            .all(as: (UUID, String, Int, String?, Int, String?).self)
    }.map { ScanRow(id: $0.0, status: $0.1, attempts: $0.2, lockedBy: $0.3, queriesFound: $0.4, error: $0.5) }
}

private func locationCount(_ test: TestContext, scan: UUID) async throws -> Int {
    let logger = test.database.logger
    return try await test.database.withSystem { transaction in
        try await transaction.query("SELECT count(*)::int FROM query_locations WHERE scan_id = \(scan)")
            .first(as: Int.self) ?? 0
    }
}

private func statementCount(_ test: TestContext) async throws -> Int {
    let logger = test.database.logger
    return try await test.database.withSystem { transaction in
        try await transaction.query("SELECT count(*)::int FROM extracted_queries").first(as: Int.self) ?? 0
    }
}
