import AsyncHTTPClient
import Core
import Foundation
import HTTPSupport
import Hummingbird
import NIOCore

/// A repository as GitHub lists it.
public struct GitHubRepository: Sendable, Equatable, Codable {
    public let full_name: String
    public let html_url: String
    public let `private`: Bool
    public let default_branch: String?
}

/// The parts of GitHub's REST API that scans use.
public struct GitHubAPI: Sendable {
    /// Every repository the token's user can see (all pages); throws ``AppError``s for the client.
    public var listRepositories: @Sendable (_ token: String) async throws -> [GitHubRepository]
    /// Streams the tarball of `ref` into `file`; throws ``ScanFailure`` in words for the user.
    public var downloadTarball: @Sendable (_ repository: RepositoryURL, _ ref: String, _ token: String?, _ file: URL) async throws -> Void

    public init(listRepositories: @escaping @Sendable (String) async throws -> [GitHubRepository],
                downloadTarball: @escaping @Sendable (RepositoryURL, String, String?, URL) async throws -> Void) {
        self.listRepositories = listRepositories
        self.downloadTarball = downloadTarball
    }

    /// The real API at `settings.gitHubAPIURL` (github.com) or `https://<host>/api/v3` (Enterprise).
    public static func live(settings: ScanSettings) -> GitHubAPI {
        let live = LiveGitHubAPI(settings: settings, guardrail: DownloadGuard(settings: settings))
        return GitHubAPI(listRepositories: { try await live.listRepositories(token: $0) },
                         downloadTarball: { try await live.downloadTarball($0, ref: $1, token: $2, to: $3) })
    }
}

/// AsyncHTTPClient calls with redirects followed by hand, so that every hop is checked.
struct LiveGitHubAPI: Sendable {
    let settings: ScanSettings
    let guardrail: DownloadGuard
    static let maxPages = 100
    static let maxRedirects = 5

    // MARK: - Repositories

    func listRepositories(token: String) async throws -> [GitHubRepository] {
        let base = settings.gitHubAPIURL
        var next: String? = base.absoluteString.trimmingSlash + "/user/repos?per_page=100&sort=full_name"
        var repositories: [GitHubRepository] = []
        try await withClient { client in
            var pages = 0
            while let url = next, pages < Self.maxPages {
                pages += 1
                let response: HTTPClientResponse
                do {
                    response = try await client.execute(request(url, token: token), timeout: TimeAmount(timeouts.request))
                } catch let error as HTTPClientError where Self.isTimeout(error) {
                    throw AppError(.gatewayTimeout, code: "github_timeout",
                                   message: "GitHub did not answer within \(Int(timeouts.request.milliseconds)) ms; try again later.")
                } catch {
                    throw AppError(.badGateway, code: "github_unavailable", message: "GitHub could not be reached; try again later.")
                }
                let body = try? await response.body.collect(upTo: 16 << 20)
                try Self.checkAPIStatus(response)
                guard let body, let page = try? JSONDecoder().decode([GitHubRepository].self, from: Data(buffer: body)) else {
                    throw AppError(.badGateway, code: "github_bad_response", message: "GitHub answered with an unexpected repository list.")
                }
                repositories += page
                next = Self.nextLink(response.headers.first(name: "link")).flatMap { link in
                    // Follow only links to the same API.
                    URL(string: link).flatMap { $0.host == base.host && $0.scheme == base.scheme && $0.port == base.port ? link : nil }
                }
            }
        }
        return repositories
    }

    /// Maps GitHub's error statuses to answers for the client.
    static func checkAPIStatus(_ response: HTTPClientResponse) throws {
        switch response.status.code {
        case 200..<300: return
        case 401:
            throw AppError.unauthorized(
                "GitHub refused the stored access token (it was revoked or expired). Reconnect GitHub by signing in with GitHub again.",
                code: "github_token_invalid")
        case 403 where response.headers.first(name: "x-ratelimit-remaining") == "0", 429:
            var headers: HTTPFields = [:]
            if let retry = response.headers.first(name: "retry-after") { headers[.retryAfter] = retry }
            throw AppError(.serviceUnavailable, code: "github_rate_limited",
                           message: "GitHub's rate limit is exhausted for this account; try again later.", headers: headers)
        case 403:
            throw AppError(.badGateway, code: "github_forbidden", message: "GitHub refused the request (403); check the token's scopes.")
        case 500...:
            throw AppError(.badGateway, code: "github_unavailable", message: "GitHub is failing (\(response.status.code)); try again later.")
        default:
            throw AppError(.badGateway, code: "github_bad_response", message: "GitHub answered \(response.status.code).")
        }
    }

