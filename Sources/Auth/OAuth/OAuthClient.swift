import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A provider's OAuth client registration and endpoints (all from configuration, so that tests
/// run against local stand-ins and GitHub Enterprise works).
public struct OAuthClientSettings: Sendable {
    public var clientID: String
    public var clientSecret: String
    public var authorizeURL: String
    public var tokenURL: String
    /// Google: the userinfo endpoint. GitHub: the API base URL.
    public var identityURL: String
    /// Google: where its ID-token signing keys are published (JWKS).
    public var jwksURL: String?

    public init(clientID: String, clientSecret: String, authorizeURL: String, tokenURL: String, identityURL: String,
                jwksURL: String? = nil) {
        self.jwksURL = jwksURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.authorizeURL = authorizeURL
        self.tokenURL = tokenURL
        self.identityURL = identityURL
    }
}

/// Small JSON-over-HTTP helpers for talking to providers, with time limits and size limits.
struct ProviderHTTP: Sendable {
    let client: HTTPClient
    /// The limit of one call (connection, request and answer).
    let timeout: TimeAmount
    let maxBody = 1024 * 1024

    func postForm(_ url: String, fields: [String: String]) async throws -> (status: Int, body: Data) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: Self.formEncode(fields)))
        return try await send(request)
    }

    func getJSON(_ url: String, bearer: String) async throws -> (status: Int, body: Data) {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(bearer)")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "dbooster")
        return try await send(request)
    }

    /// A public JSON document (a JWKS) with its `Cache-Control` header.
    func getDocument(_ url: String) async throws -> (status: Int, body: Data, cacheControl: String?) {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "dbooster")
        let response = try await client.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: maxBody)
        return (Int(response.status.code), Data(buffer: body), response.headers.first(name: "cache-control"))
    }

    private func send(_ request: HTTPClientRequest) async throws -> (status: Int, body: Data) {
        let response = try await client.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: maxBody)
        return (Int(response.status.code), Data(buffer: body))
    }

    static func formEncode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }
}
