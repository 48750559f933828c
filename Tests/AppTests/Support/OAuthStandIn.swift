import AsyncHTTPClient
import Auth
import Crypto
import CryptoExtras
import Extraction
import Foundation
import Hummingbird
import Logging
import NIOCore
import Scans
import ServiceLifecycle

// MARK: - Accounts and behaviour

/// The Google account that the stand-in signs in.
struct StandInGoogleAccount: Sendable {
    var sub: String
    var email: String
    var emailVerified: Bool
    var name: String?
    var picture: String?
}

/// One address of GitHub's `/user/emails`.
struct StandInGitHubEmail: Sendable {
    var email: String
    var primary: Bool
    var verified: Bool
}

/// The GitHub account that the stand-in signs in.
struct StandInGitHubAccount: Sendable {
    var id: Int64
    var login: String
    var name: String?
    var avatarURL: String?
    var emails: [StandInGitHubEmail]
}

/// Who signs in and how the stand-in misbehaves; change it with ``OAuthStandIn/configure(_:)``.
struct StandInSettings: Sendable {
    var google: StandInGoogleAccount
    var github: StandInGitHubAccount
    /// The user clicks "Cancel" on the consent page: the provider redirects with `error=access_denied`.
    var denyConsent = false
    /// The token endpoints answer this status (e.g. 500) instead of tokens.
    var tokenFailureStatus: Int?
    /// Google puts this nonce in the ID token instead of the one given at authorize time.
    var idTokenNonceOverride: String?
    /// Google answers with a forged or broken ID token.
    var idTokenTamper: IDTokenTamper?
    /// Google's userinfo endpoint describes this other account (the ID token stays right).
    var userInfoOverride: StandInGoogleAccount?

    /// Fresh accounts with unique ids and verified emails.
    static func fresh() -> StandInSettings {
        let tag = UUID().uuidString.prefix(8).lowercased()
        return StandInSettings(
            google: StandInGoogleAccount(
                sub: "10\(Int64.random(in: 1_000_000_000...9_999_999_999))", email: "ada-\(tag)@gmail.test",
                emailVerified: true, name: "Ada Lovelace", picture: "https://lh3.google.test/\(tag).png"),
            github: StandInGitHubAccount(
                id: Int64.random(in: 1_000_000...99_999_999), login: "octo-\(tag)", name: "Octo Cat",
                avatarURL: "https://avatars.github.test/u/\(tag)",
                emails: [
                    StandInGitHubEmail(email: "octo-\(tag)@users.noreply.github.test", primary: false, verified: true),
                    StandInGitHubEmail(email: "octo-\(tag)@example.com", primary: true, verified: true),
                ]))
    }
}

/// Ways an ID token can be forged or wrong; each must be refused.
enum IDTokenTamper: String, CaseIterable, Sendable {
    /// `alg: none`, no signature.
    case unsigned
    /// HS256 with the published RSA modulus as the HMAC secret (algorithm confusion).
    case hmacWithPublicKey
    /// Signed by a key Google never published, under a published kid.
    case foreignKey
    /// Signed by a key whose kid is not published.
    case unknownKeyID
    /// A signature byte flipped.
    case flippedSignature
    /// The email in the payload changed after signing.
    case alteredPayload
    case wrongIssuer
    case wrongAudience
    case expired
    case issuedInFuture
    case missingNonce
    /// No `id_token` in the token answer.
    case absent
}

// MARK: - Stand-in handle

/// A local stand-in of Google's and GitHub's OAuth and API endpoints, on a real HTTP server at
/// ``baseURL``, laid out as `withTestApp(providerBaseURL:)` expects. It also plays the
/// browser's part on the consent page (``consent(at:)``).
struct OAuthStandIn: Sendable {
    /// `http://127.0.0.1:<port>`.
    let baseURL: String
    let providers: StandInProviders
    /// A client that does not follow redirects, like a test driving a browser step by step.
    let browser: HTTPClient

    /// Changes the accounts or the misbehaviour for the following requests.
    func configure(_ change: @Sendable (inout StandInSettings) -> Void) async {
        await providers.configure(change)
    }

