@testable import App
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

// MARK: - Stand-in

/// A local stand-in of GitHub's REST API under `<baseURL>` (use it as `GITHUB_API_URL`):
/// `/user/repos` (paginated with `Link`), `/repos/{owner}/{repo}/tarball/{ref}` serving tarballs
/// the test registered, and misbehaviour on request.
struct GitHubAPIStandIn: Sendable {
    /// `http://127.0.0.1:<port>/api`.
    let baseURL: String
    let state: GitHubAPIState
    static let token = "gho_standin_valid"

    /// Settings a test app needs to scan through this stand-in.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["GITHUB_API_URL": baseURL, "SCAN_ALLOWED_HOSTS": "github.com", "SCAN_PRIVATE_HOSTS": "127.0.0.1",
         "SCAN_POLL_MILLISECONDS": "100", "SCAN_HEARTBEAT_MILLISECONDS": "100"].merging(extra) { _, new in new }
    }
}

/// What the stand-in serves.
actor GitHubAPIState {
    /// Tarball behaviour for one `owner/repo`.
    enum Tarball: Sendable {
        case archive(Data, delay: Duration = .zero)
        /// The first download waits `hold` before answering (to kill a worker mid-scan); later ones are immediate.
        case slowFirst(Data, hold: Duration)
        case redirect(String)
        case status(Int)
    }

    var repositories: [[String: Any]] = []
    var tarballs: [String: Tarball] = [:]
    private(set) var downloads: [String: Int] = [:]
    var pageSize = 2

    func setRepositories(count: Int) {
        repositories = (1...max(count, 1)).prefix(count).map { index in
            ["full_name": "acme/repo\(index)", "html_url": "https://github.com/acme/repo\(index)",
             "private": index % 2 == 0, "default_branch": "main", "id": index]
        }
    }

    func serve(_ repo: String, _ tarball: Tarball) { tarballs[repo] = tarball }

    func downloadCount(_ repo: String) -> Int { downloads[repo, default: 0] }

    /// One page as JSON, and whether more follow.
    func page(_ number: Int) -> (Data, Bool) {
        let start = max(0, (number - 1) * pageSize)
        let items = start < repositories.count ? Array(repositories[start..<min(start + pageSize, repositories.count)]) : []
        return ((try? JSONSerialization.data(withJSONObject: items)) ?? Data("[]".utf8), start + pageSize < repositories.count)
    }

    func tarball(_ repo: String) -> Tarball? {
        downloads[repo, default: 0] += 1
        guard let tarball = tarballs[repo] else { return nil }
        if case .slowFirst(let data, _) = tarball, downloads[repo, default: 0] > 1 { return .archive(data) }
        return tarball
    }
}

/// Runs `body` with a GitHub API stand-in on 127.0.0.1.
func withGitHubAPIStandIn(_ body: (GitHubAPIStandIn) async throws -> Void) async throws {
    let state = GitHubAPIState()
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    var logger = Logger(label: "github-api-stand-in")
    logger.logLevel = .warning
    let portBox = PortBox()
    let app = Application(
        router: gitHubRouter(state, port: portBox),
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in
            continuation.yield(channel.localAddress?.port ?? 0)
            continuation.finish()
        },
        logger: logger)
    let server = ServiceGroup(configuration: .init(services: [app], logger: logger))
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { continuation.finish() }
            try await server.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw StandInError("the GitHub stand-in did not start") }
        portBox.set(port)
        do {
            try await body(GitHubAPIStandIn(baseURL: "http://127.0.0.1:\(port)/api", state: state))
        } catch {
            await server.triggerGracefulShutdown()
            throw error
        }
        await server.triggerGracefulShutdown()
        try await group.waitForAll()
    }
}

/// The stand-in's port, known once it listens (for `Link` headers).
final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port = 0
    func set(_ value: Int) { lock.withLock { port = value } }
    var value: Int { lock.withLock { port } }
}