    /// The `rel="next"` target of a `Link` header.
    static func nextLink(_ header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count >= 2, pieces.dropFirst().contains(where: { $0 == "rel=\"next\"" || $0 == "rel=next" }),
                  pieces[0].hasPrefix("<"), pieces[0].hasSuffix(">") else { continue }
            return String(pieces[0].dropFirst().dropLast())
        }
        return nil
    }

    // MARK: - Tarballs

    func downloadTarball(_ repository: RepositoryURL, ref: String, token: String?, to file: URL) async throws {
        let apiBase = repository.apiBaseURL(settings: settings)
        let encodedRef = ref.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ref
        var url = "\(apiBase.absoluteString.trimmingSlash)/repos/\(repository.owner)/\(repository.repo)/tarball/\(encodedRef)"
        for _ in 0...Self.maxRedirects {
            guard let parsed = URL(string: url) else { throw ScanFailure("GitHub redirected to an invalid URL") }
            // Each hop connects to the address that was vetted (DNS is not asked a second time);
            // the name stays in the Host header and the TLS server name.
            let vetted = try await guardrail.check(parsed, apiBase: apiBase)
            let pinned = vetted.flatMap { address in parsed.host.map { [$0: address] } } ?? [:]
            // The token goes only to the API host itself, never to a redirect target.
            let sendToken = parsed.host?.lowercased() == apiBase.host?.lowercased() ? token : nil
            let next: String? = try await withClient(dnsOverride: pinned) { client in
                let response: HTTPClientResponse
                do {
                    response = try await client.execute(request(url, token: sendToken), timeout: .seconds(Int64(settings.timeLimit)))
                } catch let error as HTTPClientError where Self.isTimeout(error) {
                    throw ScanFailure("\(parsed.host ?? "GitHub") did not answer the download in time (\(error))")
                } catch {
                    throw ScanFailure("could not download the repository from \(parsed.host ?? "GitHub"): \(error)")
                }
                switch response.status.code {
                case 200:
                    try await save(response, to: file)
                    return nil
                case 301, 302, 303, 307, 308:
                    guard let location = response.headers.first(name: "location"),
                          let target = URL(string: location, relativeTo: parsed)?.absoluteURL else {
                        throw ScanFailure("GitHub redirected without a location")
                    }
                    return target.absoluteString
                case 401:
                    throw ScanFailure("GitHub refused the stored access token; reconnect GitHub and scan again")
                case 404:
                    throw ScanFailure("repository \(repository.owner)/\(repository.repo) or branch \(ref) was not found (or the token cannot read it)")
                case 403, 429:
                    throw ScanFailure("GitHub refused the download (\(response.status.code)), probably its rate limit; try again later")
                default:
                    throw ScanFailure("GitHub answered \(response.status.code) to the download")
                }
            }
            guard let next else { return }
            url = next
        }
        throw ScanFailure("too many redirects while downloading the repository")
    }

    /// Streams the body to `file`, refusing more than `maxDownloadBytes`.
    private func save(_ response: HTTPClientResponse, to file: URL) async throws {
        if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > settings.maxDownloadBytes {
            throw ScanFailure("the repository archive is \(length) bytes, more than the limit of \(settings.maxDownloadBytes)")
        }
        guard FileManager.default.createFile(atPath: file.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: file) else {
            throw ScanFailure("could not create a temporary file for the download")
        }
        defer { try? handle.close() }
        var written = 0
        for try await chunk in response.body {
            written += chunk.readableBytes
            guard written <= settings.maxDownloadBytes else {
                throw ScanFailure("the repository archive is larger than the limit of \(settings.maxDownloadBytes) bytes")
            }
            try handle.write(contentsOf: Data(buffer: chunk))
        }
    }

    // MARK: - HTTP

    private func request(_ url: String, token: String?) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: "dbooster")
        request.headers.add(name: "Accept", value: "application/vnd.github+json")
        request.headers.add(name: "X-GitHub-Api-Version", value: "2022-11-28")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        return request
    }

    private var timeouts: GitHubTimeouts { settings.gitHubTimeouts }

    /// Whether AsyncHTTPClient gave up waiting (connect, silence or the whole call).
    private static func isTimeout(_ error: HTTPClientError) -> Bool {
        error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout
    }

    /// A client that never follows redirects on its own, gives up connecting and waiting as
    /// `GitHubTimeouts` says and connects the hosts in `dnsOverride` to the given addresses;
    /// shut down afterwards.
    private func withClient<T: Sendable>(dnsOverride: [String: String] = [:],
                                         _ body: (HTTPClient) async throws -> T) async throws -> T {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: TimeAmount(timeouts.connect), read: TimeAmount(timeouts.read)))
        configuration.dnsOverride = dnsOverride
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let value = try await body(client)
            try? await client.shutdown()
            return value
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}

extension String {
    var trimmingSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}
