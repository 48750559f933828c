@testable import App
import Auth
@testable import Database
import Foundation
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing

/// Google and GitHub sign-in end to end: the app under test talks over real HTTP to
/// ``OAuthStandIn``, and the test plays the browser (redirects, cookie, front end).
@Suite("OAuth sign-in")
struct OAuthTests {
    // MARK: - New and returning users

    @Test("Google: a new user gets google_id, email, name, picture and a personal organization as admin")
    func googleNewUser() async throws {
        try await withProviders { standIn, test in
            let account = await standIn.settings.google
            let flow = try await SignInFlow.run(.google, test: test, standIn: standIn)
            let tokens = try await flow.exchange(test)
            #expect(tokens.status == .ok)
            #expect(tokens.object["token_type"] as? String == "bearer")
            let access = try #require(tokens.object["access_token"] as? String)

            let row = try #require(try await UserRow.find(email: account.email, test: test))
            #expect(row.googleID == account.sub)
            #expect(row.githubID == nil)
            #expect(row.fullName == account.name)
            #expect(row.picture == account.picture)
            #expect(row.emailVerified)
            #expect(!row.hasPassword)

            let me = try await test.client.call(.get, "/users/me", token: access)
            #expect(me.status == .ok)
            #expect((me.object["id"] as? String).flatMap(UUID.init(uuidString:)) == row.id)
            #expect(me.object["email"] as? String == account.email)
            #expect(me.object["full_name"] as? String == account.name)
            #expect(me.object["picture"] as? String == account.picture)
            #expect(me.object["role"] as? String == "admin")
            #expect(me.object["github_connected"] as? Bool == false)

            let memberships = try await test.system { transaction in
                try await transaction.query("""
                    SELECT m.organization_id, m.role::text, o.name FROM memberships m
                    JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = \(row.id)
                    """).all(as: (UUID, String, String).self)
            }
            #expect(memberships.count == 1)
            #expect(memberships.first?.1 == "admin")
            #expect(memberships.first?.2 == "Ada's organization")
            #expect((me.object["organization_id"] as? String).flatMap(UUID.init(uuidString:)) == memberships.first?.0)
        }
    }

    @Test("a returning user signs in to the same account, with no duplicate user or organization",
          arguments: SignInProvider.allCases)
    func returningUser(provider: SignInProvider) async throws {
        try await withProviders { standIn, test in
            let first = try await SignInFlow.run(provider, test: test, standIn: standIn).me(test)
            let second = try await SignInFlow.run(provider, test: test, standIn: standIn).me(test)
            let firstID = try #require(first.object["id"] as? String)
            #expect(second.object["id"] as? String == firstID)
            #expect(second.object["organization_id"] as? String == first.object["organization_id"] as? String)
            #expect(try await test.count("SELECT count(*)::int FROM users") == 1)
            #expect(try await test.count("SELECT count(*)::int FROM organizations") == 1)
            #expect(try await test.count("SELECT count(*)::int FROM memberships") == 1)
        }
    }

    @Test("GitHub: a new user gets the primary verified email and the token sealed at rest")
    func gitHubNewUser() async throws {
        try await withProviders { standIn, test in
            let account = await standIn.settings.github
            let primary = try #require(account.emails.first { $0.primary && $0.verified })
            let me = try await SignInFlow.run(.github, test: test, standIn: standIn).me(test)
            #expect(me.object["email"] as? String == primary.email)
            #expect(me.object["full_name"] as? String == account.name)
            #expect(me.object["picture"] as? String == account.avatarURL)
            #expect(me.object["github_connected"] as? Bool == true)
            #expect(me.object["role"] as? String == "admin")

            let row = try #require(try await UserRow.find(email: primary.email, test: test))
            #expect(row.githubID == String(account.id))
            #expect(row.googleID == nil)
            let issued = try #require(await standIn.issuedAccessTokens.last)
            let sealed = try #require(row.githubToken)
            #expect(sealed != issued)
            #expect(!sealed.contains(issued))
            #expect(sealed.hasPrefix("v1:"))
            #expect(try SecretBox(key: test.config.encryptionKey).open(sealed) == issued)
            #expect(try await test.count("SELECT count(*)::int FROM users") == 1)
        }
    }