private func gitHubRouter(_ state: GitHubAPIState, port: PortBox) -> Router<BasicRequestContext> {
    let router = Router()
    @Sendable func json(_ object: Any, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
    @Sendable func authorized(_ request: Request) -> Bool {
        request.headers[.authorization] == "Bearer \(GitHubAPIStandIn.token)" && request.headers[.userAgent] != nil
    }
    router.get("api/user/repos") { request, _ -> Response in
        guard authorized(request) else { return json(["message": "Bad credentials"], status: .unauthorized) }
        let number = Int(request.uri.queryParameters.get("page") ?? "1") ?? 1
        let (items, more) = await state.page(number)
        var headers: HTTPFields = [:]
        if more {
            headers[HTTPField.Name("Link")!] = "<http://127.0.0.1:\(port.value)/api/user/repos?per_page=100&page=\(number + 1)>; rel=\"next\", <http://127.0.0.1:\(port.value)/api/user/repos?page=99>; rel=\"last\""
        }
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: items)))
    }
    router.get("api/repos/{owner}/{repo}/tarball/{ref}") { request, context -> Response in
        guard authorized(request) else { return json(["message": "Bad credentials"], status: .unauthorized) }
        let name = "\(context.parameters.get("owner") ?? "")/\(context.parameters.get("repo") ?? "")"
        switch await state.tarball(name) {
        case .none: return json(["message": "Not Found"], status: .notFound)
        case .status(let code): return json(["message": "failure"], status: .init(code: code))
        case .redirect(let location): return Response(status: .found, headers: [.location: location])
        case .slowFirst(let data, let hold):
            try await Task.sleep(for: hold)
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        case .archive(let data, let delay):
            try await Task.sleep(for: delay)
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
    return router
}

// MARK: - Tarballs

/// Builds `.tar.gz` archives byte by byte (so tests can put `../`, absolute paths and links in them).
struct TarballBuilder {
    enum Entry {
        case file(String, Data)
        case directory(String)
        case symlink(String, target: String)
        case hardlink(String, target: String)
    }

    var entries: [Entry] = []

    mutating func file(_ path: String, _ text: String) { entries.append(.file(path, Data(text.utf8))) }

    /// The gzip-compressed archive.
    func gzipped() throws -> Data {
        var tar = Data()
        for entry in entries {
            switch entry {
            case .file(let name, let data):
                tar += Self.header(name: name, size: data.count, type: "0")
                tar += data
                tar += Data(count: (512 - data.count % 512) % 512)
            case .directory(let name): tar += Self.header(name: name, size: 0, type: "5")
            case .symlink(let name, let target): tar += Self.header(name: name, size: 0, type: "2", link: target)
            case .hardlink(let name, let target): tar += Self.header(name: name, size: 0, type: "1", link: target)
            }
        }
        tar += Data(count: 1024)
        return try Self.gzip(tar)
    }

    static func header(name: String, size: Int, type: Character, link: String = "") -> Data {
        var bytes = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, length: Int) {
            for (index, byte) in text.utf8.prefix(length).enumerated() { bytes[offset + index] = byte }
        }
        put(name, at: 0, length: 100)
        put("0000644", at: 100, length: 8)
        put("0000000", at: 108, length: 8)
        put("0000000", at: 116, length: 8)
        put(String(format: "%011o", size), at: 124, length: 12)
        put("00000000000", at: 136, length: 12)
        bytes[156] = type.asciiValue!
        put(link, at: 157, length: 100)
        put("ustar", at: 257, length: 6)
        put("00", at: 263, length: 2)
        for index in 148..<156 { bytes[index] = 32 }
        let sum = bytes.reduce(0) { $0 + Int($1) }
        put(String(format: "%06o", sum) + "\0 ", at: 148, length: 8)
        return Data(bytes)
    }

    static func gzip(_ data: Data) throws -> Data {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tarball-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("archive.tar")
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        process.arguments = ["-n", file.path]
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: directory.appendingPathComponent("archive.tar.gz"))
    }

    /// `tar czf` of a real directory (e.g. a checkout), top directory `prefix`.
    static func tarDirectory(_ directory: URL, prefix: String) throws -> Data {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dir-\(UUID().uuidString).tar.gz")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tar")
        process.arguments = ["czf", output.path, "-C", directory.deletingLastPathComponent().path,
                             "--transform", "s,^\(directory.lastPathComponent),\(prefix),", directory.lastPathComponent]
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: output)
    }
}
