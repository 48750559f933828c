@testable import App
import Foundation
import PostgresNIO
import TestDatabaseSupport
import Testing

/// dbooster's own database going away under real load and real processes: the test cluster is
/// restarted and stopped. That would disturb every suite running beside it, so these tests run
/// only on request, one after the other, alone: `scripts/test.sh` runs them after the parallel
/// run with `DBOOSTER_OUTAGE_TESTS=1 swift test --filter DatabaseOutageTests`.
@Suite("Database outages", .serialized, .enabled(if: ProcessInfo.processInfo.environment["DBOOSTER_OUTAGE_TESTS"] == "1"))
struct DatabaseOutageTests {
    // MARK: - A restart under load
    @Test("a PostgreSQL restart under load: 503 database_unavailable with Retry-After, never 500; full service within 5 s",
          .timeLimit(.minutes(2)))
    func postgresRestartUnderLoad() async throws {
        try await withTestApp { test in
            let user = try await test.client.signUp(uniqueEmail("restart"))
            let dataDirectory = try await Self.dataDirectory()
            let stop = ManagedFlag()
            let results = ResultLog()
            let load = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for worker in 0..<6 {
                        group.addTask {
                            while !stop.isSet {
                                // A request that hangs is a failure too (recorded as status 0).
                                let response = try await withTimeout(.seconds(10)) {
                                    worker.isMultiple(of: 2)
                                        ? try await test.client.call(.get, "/users/me", token: user.token)
                                        : try await test.client.call(.post, "/projects", token: user.token,
                                                                     json: ["name": "p-\(UUID().uuidString.prefix(8))"])
                                }
                                results.append(response.map { Int($0.status.code) } ?? 0, code: response?.errorCode,
                                               retryAfter: response?.headers[.retryAfter])
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            try await Task.sleep(for: .seconds(1))
            #expect(try await Self.pgCtl(dataDirectory, "restart") == 0)
            let back = ContinuousClock.now
            results.mark()
            // Full service again within 5 s of the database's return.
            var recovered: Duration?
            while ContinuousClock.now - back < .seconds(5) {
                let me = try await withTimeout(.seconds(2)) { try await test.client.call(.get, "/users/me", token: user.token) }
                if me?.status == .ok {
                    recovered = ContinuousClock.now - back
                    break
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            try await Task.sleep(for: .seconds(1))
            stop.set()
            try await load.value
            let all = results.all
            #expect(recovered != nil, "no full service within 5 s of the restart: \(results.afterMark.suffix(20))")
            #expect(!all.contains { $0.status == 0 }, "requests hung: \(all.filter { $0.status == 0 }.count) of \(all.count)")
            #expect(!all.contains { $0.status >= 500 && $0.status != 503 }, "\(all.filter { $0.status >= 500 })")
            for failure in all where failure.status == 503 {
                #expect(failure.code == "database_unavailable" && failure.retryAfter != nil, "\(failure)")
            }
            let late = results.afterMark.dropFirst(30)
            #expect(late.allSatisfy { $0.status < 500 }, "still failing after recovery: \(late.filter { $0.status >= 500 })")
        }
    }

    /// Runs a program to its end and returns its exit status. Spawned and reaped here, polled
    /// with `WNOHANG`: Foundation's `Process` left `runuser` a zombie under this load (its
    /// termination was never observed), and `waitUntilExit()` would block a cooperative thread.
    static func run(_ executable: String, _ arguments: [String]) async throws -> Int32 {
        var pid = pid_t()
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, executable, nil, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 { try await Task.sleep(for: .milliseconds(50)) }
        return (status >> 8) & 0xff
    }

    /// The test cluster's data directory (asked of the cluster as its superuser).
    static func dataDirectory() async throws -> String {
        let admin = try #require(URLComponents(string: TestDatabase.adminURL))
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: admin.host ?? "127.0.0.1", port: admin.port ?? 5432, username: "postgres",
                                 password: nil, database: "postgres", tls: .disable),
            id: 1, logger: .init(label: "restart-test"))
        let directory = try await connection.query("SHOW data_directory", logger: .init(label: "restart-test"))
            .first(as: String.self)
        try? await connection.close()
        return try #require(directory)
    }

    // MARK: - SIGTERM with the cluster stopped

    @Test("serve and worker, connected and working, exit within 10 s of SIGTERM after the cluster stopped", .timeLimit(.minutes(1)))
    func sigtermWithTheClusterStopped() async throws {
        try await withTestApp { test in
            let environment = DBoosterProcess.environment(databaseURL: test.config.databaseURL, ["SCAN_WORKERS": "0"])
            let serve = try await ServeProcess.start(environment: environment)
            let worker = try DBoosterProcess(["worker", "--workers", "2"], environment: environment)
            let (signedUp, _) = try await serve.call(
                .POST, "/auth/signup", json: ["email": uniqueEmail("outage"), "password": "correct horse battery"])
            #expect(signedUp == 201)
            try await Task.sleep(for: .seconds(1))
            #expect(worker.isRunning, "the worker exited by itself:\n\(worker.output)")

            let dataDirectory = try await Self.dataDirectory()
            #expect(try await Self.pgCtl(dataDirectory, "stop") == 0)
            do {
                try await Task.sleep(for: .seconds(2))
                async let serveExit = serve.process.terminate(within: .seconds(10))
                async let workerExit = worker.terminate(within: .seconds(10))
                let (serveSeconds, workerSeconds) = await (serveExit, workerExit)
                #expect(serveSeconds != nil, "serve still ran 10 s after SIGTERM:\n\(serve.process.output.suffix(2000))")
                #expect(workerSeconds != nil, "worker still ran 10 s after SIGTERM:\n\(worker.output.suffix(2000))")
            } catch {
                _ = try await Self.pgCtl(dataDirectory, "start")
                throw error
            }
            #expect(try await Self.pgCtl(dataDirectory, "start") == 0)
        }
    }

    /// `pg_ctl <action>` (fast mode, waiting) on the test cluster, as its owner (`scripts/postgres.sh`
    /// gives it to `postgres` when run as root, else it belongs to the caller).
    static func pgCtl(_ dataDirectory: String, _ action: String) async throws -> Int32 {
        let pgCtl = ["/usr/lib/postgresql/15/bin/pg_ctl", "-D", dataDirectory, "-l", "\(dataDirectory)/server.log",
                     "-m", "fast", "-w", action]
        if getuid() == 0 { return try await run("/usr/sbin/runuser", ["-u", "postgres", "--"] + pgCtl) }
        return try await run(pgCtl[0], Array(pgCtl.dropFirst()))
    }
}