    // MARK: - State and cookie

    /// Ways a callback's `state` or cookie can be wrong.
    enum BadState: String, CaseIterable, Sendable {
        case random, missing, missingCookie, foreignCookie, otherProvider, expired
    }

    @Test("a bad, missing, foreign, cross-provider or expired state is 400 invalid_state", arguments: BadState.allCases)
    func invalidState(bad: BadState) async throws {
        try await withProviders { standIn, test in
            let flow = try await SignInFlow.start(.google, test: test)
            let code = try await flow.consentCode(standIn)
            var provider = SignInProvider.google
            var state: String? = flow.state
            var cookie: String? = flow.cookie
            switch bad {
            case .random: state = StandInProviders.randomToken()
            case .missing: state = nil
            case .missingCookie: cookie = nil
            case .foreignCookie: cookie = try await SignInFlow.start(.google, test: test).cookie
            case .otherProvider: provider = .github
            case .expired:
                let expired = try await test.count(
                    "WITH expired AS (UPDATE oauth_states SET expires_at = now() - interval '1 second' RETURNING 1) SELECT count(*)::int FROM expired")
                #expect(expired == 1)
            }
            let response = try await SignInFlow.callback(provider, test: test, code: code, state: state, cookie: cookie)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "invalid_state")
            #expect(try await test.count("SELECT count(*)::int FROM users") == 0)
        }
    }

    @Test("a state works once: the second callback is 400 invalid_state", arguments: SignInProvider.allCases)
    func stateSingleUse(provider: SignInProvider) async throws {
        try await withProviders { standIn, test in
            let flow = try await SignInFlow.start(provider, test: test)
            let code = try await flow.consentCode(standIn)
            let first = try await SignInFlow.callback(provider, test: test, code: code, state: flow.state, cookie: flow.cookie)
            #expect(first.status == .found)
            #expect(first.headers[.setCookie]?.hasPrefix("\(OAuthService.browserCookie)=;") == true)
            #expect(first.headers[.setCookie]?.contains("Max-Age=0") == true)
            let second = try await SignInFlow.callback(provider, test: test, code: code, state: flow.state, cookie: flow.cookie)
            #expect(second.status == .badRequest)
            #expect(second.errorCode == "invalid_state")
        }
    }

    @Test("a callback with another browser's cookie does not spend the rightful browser's state")
    func foreignCookieDoesNotSpendState() async throws {
        try await withProviders { standIn, test in
            let flow = try await SignInFlow.start(.google, test: test)
            let code = try await flow.consentCode(standIn)
            let intruder = try await SignInFlow.start(.google, test: test)
            let refused = try await SignInFlow.callback(.google, test: test, code: code, state: flow.state, cookie: intruder.cookie)
            #expect(refused.errorCode == "invalid_state")
            let rightful = try await SignInFlow.callback(.google, test: test, code: code, state: flow.state, cookie: flow.cookie)
            #expect(rightful.status == .found)
            #expect(SignInFlow.frontendQuery(rightful)["code"] != nil)
        }
    }

    // MARK: - Refusals

    @Test("the user denies consent: 302 to the front end with error=provider_error", arguments: SignInProvider.allCases)
    func consentDenied(provider: SignInProvider) async throws {
        try await withProviders { standIn, test in
            await standIn.configure { $0.denyConsent = true }
            let flow = try await SignInFlow.run(provider, test: test, standIn: standIn)
            #expect(flow.providerRedirect.queryItems?.contains(.init(name: "error", value: "access_denied")) == true)
            #expect(flow.callback?.status == .found)
            #expect(flow.frontend.path == "/auth/callback" && flow.frontend.host == "frontend.test")
            #expect(flow.frontendError == "provider_error")
            #expect(flow.loginCode == nil)
            #expect(try await test.count("SELECT count(*)::int FROM users") == 0)
        }
    }

    @Test("Google says the email is not verified: error=email_not_verified, no user")
    func googleUnverifiedEmail() async throws {
        try await withProviders { standIn, test in
            await standIn.configure { $0.google.emailVerified = false }
            let flow = try await SignInFlow.run(.google, test: test, standIn: standIn)
            #expect(flow.frontendError == "email_not_verified")
            #expect(try await test.count("SELECT count(*)::int FROM users") == 0)
        }
    }

    /// GitHub address lists without a primary verified address.
    static let unverifiedGitHubEmails: [[StandInGitHubEmail]] = [
        [StandInGitHubEmail(email: "primary@example.com", primary: true, verified: false)],
        [StandInGitHubEmail(email: "primary@example.com", primary: true, verified: false),
         StandInGitHubEmail(email: "other@example.com", primary: false, verified: true)],
        [],
    ]

    @Test("GitHub without a primary verified email: error=email_not_verified, no user",
          arguments: unverifiedGitHubEmails)
    func gitHubUnverifiedEmail(emails: [StandInGitHubEmail]) async throws {
        try await withProviders { standIn, test in
            await standIn.configure { $0.github.emails = emails }
            let flow = try await SignInFlow.run(.github, test: test, standIn: standIn)
            #expect(flow.frontendError == "email_not_verified")
            #expect(try await test.count("SELECT count(*)::int FROM users") == 0)
        }
    }

    @Test("an unverified password account holding the email does not lock out the verified owner: the password is removed, its sessions end, the owner is told",
          arguments: SignInProvider.allCases)
    func unverifiedPasswordAccountYields(provider: SignInProvider) async throws {
        try await withProviders { standIn, test in
            let email = uniqueEmail("victim")
            let squatter = try await test.client.signUp(email, name: "Squatter")
            await standIn.configure {
                $0.google.email = email.uppercased()
                $0.github.emails = [StandInGitHubEmail(email: email.uppercased(), primary: true, verified: true)]
            }
            let flow = try await SignInFlow.run(provider, test: test, standIn: standIn)
            #expect(flow.frontendError == nil)
            let me = try await flow.me(test)
            #expect(me.status == .ok)
            let row = try #require(try await UserRow.find(email: email, test: test))
            #expect(row.id == UUID(uuidString: squatter.id))
            #expect(row.emailVerified)
            #expect(!row.hasPassword)
            #expect(provider == .google ? row.googleID != nil : row.githubID != nil)
            #expect(try await test.count("SELECT count(*)::int FROM users") == 1)
            // The password no longer signs in, and the refresh token issued with it is revoked.
            let login = try await test.client.call(.post, "/auth/login",
                                                   json: ["email": email, "password": "correct horse battery"])
            #expect(login.status == .unauthorized)
            let refresh = try await test.client.call(.post, "/auth/refresh", json: ["refresh_token": squatter.refreshToken])
            #expect(refresh.status == .unauthorized)
            #expect(try await test.count("""
                SELECT count(*)::int FROM notifications WHERE kind = 'security' AND title = 'Password removed'
                """) == 1)
        }
    }

    @Test("a verified account already linked to another account of the same provider is not replaced: account_exists")
    func linkedToAnotherAccount() async throws {
        try await withProviders { standIn, test in
            let first = await standIn.settings.google
            _ = try await SignInFlow.run(.google, test: test, standIn: standIn).me(test)
            await standIn.configure { $0.google.sub = "99\(Int64.random(in: 1_000_000_000...9_999_999_999))" }
            let flow = try await SignInFlow.run(.google, test: test, standIn: standIn)
            #expect(flow.frontendError == "account_exists")
            #expect(try await UserRow.find(email: first.email, test: test)?.googleID == first.sub)
        }
    }

    @Test("a verified account created with Google is linked when GitHub brings the same verified email")
    func linksVerifiedAccount() async throws {
        try await withProviders { standIn, test in
            let google = await standIn.settings.google
            let viaGoogle = try await SignInFlow.run(.google, test: test, standIn: standIn).me(test)
            await standIn.configure {
                $0.github.emails = [StandInGitHubEmail(email: google.email, primary: true, verified: true)]
            }
            let viaGitHub = try await SignInFlow.run(.github, test: test, standIn: standIn).me(test)
            #expect(viaGitHub.object["id"] as? String == viaGoogle.object["id"] as? String)
            #expect(viaGitHub.object["github_connected"] as? Bool == true)
            let row = try #require(try await UserRow.find(email: google.email, test: test))
            #expect(row.googleID == google.sub)
            #expect(row.githubID == String(await standIn.settings.github.id))
            #expect(try await test.count("SELECT count(*)::int FROM users") == 1)
        }
    }

    // MARK: - Provider-side failures

    @Test("a code injected into another sign-in fails PKCE at the token endpoint: provider_error",
          arguments: SignInProvider.allCases)
    func injectedCodeFailsPKCE(provider: SignInProvider) async throws {
        try await withProviders { standIn, test in
            let victim = try await SignInFlow.start(provider, test: test)
            let attacker = try await SignInFlow.start(provider, test: test)
            let attackerCode = try await attacker.consentCode(standIn)
            let response = try await SignInFlow.callback(
                provider, test: test, code: attackerCode, state: victim.state, cookie: victim.cookie)
            #expect(response.status == .found)
            #expect(SignInFlow.frontendQuery(response)["error"] == "provider_error")
            #expect(await standIn.issuedAccessTokens.isEmpty)
            #expect(try await test.count("SELECT count(*)::int FROM users") == 0)
        }
    }

    @Test("Google's ID token carries another nonce: provider_error, no user")
    func nonceMismatch() async throws {
        try await withProviders { standIn, test in
            await standIn.configure { $0.idTokenNonceOverride = "someone-elses-nonce" }
            let flow = try await SignInFlow.run(.google, test: test, standIn: standIn)
            #expect(flow.frontendError == "provider_error")
            #expect(try await test.count("SELECT count(*)::int FROM users") == 0)
        }
    }

    @Test("a forged, broken or foreign Google ID token: provider_error, no user", arguments: IDTokenTamper.allCases)
    func forgedIDToken(tamper: IDTokenTamper) async throws {
        try await withProviders { standIn, test in
            await standIn.configure { $0.idTokenTamper = tamper }
            let flow = try await SignInFlow.run(.google, test: test, standIn: standIn)
            #expect(flow.frontendError == "provider_error", "\(tamper)")
            #expect(try await test.count("SELECT count(*)::int FROM users") == 0)
        }
    }

    @Test("the identity comes from the ID token, not from a userinfo answer about someone else")
    func identityFromTheToken() async throws {
        try await withProviders { standIn, test in
            let account = await standIn.settings.google
            await standIn.configure {
                $0.userInfoOverride = StandInGoogleAccount(sub: "1", email: "victim@example.com", emailVerified: true,
                                                           name: "Victim", picture: "https://evil.test/p.png")
            }
            _ = try await SignInFlow.run(.google, test: test, standIn: standIn).me(test)
            let row = try #require(try await UserRow.find(email: account.email, test: test))
            #expect(row.googleID == account.sub)
            #expect(row.fullName == account.name)
            #expect(try await UserRow.find(email: "victim@example.com", test: test) == nil)
        }
    }

    @Test("Google's keys are cached, and a rotated key (new kid) is fetched once and accepted")
    func keyRotation() async throws {
        try await withProviders { standIn, test in
            _ = try await SignInFlow.run(.google, test: test, standIn: standIn).me(test)
            _ = try await SignInFlow.run(.google, test: test, standIn: standIn).me(test)
            #expect(await standIn.jwksFetches == 1)
            try await standIn.rotateGoogleKey()
            try await Task.sleep(for: .milliseconds(1100))
            let rotated = try await SignInFlow.run(.google, test: test, standIn: standIn)
            #expect(rotated.frontendError == nil)
            #expect(try await rotated.me(test).status == .ok)
            #expect(await standIn.jwksFetches == 2)
            // A burst of tokens naming a kid nobody publishes costs at most one fetch a second.
            await standIn.configure { $0.idTokenTamper = .unknownKeyID }
            let before = await standIn.jwksFetches
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<6 { group.addTask { try await SignInFlow.run(.google, test: test, standIn: standIn).frontendError } }
                for try await error in group { #expect(error == "provider_error") }
            }
            let seconds = Int((ContinuousClock.now - start).components.seconds)
            #expect(await standIn.jwksFetches - before <= seconds + 1)
        }
    }

    @Test("the token endpoint fails: provider_error or provider_unavailable, no user",
          arguments: SignInProvider.allCases, [500, 503])
    func tokenEndpointFails(provider: SignInProvider, status: Int) async throws {
        try await withProviders { standIn, test in
            await standIn.configure { $0.tokenFailureStatus = status }
            let flow = try await SignInFlow.run(provider, test: test, standIn: standIn)
            #expect(flow.callback?.status == .found)
            #expect(["provider_error", "provider_unavailable"].contains(flow.frontendError))
            #expect(try await test.count("SELECT count(*)::int FROM users") == 0)
        }
    }

    @Test("an unreachable provider: 302 with provider_unavailable", arguments: SignInProvider.allCases)
    func providerUnreachable(provider: SignInProvider) async throws {
        try await withTestApp(providerBaseURL: "http://127.0.0.1:1") { test in
            let flow = try await SignInFlow.start(provider, test: test)
            let response = try await SignInFlow.callback(
                provider, test: test, code: "any-code", state: flow.state, cookie: flow.cookie)
            #expect(response.status == .found)
            #expect(SignInFlow.frontendQuery(response)["error"] == "provider_unavailable")
        }
    }

    // MARK: - Login code

    @Test("a login code is traded once; the second /auth/exchange is 401")
    func loginCodeSingleUse() async throws {
        try await withProviders { standIn, test in
            let flow = try await SignInFlow.run(.google, test: test, standIn: standIn)
            let first = try await flow.exchange(test)
            #expect(first.status == .ok)
            #expect(first.object["refresh_token"] is String)
            let second = try await flow.exchange(test)
            #expect(second.status == .unauthorized)
            #expect(second.errorCode == "invalid_code")
        }
    }

    // MARK: - Authorize redirect

    @Test("the authorize redirect carries S256 PKCE, nonce, state, client_id and redirect_uri; the state is stored hashed",
          arguments: SignInProvider.allCases)
    func authorizeRedirect(provider: SignInProvider) async throws {
        try await withProviders { standIn, test in
            let flow = try await SignInFlow.start(provider, test: test)
            let location = try #require(URLComponents(string: flow.authorizeURL))
            let query = SignInFlow.items(location)
            #expect("\(location.scheme ?? "")://\(location.host ?? ""):\(location.port ?? 0)" == standIn.baseURL)
            #expect(location.path == (provider == .google ? "/google/authorize" : "/github/login/oauth/authorize"))
            #expect(query["response_type"] == "code")
            #expect(query["client_id"] == StandInProviders.clients[provider.standIn]?.id)
            #expect(query["redirect_uri"] == "http://api.test/auth/\(provider.rawValue)/callback")
            #expect(query["code_challenge_method"] == "S256")
            let challenge = try #require(query["code_challenge"])
            #expect(challenge.count == 43)
            #expect(challenge.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            #expect(query["nonce"]?.isEmpty == false)
            #expect((query["state"]?.count ?? 0) >= 32)
            if provider == .google { #expect(query["scope"]?.split(separator: " ").contains("openid") == true) }

            let setCookie = try #require(flow.setCookie)
            for attribute in ["Path=/auth", "HttpOnly", "SameSite=Lax", "Max-Age=600"] {
                #expect(setCookie.contains(attribute), "cookie lacks \(attribute): \(setCookie)")
            }

            let stored = try await test.system { transaction in
                try await transaction.query(
                    "SELECT state_hash, browser_hash, code_verifier, nonce, provider FROM oauth_states").all(as: (String, String, String, String, String).self)
            }
            let row = try #require(stored.first)
            #expect(stored.count == 1)
            #expect(row.0 == OpaqueToken.hash(flow.state) && row.0 != flow.state)
            #expect(row.1 == OpaqueToken.hash(flow.cookieValue))
            #expect(StandInProviders.s256(row.2) == challenge)
            #expect(row.3 == query["nonce"])
            #expect(row.4 == provider.rawValue)
        }
    }

    @Test("providers not configured: 503 provider_not_configured", arguments: SignInProvider.allCases)
    func notConfigured(provider: SignInProvider) async throws {
        try await withTestApp { test in
            let start = try await test.client.call(.get, "/auth/\(provider.rawValue)")
            #expect(start.status == .serviceUnavailable)
            #expect(start.errorCode == "provider_not_configured")
            let callback = try await test.client.call(.get, "/auth/\(provider.rawValue)/callback?code=x&state=y")
            #expect(callback.status == .serviceUnavailable)
            #expect(callback.errorCode == "provider_not_configured")
        }
    }
}

// MARK: - Browser driver

/// A sign-in provider, as the tests name it.
enum SignInProvider: String, CaseIterable, Sendable {
    case google
    case github

    var standIn: StandInProviders.Provider { self == .google ? .google : .github }
}

/// One browser's way through a sign-in: `GET /auth/{provider}` (authorize URL and cookie),
/// the provider's consent page, the app's callback and the front end's `/auth/exchange`.
struct SignInFlow: Sendable {
    let provider: SignInProvider
    let authorizeURL: String
    let setCookie: String?
    /// `dbooster_oauth=<value>`, as the browser sends it back.
    let cookie: String
    let state: String
    var providerRedirect = URLComponents()
    var callback: JSONResponse?

    var cookieValue: String { String(cookie.dropFirst(OAuthService.browserCookie.count + 1)) }
    var frontend: URLComponents { callback.flatMap { URLComponents(string: $0.headers[.location] ?? "") } ?? URLComponents() }
    var loginCode: String? { Self.items(frontend)["code"] }
    var frontendError: String? { Self.items(frontend)["error"] }

    /// Starts a sign-in at the app.
    static func start(_ provider: SignInProvider, test: TestContext) async throws -> SignInFlow {
        let response = try await test.client.call(.get, "/auth/\(provider.rawValue)")
        try #require(response.status == .found, "start answered \(response.status): \(response.text)")
        let location = try #require(response.headers[.location])
        let setCookie = response.headers[.setCookie]
        let cookie = try #require(setCookie?.split(separator: ";").first.map(String.init))
        #expect(cookie.hasPrefix("\(OAuthService.browserCookie)="))
        let state = try #require(items(URLComponents(string: location) ?? URLComponents())["state"])
        return SignInFlow(provider: provider, authorizeURL: location, setCookie: setCookie, cookie: cookie, state: state)
    }

    /// Start, consent at the stand-in, and the app's callback with what the provider sent back.
    static func run(_ provider: SignInProvider, test: TestContext, standIn: OAuthStandIn) async throws -> SignInFlow {
        var flow = try await start(provider, test: test)
        flow.providerRedirect = try await standIn.consent(at: flow.authorizeURL)
        let back = items(flow.providerRedirect)
        #expect(flow.providerRedirect.path == "/auth/\(provider.rawValue)/callback")
        #expect(back["state"] == flow.state)
        flow.callback = try await test.client.call(
            .get, "/auth/\(provider.rawValue)/callback?\(flow.providerRedirect.percentEncodedQuery ?? "")",
            headers: [.cookie: flow.cookie])
        #expect(flow.callback?.status == .found, "callback answered \(flow.callback?.text ?? "")")
        return flow
    }

    /// Consents at the stand-in and returns the authorization code it issued.
    func consentCode(_ standIn: OAuthStandIn) async throws -> String {
        try #require(Self.items(try await standIn.consent(at: authorizeURL))["code"])
    }

    /// Calls the app's callback with the given query values and cookie.
    static func callback(
        _ provider: SignInProvider, test: TestContext, code: String?, state: String?, cookie: String?
    ) async throws -> JSONResponse {
        var query = URLComponents()
        query.queryItems = [code.map { URLQueryItem(name: "code", value: $0) },
                            state.map { URLQueryItem(name: "state", value: $0) }].compactMap { $0 }
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return try await test.client.call(
            .get, "/auth/\(provider.rawValue)/callback?\(query.percentEncodedQuery ?? "")", headers: headers)
    }

    /// The front end's `POST /auth/exchange` with the login code.
    func exchange(_ test: TestContext) async throws -> JSONResponse {
        let code = try #require(loginCode, "no login code; the front end got \(frontend)")
        return try await test.client.call(.post, "/auth/exchange", json: ["code": code])
    }

    /// Exchanges the login code and returns `GET /users/me`.
    func me(_ test: TestContext) async throws -> JSONResponse {
        let tokens = try await exchange(test)
        try #require(tokens.status == .ok, "exchange answered \(tokens.text)")
        let me = try await test.client.call(.get, "/users/me", token: tokens.object["access_token"] as? String)
        try #require(me.status == .ok, "/users/me answered \(me.text)")
        return me
    }

    static func frontendQuery(_ response: JSONResponse) -> [String: String] {
        items(URLComponents(string: response.headers[.location] ?? "") ?? URLComponents())
    }

    static func items(_ components: URLComponents) -> [String: String] {
        Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }
}

// MARK: - Database helpers

/// The columns of `users` that sign-in writes.
struct UserRow: Sendable {
    let id: UUID
    let googleID: String?
    let githubID: String?
    let emailVerified: Bool
    let fullName: String?
    let picture: String?
    let githubToken: String?
    let hasPassword: Bool

    static func find(email: String, test: TestContext) async throws -> UserRow? {
        try await test.system { transaction in
            try await transaction.query("""
                SELECT id, google_id, github_id, email_verified, full_name, picture, github_token,
                       password_hash IS NOT NULL
                FROM users WHERE lower(email) = lower(\(email))
                """)
                .first(as: (UUID, String?, String?, Bool, String?, String?, String?, Bool).self)
                .map { UserRow(id: $0.0, googleID: $0.1, githubID: $0.2, emailVerified: $0.3, fullName: $0.4,
                               picture: $0.5, githubToken: $0.6, hasPassword: $0.7) }
        }
    }
}

extension TestContext {
    /// Runs `body` in a system-role transaction on the test's database.
    func system<T: Sendable>(_ body: @Sendable (Transaction) async throws -> T) async throws -> T {
        try await database.withSystem(body)
    }

    /// The integer a `SELECT count(*)::int …` returns.
    func count(_ sql: String) async throws -> Int {
        try await system { transaction in
            try await transaction.query(PostgresQuery(unsafeSQL: sql)).first(as: Int.self) ?? -1
        }
    }
}

/// A stand-in on a free port and the app configured to use it.
func withProviders(_ body: @escaping @Sendable (OAuthStandIn, TestContext) async throws -> Void) async throws {
    try await withOAuthStandIn { standIn in
        try await withTestApp(providerBaseURL: standIn.baseURL) { test in
            try await body(standIn, test)
        }
    }
}
