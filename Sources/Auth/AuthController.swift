import Core
import Foundation
import HTTPSupport
import Hummingbird

/// `/auth/*`: OAuth redirects and callbacks, login-code exchange, email + password sign-up and
/// sign-in, refresh-token rotation and logout.
public struct AuthController: Sendable {
    let sessions: SessionService
    let accounts: AccountService
    let oauth: OAuthService
    let secureCookies: Bool

    public init(sessions: SessionService, accounts: AccountService, oauth: OAuthService, secureCookies: Bool) {
        self.sessions = sessions
        self.accounts = accounts
        self.oauth = oauth
        self.secureCookies = secureCookies
    }

    public func register(_ routes: RouteRegistrar) {
        for kind in [OAuthProviderKind.google, .github] {
            routes.public(.get, "/auth/\(kind.rawValue)") { _, _ in try await startOAuth(kind) }
            routes.public(.get, "/auth/\(kind.rawValue)/callback") { request, _ in
                try await finishOAuth(kind, request: request)
            }
        }
        routes.public(.post, "/auth/exchange") { request, context in
            let body = try await request.decodeJSON(CodeBody.self, context: context)
            return try await sessions.exchange(code: body.code)
        }
        routes.public(.post, "/auth/signup") { request, context in
            let body = try await request.decodeJSON(SignUpBody.self, context: context)
            let email = try Validate.email(body.email)
            guard body.password.count >= 8 else { throw AppError.invalidField("password", "must be at least 8 characters") }
            guard body.password.utf8.count <= 1024 else { throw AppError.invalidField("password", "must be at most 1024 bytes") }
            let fullName = try body.full_name.map { try Validate.text($0, field: "full_name", max: 200) }
            let userID = try await accounts.signUp(email: email, password: body.password, fullName: fullName)
            return EditedResponse(status: .created, response: try await sessions.startSession(userID: userID))
        }
        routes.public(.post, "/auth/login") { request, context in
            let body = try await request.decodeJSON(LoginBody.self, context: context)
            let email = body.email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            let userID = try await accounts.logIn(email: email, password: body.password, clientAddress: context.remoteAddress)
            return try await sessions.startSession(userID: userID)
        }
        routes.public(.post, "/auth/refresh") { request, context in
            let body = try await request.decodeJSON(RefreshBody.self, context: context)
            return try await sessions.refresh(body.refresh_token)
        }
        routes.public(.post, "/auth/logout") { request, context in
            let body = try await request.decodeJSON(RefreshBody.self, context: context)
            try await sessions.logout(body.refresh_token)
            return HTTPResponse.Status.noContent
        }
    }

    // MARK: - OAuth

    private func startOAuth(_ kind: OAuthProviderKind) async throws -> Response {
        let (location, browserToken) = try await oauth.start(kind)
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        headers[.setCookie] = cookie(value: browserToken, maxAge: Int(OAuthService.stateLifetime))
        return Response(status: .found, headers: headers)
    }

    private func finishOAuth(_ kind: OAuthProviderKind, request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let location = try await oauth.callback(
            kind,
            code: query["code"].map(String.init),
            state: query["state"].map(String.init),
            providerError: query["error"].map(String.init),
            browserToken: request.cookies[OAuthService.browserCookie]?.value)
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        headers[.setCookie] = cookie(value: "", maxAge: 0)
        return Response(status: .found, headers: headers)
    }

    private func cookie(value: String, maxAge: Int) -> String {
        "\(OAuthService.browserCookie)=\(value); Path=/auth; Max-Age=\(maxAge); HttpOnly; SameSite=Lax"
            + (secureCookies ? "; Secure" : "")
    }

    // MARK: - Bodies

    struct CodeBody: Decodable { let code: String }
    struct SignUpBody: Decodable {
        let email: String
        let password: String
        let full_name: String?
    }
    struct LoginBody: Decodable {
        let email: String
        let password: String
    }
    struct RefreshBody: Decodable { let refresh_token: String }
}

extension TokenPair: ResponseEncodable {}
