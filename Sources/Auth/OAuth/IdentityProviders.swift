import Foundation

/// Turns an authorization code into a ``ProviderIdentity`` for one provider.
protocol IdentityProvider: Sendable {
    var kind: OAuthProviderKind { get }
    var settings: OAuthClientSettings { get }
    /// Scopes asked for on the consent page.
    var scope: String { get }
    func identity(code: String, redirectURI: String, codeVerifier: String, nonce: String) async throws -> ProviderIdentity
}

// MARK: - Google

/// Google: authorization code + PKCE; the identity (subject, email, whether it is verified,
/// name) comes from the ID token, which must pass ``GoogleIDTokenVerifier`` (signature against
/// Google's keys, issuer, audience, times, nonce). The userinfo endpoint only adds the picture,
/// and only when it describes the same subject.
struct GoogleProvider: IdentityProvider {
    let settings: OAuthClientSettings
    let http: ProviderHTTP
    let verifier: GoogleIDTokenVerifier
    var kind: OAuthProviderKind { .google }
    var scope: String { "openid email profile" }

    init(settings: OAuthClientSettings, http: ProviderHTTP) {
        self.settings = settings
        self.http = http
        let keys = GoogleKeySet(url: settings.jwksURL ?? "https://www.googleapis.com/oauth2/v3/certs",
                                fetch: { try await http.getDocument($0) })
        self.verifier = GoogleIDTokenVerifier(clientID: settings.clientID, keys: keys)
    }

    private struct TokenAnswer: Decodable {
        let access_token: String
        let id_token: String?
    }

    private struct UserInfo: Decodable {
        let sub: String
        let name: String?
        let picture: String?
    }

    func identity(code: String, redirectURI: String, codeVerifier: String, nonce: String) async throws -> ProviderIdentity {
        let token: TokenAnswer = try await exchange(http: http, settings: settings, code: code,
                                                    redirectURI: redirectURI, codeVerifier: codeVerifier)
        guard let idToken = token.id_token else { throw OAuthFailure.providerError("Google returned no ID token.") }
        let claims: GoogleIDTokenClaims
        do {
            claims = try await verifier.verify(idToken, nonce: nonce)
        } catch let refusal as GoogleIDTokenVerifier.Refusal {
            throw OAuthFailure.providerError("Google's ID token was refused: \(refusal.description).")
        }
        guard let email = claims.email else { throw OAuthFailure.unverifiedEmail }
        // The profile adds the picture (and a name the token lacks); it never changes who signs in.
        var info: UserInfo?
        if let (status, body) = try? await http.getJSON(settings.identityURL, bearer: token.access_token), status == 200,
           let decoded = try? JSONDecoder().decode(UserInfo.self, from: body), decoded.sub == claims.sub {
            info = decoded
        }
        return ProviderIdentity(provider: .google, subject: claims.sub, email: email,
                                emailVerified: claims.email_verified?.value ?? false,
                                fullName: claims.name ?? info?.name, picture: claims.picture ?? info?.picture,
                                accessToken: nil)
    }
}

// MARK: - GitHub

/// GitHub: authorization code + PKCE; identity from `/user`, email from the primary verified
/// address of `/user/emails`. The access token is kept (encrypted) to list repositories.
struct GitHubProvider: IdentityProvider {
    let settings: OAuthClientSettings
    let http: ProviderHTTP
    var kind: OAuthProviderKind { .github }
    var scope: String { "read:user user:email repo" }

    private struct TokenAnswer: Decodable { let access_token: String }
    private struct User: Decodable {
        let id: Int64
        let login: String
        let name: String?
        let avatar_url: String?
    }
    private struct Email: Decodable {
        let email: String
        let primary: Bool
        let verified: Bool
    }

    func identity(code: String, redirectURI: String, codeVerifier: String, nonce: String) async throws -> ProviderIdentity {
        let token: TokenAnswer = try await exchange(http: http, settings: settings, code: code,
                                                    redirectURI: redirectURI, codeVerifier: codeVerifier)
        let base = settings.identityURL.hasSuffix("/") ? String(settings.identityURL.dropLast()) : settings.identityURL
        let (userStatus, userBody) = try await http.getJSON(base + "/user", bearer: token.access_token)
        guard userStatus == 200, let user = try? JSONDecoder().decode(User.self, from: userBody) else {
            throw OAuthFailure.providerError("GitHub did not return the user's profile.")
        }
        let (emailStatus, emailBody) = try await http.getJSON(base + "/user/emails", bearer: token.access_token)
        guard emailStatus == 200, let emails = try? JSONDecoder().decode([Email].self, from: emailBody) else {
            throw OAuthFailure.providerError("GitHub did not return the user's email addresses.")
        }
        guard let primary = emails.first(where: { $0.primary && $0.verified }) else {
            throw OAuthFailure.unverifiedEmail
        }
        return ProviderIdentity(provider: .github, subject: String(user.id), email: primary.email,
                                emailVerified: true, fullName: user.name ?? user.login,
                                picture: user.avatar_url, accessToken: token.access_token)
    }
}

// MARK: - Shared

/// The authorization-code grant at the provider's token endpoint.
private func exchange<Answer: Decodable>(
    http: ProviderHTTP, settings: OAuthClientSettings, code: String, redirectURI: String, codeVerifier: String
) async throws -> Answer {
    let (status, body) = try await http.postForm(settings.tokenURL, fields: [
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirectURI,
        "client_id": settings.clientID,
        "client_secret": settings.clientSecret,
        "code_verifier": codeVerifier,
    ])
    guard status == 200, let answer = try? JSONDecoder().decode(Answer.self, from: body) else {
        throw OAuthFailure.providerError("The provider refused the authorization code.")
    }
    return answer
}
