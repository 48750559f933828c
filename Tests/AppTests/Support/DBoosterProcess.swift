import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// A real `dbooster` process (`serve`, `worker`, …) with its output in a private file.
/// `@unchecked`: `Process` is only started in `init`, then read, signalled and waited for.
final class DBoosterProcess: @unchecked Sendable {
    let pid: Int32
    private let process: Process
    private let directory: URL
    private let log: URL

    init(_ arguments: [String], environment: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dbooster-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        log = directory.appendingPathComponent("output.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        var environment = environment
        for key in ["PATH", "HOME", "TMPDIR"] {
            if let value = ProcessInfo.processInfo.environment[key] { environment[key] = value }
        }
        let process = Process()
        process.executableURL = try Self.executable()
        process.arguments = arguments
        process.environment = environment
        // No `.env` is read from a directory of its own.
        process.currentDirectoryURL = directory
        process.standardOutput = output
        process.standardError = output
        try process.run()
        self.process = process
        pid = process.processIdentifier
    }

    deinit {
        if isRunning { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
    /// Whether the process still runs. Also reaped here: under load Foundation's `Process` has
    /// been seen to leave an exited child a zombie, still "running" to it.
    var isRunning: Bool {
        guard process.isRunning else { return false }
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == 0
    }

    /// Sends SIGTERM and waits up to `limit` for the exit; the seconds it took, or nil when it
    /// was still running (then it is killed).
    func terminate(within limit: Duration) async -> Double? {
        let start = ContinuousClock.now
        _ = kill(pid, SIGTERM)
        while isRunning, ContinuousClock.now - start < limit {
            try? await Task.sleep(for: .milliseconds(50))
        }
        guard !isRunning else {
            kill(pid, SIGKILL)
            return nil
        }
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The common settings of a process on `databaseURL`.
    static func environment(databaseURL: String, _ extra: [String: String] = [:]) -> [String: String] {
        [
            "DATABASE_URL": databaseURL,
            "JWT_SECRET": "test-secret-test-secret-test-secret-0123456789",
            "ENCRYPTION_KEY": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
            "PUBLIC_URL": "http://api.test",
            "FRONTEND_URL": "http://frontend.test",
            "LOG_LEVEL": "info",
        ].merging(extra) { _, new in new }
    }

    /// A TCP port nobody listens on right now.
    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw StandInError("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The `dbooster` executable built next to the test bundle (`swift build --build-tests`).
    static func executable(filePath: String = #filePath) throws -> URL {
        var candidates: [URL] = []
        if let runner = Bundle.main.executableURL {
            candidates.append(runner.deletingLastPathComponent().appendingPathComponent("dbooster"))
        }
        let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/dbooster"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw StandInError("no dbooster executable at \(candidates.map(\.path)); run swift build --build-tests")
        }
        return found
    }
}

/// A `dbooster serve` on a free local port.
struct ServeProcess: Sendable {
    let process: DBoosterProcess
    let baseURL: String

    static func start(environment: [String: String]) async throws -> ServeProcess {
        let port = try DBoosterProcess.freePort()
        let process = try DBoosterProcess(["serve", "--host", "127.0.0.1", "--port", "\(port)"], environment: environment)
        let serve = ServeProcess(process: process, baseURL: "http://127.0.0.1:\(port)")
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let (status, _) = try? await serve.call(.GET, "/health"), status == 200 { return serve }
            guard process.isRunning else { throw StandInError("serve exited:\n\(process.output)") }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw StandInError("serve did not become healthy:\n\(process.output)")
    }

    /// One request; the status and the JSON body.
    func call(_ method: HTTPMethod, _ path: String, json: [String: Any]? = nil, rawBody: String? = nil,
              headers: [String: String] = [:]) async throws -> (Int, [String: Any]) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json)))
        } else if let rawBody {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: rawBody))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        let body = try await response.body.collect(upTo: 1 << 20)
        let object = (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
        return (Int(response.status.code), object)
    }
}
