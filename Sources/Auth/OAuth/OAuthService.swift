import AsyncHTTPClient
import Core
import Database
import Foundation
import HTTPSupport

/// The browser side of OAuth sign-in: the consent redirect (with `state` bound to the browser by
/// a cookie, PKCE S256 and a nonce) and the callback that ends in a one-time login code.
///
/// No database connection is held while the provider is called.
public struct OAuthService: Sendable {
    /// Name of the cookie that binds a sign-in's `state` to the browser that started it.
    public static let browserCookie = "dbooster_oauth"
    static let stateLifetime: TimeInterval = 600

    let database: Database
    let accounts: AccountService
    let sessions: SessionService
    let providers: [OAuthProviderKind: any IdentityProvider]
    let publicURL: String
    let frontendURL: String

    /// The time limit of each call to a provider when none is configured.
    public static let standardProviderTimeout: Duration = .seconds(10)

    public init(database: Database, accounts: AccountService, sessions: SessionService, httpClient: HTTPClient,
                google: OAuthClientSettings?, github: OAuthClientSettings?, publicURL: String, frontendURL: String,
                providerTimeout: Duration = standardProviderTimeout) {
        let http = ProviderHTTP(client: httpClient, timeout: .milliseconds(Int64(providerTimeout / .milliseconds(1))))
        var providers: [OAuthProviderKind: any IdentityProvider] = [:]
        if let google { providers[.google] = GoogleProvider(settings: google, http: http) }
        if let github { providers[.github] = GitHubProvider(settings: github, http: http) }
        self.database = database
        self.accounts = accounts
        self.sessions = sessions
        self.providers = providers
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.frontendURL = frontendURL.hasSuffix("/") ? String(frontendURL.dropLast()) : frontendURL
    }

    /// Where the browser goes to consent, and the cookie value that binds this sign-in to it.
    public func start(_ kind: OAuthProviderKind) async throws -> (location: String, browserToken: String) {
        guard let provider = providers[kind] else {
            throw AppError(.serviceUnavailable, code: "provider_not_configured",
                           message: "Sign-in with \(kind.rawValue) is not configured on this server.")
        }
        let state = OpaqueToken.generate()
        let browserToken = OpaqueToken.generate()
        let nonce = OpaqueToken.generate()
        let pkce = PKCE.generate()
        let expires = Date().addingTimeInterval(Self.stateLifetime)
        try await database.withSystem { transaction in
            try await transaction.query("""
                INSERT INTO oauth_states (state_hash, provider, browser_hash, code_verifier, nonce, expires_at)
                VALUES (\(OpaqueToken.hash(state)), \(kind.rawValue), \(OpaqueToken.hash(browserToken)),
                        \(pkce.verifier), \(nonce), \(expires))
                """)
            try await transaction.query("DELETE FROM oauth_states WHERE expires_at < now()")
        }
        guard var components = URLComponents(string: provider.settings.authorizeURL) else { throw AppError.internalError }
        let existing = components.queryItems ?? []
        components.queryItems = existing + [
            .init(name: "response_type", value: "code"),
            .init(name: "client_id", value: provider.settings.clientID),
            .init(name: "redirect_uri", value: redirectURI(kind)),
            .init(name: "scope", value: provider.scope),
            .init(name: "state", value: state),
            .init(name: "code_challenge", value: pkce.challenge),
            .init(name: "code_challenge_method", value: "S256"),
            .init(name: "nonce", value: nonce),
        ]
        guard let location = components.string else { throw AppError.internalError }
        return (location, browserToken)
    }

    /// Handles the provider's redirect. Returns where to send the browser: the front end with a
    /// one-time `code`, or with `error=<code>` when the provider or the account rules said no.
    /// A missing, unknown, expired or foreign `state` is a 400.
    public func callback(
        _ kind: OAuthProviderKind, code: String?, state: String?, providerError: String?, browserToken: String?
    ) async throws -> String {
        guard let provider = providers[kind] else {
            throw AppError(.serviceUnavailable, code: "provider_not_configured",
                           message: "Sign-in with \(kind.rawValue) is not configured on this server.")
        }
        guard let state, !state.isEmpty, let browserToken, !browserToken.isEmpty else {
            throw AppError.badRequest("The sign-in state is missing; start the sign-in again.", code: "invalid_state")
        }
        // The state is consumed only by the browser that started the sign-in: a request carrying
        // someone else's state cannot cancel their sign-in.
        let stored = try await database.withSystem { transaction in
            try await transaction.query("""
                DELETE FROM oauth_states
                WHERE state_hash = \(OpaqueToken.hash(state)) AND browser_hash = \(OpaqueToken.hash(browserToken))
                  AND provider = \(kind.rawValue) AND expires_at > now()
                RETURNING code_verifier, nonce
                """).first(as: (String, String).self)
        }
        guard let (verifier, nonce) = stored else {
            throw AppError.badRequest("The sign-in state is invalid or expired; start the sign-in again.", code: "invalid_state")
        }
        if let providerError {
            return failureLocation(.providerError(providerError))
        }
        guard let code, !code.isEmpty else { return failureLocation(.providerError("missing_code")) }
        let identity: ProviderIdentity
        do {
            identity = try await provider.identity(code: code, redirectURI: redirectURI(kind),
                                                   codeVerifier: verifier, nonce: nonce)
        } catch let failure as OAuthFailure {
            database.logger.notice("OAuth sign-in with \(kind.rawValue) refused: \(failure.code)")
            return failureLocation(failure)
        } catch {
            // Transport failures are not only HTTPClientError: a refused connection surfaces as a NIO error.
            database.logger.warning("OAuth provider \(kind.rawValue) unreachable: \(error)")
            return failureLocation(.providerUnavailable)
        }
        do {
            let userID = try await accounts.user(for: identity)
            let loginCode = try await sessions.createLoginCode(userID: userID)
            return "\(frontendURL)/auth/callback?code=\(loginCode)"
        } catch let failure as OAuthFailure {
            database.logger.notice("OAuth sign-in with \(kind.rawValue) refused: \(failure.code)")
            return failureLocation(failure)
        }
    }

    private func redirectURI(_ kind: OAuthProviderKind) -> String {
        "\(publicURL)/auth/\(kind.rawValue)/callback"
    }

    private func failureLocation(_ failure: OAuthFailure) -> String {
        "\(frontendURL)/auth/callback?error=\(failure.code)"
    }
}