    var settings: StandInSettings {
        get async { await providers.settings }
    }

    /// How often Google's JWKS was fetched.
    var jwksFetches: Int {
        get async { await providers.jwksFetches }
    }

    /// Replaces Google's signing key by a new one under a new kid (both stay published).
    func rotateGoogleKey() async throws {
        try await providers.rotateKey()
    }

    /// Every access token the token endpoints issued, in order.
    var issuedAccessTokens: [String] {
        get async { await providers.issuedAccessTokens }
    }

    /// Opens `authorizeURL` (the app's `Location`) and returns where the provider redirects the
    /// browser: the app's callback with `code` and `state`, or with `error`.
    func consent(at authorizeURL: String) async throws -> URLComponents {
        let response = try await browser.execute(HTTPClientRequest(url: authorizeURL), timeout: .seconds(10))
        let body = String(buffer: try await response.body.collect(upTo: 64 * 1024))
        guard response.status == .found, let location = response.headers.first(name: "location"),
              let components = URLComponents(string: location) else {
            throw StandInError("the consent page answered \(response.status.code): \(body)")
        }
        return components
    }
}

/// A failure of the stand-in itself or of a test's use of it.
struct StandInError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body` with a stand-in listening on 127.0.0.1 on a free port; shuts it down gracefully afterwards.
func withOAuthStandIn(_ body: (OAuthStandIn) async throws -> Void) async throws {
    let providers = StandInProviders()
    let (ports, portContinuation) = AsyncStream<Int>.makeStream()
    var logger = Logger(label: "oauth-stand-in")
    logger.logLevel = .warning
    let app = Application(
        router: providers.router(),
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in
            portContinuation.yield(channel.localAddress?.port ?? 0)
            portContinuation.finish()
        },
        logger: logger)
    let browser = HTTPClient(
        eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
    let server = ServiceGroup(configuration: .init(services: [app], logger: logger))
    do {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { portContinuation.finish() }
                try await server.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                throw StandInError("the stand-in server did not start")
            }
            do {
                try await body(OAuthStandIn(baseURL: "http://127.0.0.1:\(port)", providers: providers, browser: browser))
            } catch {
                await server.triggerGracefulShutdown()
                throw error
            }
            await server.triggerGracefulShutdown()
            try await group.waitForAll()
        }
    } catch {
        try? await browser.shutdown()
        throw error
    }
    try await browser.shutdown()
}

// MARK: - Provider behaviour

/// The providers' state: registered clients, issued authorization codes and access tokens.
actor StandInProviders {
    /// An OAuth client registered at a provider (the values `testConfig` uses).
    struct Client: Sendable {
        let id: String
        let secret: String
        let redirectURI: String
    }

    enum Provider: String, Sendable {
        case google
        case github
    }

    /// What an authorization code is bound to.
    struct Grant: Sendable {
        let provider: Provider
        let clientID: String
        let redirectURI: String
        let codeChallenge: String
        let nonce: String?
        let settings: StandInSettings
    }

    /// An HTTP answer, turned into a Hummingbird `Response` by the router.
    struct Reply: Sendable {
        var status: HTTPResponse.Status
        var location: String?
        var json: Data?
        var cacheControl: String?

        static func json(_ object: Any, status: HTTPResponse.Status = .ok) -> Reply {
            Reply(status: status, json: try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
        }

        static func redirect(_ location: String) -> Reply { Reply(status: .found, location: location) }
    }

    static let clients: [Provider: Client] = [
        .google: Client(id: "google-client", secret: "google-secret", redirectURI: "http://api.test/auth/google/callback"),
        .github: Client(id: "github-client", secret: "github-secret", redirectURI: "http://api.test/auth/github/callback"),
    ]

    private(set) var settings = StandInSettings.fresh()
    /// Google's signing keys, newest last; all are published at `/google/jwks`.
    private var signingKeys: [(kid: String, key: _RSA.Signing.PrivateKey)] = [
        ("stand-in-1", try! _RSA.Signing.PrivateKey(keySize: .bits2048)),
    ]
    /// How often the JWKS was fetched.
    private(set) var jwksFetches = 0

    func rotateKey() throws {
        signingKeys.append(("stand-in-\(signingKeys.count + 1)", try _RSA.Signing.PrivateKey(keySize: .bits2048)))
    }

    /// Google's JWKS: every signing key's public half, cacheable for an hour.
    func jwks() -> Reply {
        jwksFetches += 1
        let keys: [[String: Any]] = signingKeys.map { entry in
            let primitives = try! entry.key.publicKey.getKeyPrimitives()
            return ["kty": "RSA", "alg": "RS256", "use": "sig", "kid": entry.kid,
                    "n": Self.base64URL(primitives.modulus), "e": Self.base64URL(primitives.publicExponent)]
        }
        // A symmetric key in the set must never be used to verify anything.
        let decoy: [String: Any] = ["kty": "oct", "kid": "decoy-oct", "k": Self.base64URL(Data("decoy-secret-decoy-secret-decoy!!".utf8))]
        var reply = Reply.json(["keys": keys + [decoy]])
        reply.cacheControl = "public, max-age=3600, must-revalidate, no-transform"
        return reply
    }
    private(set) var issuedAccessTokens: [String] = []
    private var grants: [String: Grant] = [:]
    private var accessTokens: [String: (Provider, StandInSettings)] = [:]

    func configure(_ change: @Sendable (inout StandInSettings) -> Void) {
        change(&settings)
    }

    // MARK: Authorize

    /// The consent page, approved (or denied) at once: checks the client, the redirect URI and
    /// the PKCE challenge, then redirects to the client with a code bound to all of them.
    func authorize(_ provider: Provider, query: [String: String]) -> Reply {
        guard let client = Self.clients[provider], query["client_id"] == client.id else {
            return .json(["error": "invalid_client"], status: .badRequest)
        }
        guard let redirectURI = query["redirect_uri"], redirectURI == client.redirectURI else {
            return .json(["error": "redirect_uri_mismatch"], status: .badRequest)
        }
        guard query["response_type"] == "code", let state = query["state"], !state.isEmpty else {
            return .json(["error": "invalid_request"], status: .badRequest)
        }
        guard query["code_challenge_method"] == "S256", let challenge = query["code_challenge"],
              challenge.count == 43 else {
            return .json(["error": "invalid_request", "error_description": "PKCE S256 is required"], status: .badRequest)
        }
        if provider == .google {
            let scopes = Set((query["scope"] ?? "").split(separator: " ").map(String.init))
            guard scopes.isSuperset(of: ["openid", "email"]) else {
                return .json(["error": "invalid_scope"], status: .badRequest)
            }
        }
        let encodedState = Self.encode(state)
        if settings.denyConsent {
            return .redirect("\(redirectURI)?error=access_denied&state=\(encodedState)")
        }
        let code = Self.randomToken()
        grants[code] = Grant(provider: provider, clientID: client.id, redirectURI: redirectURI,
                             codeChallenge: challenge, nonce: query["nonce"], settings: settings)
        return .redirect("\(redirectURI)?code=\(code)&state=\(encodedState)")
    }

    // MARK: Token

    /// The authorization-code grant. Codes are single use; client, redirect URI and the PKCE
    /// verifier must match what the code was issued for. Google refuses with 400 `invalid_grant`;
    /// GitHub, like the real one, answers 200 with an `error` field.
    func token(_ provider: Provider, form: [String: String]) -> Reply {
        if let status = settings.tokenFailureStatus {
            return .json(["error": "server_error"], status: .init(code: status))
        }
        func refuse(_ error: String) -> Reply {
            provider == .github
                ? .json(["error": error == "invalid_grant" ? "bad_verification_code" : error])
                : .json(["error": error], status: error == "invalid_client" ? .unauthorized : .badRequest)
        }
        guard let client = Self.clients[provider], form["client_id"] == client.id,
              form["client_secret"] == client.secret else { return refuse("invalid_client") }
        guard form["grant_type"] == "authorization_code" || provider == .github else {
            return refuse("unsupported_grant_type")
        }
        guard let code = form["code"], let grant = grants.removeValue(forKey: code),
              grant.provider == provider, grant.clientID == client.id else { return refuse("invalid_grant") }
        guard form["redirect_uri"] == grant.redirectURI else { return refuse("invalid_grant") }
        guard let verifier = form["code_verifier"], Self.s256(verifier) == grant.codeChallenge else {
            return refuse("invalid_grant")
        }
        let accessToken = (provider == .github ? "gho_" : "ya29.") + Self.randomToken()
        accessTokens[accessToken] = (provider, grant.settings)
        issuedAccessTokens.append(accessToken)
        switch provider {
        case .github:
            return .json(["access_token": accessToken, "token_type": "bearer", "scope": "read:user,repo,user:email"])
        case .google:
            var answer: [String: Any] = ["access_token": accessToken, "token_type": "Bearer", "expires_in": 3599,
                                         "scope": "openid email profile"]
            answer["id_token"] = idToken(
                account: grant.settings.google, audience: client.id,
                nonce: grant.settings.idTokenNonceOverride ?? grant.nonce, tamper: grant.settings.idTokenTamper)
            return .json(answer)
        }
    }

    // MARK: APIs

    /// Google's OpenID userinfo endpoint.
    func userInfo(authorization: String?) -> Reply {
        guard let (provider, settings) = account(authorization), provider == .google else {
            return .json(["error": "invalid_token"], status: .unauthorized)
        }
        let account = settings.userInfoOverride ?? settings.google
        var info: [String: Any] = ["sub": account.sub, "email": account.email, "email_verified": account.emailVerified]
        info["name"] = account.name
        info["picture"] = account.picture
        return .json(info)
    }

    /// GitHub's `/user`; like GitHub, a request without a User-Agent is refused.
    func gitHubUser(authorization: String?, userAgent: String?) -> Reply {
        guard userAgent?.isEmpty == false else { return .json(["message": "User-Agent required"], status: .forbidden) }
        guard let (provider, settings) = account(authorization), provider == .github else {
            return .json(["message": "Bad credentials"], status: .unauthorized)
        }
        let account = settings.github
        var user: [String: Any] = ["id": account.id, "login": account.login, "type": "User"]
        user["name"] = account.name
        user["avatar_url"] = account.avatarURL
        return .json(user)
    }

    /// GitHub's `/user/emails`.
    func gitHubEmails(authorization: String?, userAgent: String?) -> Reply {
        guard userAgent?.isEmpty == false else { return .json(["message": "User-Agent required"], status: .forbidden) }
        guard let (provider, settings) = account(authorization), provider == .github else {
            return .json(["message": "Bad credentials"], status: .unauthorized)
        }
        return .json(settings.github.emails.map {
            ["email": $0.email, "primary": $0.primary, "verified": $0.verified, "visibility": NSNull()] as [String: Any]
        })
    }

    private func account(_ authorization: String?) -> (Provider, StandInSettings)? {
        guard let authorization else { return nil }
        for scheme in ["Bearer ", "token "] where authorization.hasPrefix(scheme) {
            return accessTokens[String(authorization.dropFirst(scheme.count))]
        }
        return nil
    }

    // MARK: Helpers

    /// `BASE64URL(SHA256(verifier))`, computed here independently of the app's PKCE code.
    static func s256(_ verifier: String) -> String {
        base64URL(Data(SHA256.hash(data: Data(verifier.utf8))))
    }

    /// An RS256 ID token signed with the newest published key, or forged as `tamper` says.
    func idToken(account: StandInGoogleAccount, audience: String, nonce: String?, tamper: IDTokenTamper?) -> String? {
        let now = Int(Date().timeIntervalSince1970)
        var claims: [String: Any] = ["iss": "https://accounts.google.com", "aud": audience, "azp": audience,
                                     "sub": account.sub, "email": account.email, "email_verified": account.emailVerified,
                                     "iat": now, "exp": now + 3600]
        claims["nonce"] = nonce
        claims["name"] = account.name
        claims["picture"] = account.picture
        let (kid, key) = signingKeys[signingKeys.count - 1]
        var header: [String: Any] = ["alg": "RS256", "kid": kid, "typ": "JWT"]
        var signingKey = key
        switch tamper {
        case .none, .unsigned, .hmacWithPublicKey, .flippedSignature, .alteredPayload: break
        case .foreignKey: signingKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
        case .unknownKeyID:
            signingKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
            header["kid"] = "never-published"
        case .wrongIssuer: claims["iss"] = "https://accounts.google.test.evil"
        case .wrongAudience: claims["aud"] = "someone-elses-client"
        case .expired:
            claims["iat"] = now - 7200
            claims["exp"] = now - 3600
        case .issuedInFuture:
            claims["iat"] = now + 3600
            claims["exp"] = now + 7200
        case .missingNonce: claims["nonce"] = nil
        case .absent: return nil
        }
        let encode = { (object: Any) in
            Self.base64URL((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
        }
        switch tamper {
        case .unsigned:
            header["alg"] = "none"
            return "\(encode(header)).\(encode(claims))."
        case .hmacWithPublicKey:
            header["alg"] = "HS256"
            let input = "\(encode(header)).\(encode(claims))"
            let secret = SymmetricKey(data: Array(key.publicKey.pemRepresentation.utf8))
            let mac = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: secret)
            return "\(input).\(Self.base64URL(Data(mac)))"
        default:
            break
        }
        let input = "\(encode(header)).\(encode(claims))"
        var signature = try! signingKey.signature(for: SHA256.hash(data: Data(input.utf8)), padding: .insecurePKCS1v1_5).rawRepresentation
        if tamper == .flippedSignature { signature[signature.startIndex + 10] ^= 0x01 }
        if tamper == .alteredPayload {
            claims["email"] = "attacker@evil.test"
            return "\(encode(header)).\(encode(claims)).\(Self.base64URL(signature))"
        }
        return "\(input).\(Self.base64URL(signature))"
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func randomToken() -> String {
        base64URL(Data((0..<24).map { _ in UInt8.random(in: 0...255) }))
    }

    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// Decodes `application/x-www-form-urlencoded` text (also used for query strings).
    static func formFields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    // MARK: Routes

    /// Google under `/google/…`; GitHub's OAuth under `/github/login/oauth/…` and its API under `/github-api/…`.
    nonisolated func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("google/authorize") { request, _ in
            await self.authorize(.google, query: Self.formFields(request.uri.query ?? "")).response
        }
        router.get("github/login/oauth/authorize") { request, _ in
            await self.authorize(.github, query: Self.formFields(request.uri.query ?? "")).response
        }
        router.post("google/token") { request, _ in
            await self.token(.google, form: try await Self.form(request)).response
        }
        router.post("github/login/oauth/access_token") { request, _ in
            await self.token(.github, form: try await Self.form(request)).response
        }
        router.get("google/jwks") { _, _ in
            await self.jwks().response
        }
        router.get("google/userinfo") { request, _ in
            await self.userInfo(authorization: request.headers[.authorization]).response
        }
        router.get("github-api/user") { request, _ in
            await self.gitHubUser(authorization: request.headers[.authorization],
                                  userAgent: request.headers[.userAgent]).response
        }
        router.get("github-api/user/emails") { request, _ in
            await self.gitHubEmails(authorization: request.headers[.authorization],
                                    userAgent: request.headers[.userAgent]).response
        }
        return router
    }

    private static func form(_ request: Request) async throws -> [String: String] {
        guard request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true else { return [:] }
        return formFields(String(buffer: try await request.body.collect(upTo: 64 * 1024)))
    }
}

extension StandInProviders.Reply {
    var response: Response {
        var headers: HTTPFields = [:]
        if let location { headers[.location] = location }
        if let cacheControl { headers[.cacheControl] = cacheControl }
        guard let json else { return Response(status: status, headers: headers) }
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }
}
