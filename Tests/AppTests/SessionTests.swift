@testable import App
import Crypto
@testable import Database
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Sign-up, sign-in and sessions")
struct SessionTests {
    @Test("sign-up answers 201 with a token pair and an organization of one's own")
    func signUp() async throws {
        try await withTestApp { test in
            let email = uniqueEmail("ada")
            let response = try await test.client.call(.post, "/auth/signup",
                                                      json: ["email": email, "password": "correct horse", "full_name": "Ada Lovelace"])
            #expect(response.status == .created)
            #expect(response.object["token_type"] as? String == "bearer")
            #expect((response.object["expires_in"] as? Int ?? 0) > 0)
            let token = try #require(response.object["access_token"] as? String)
            let me = try await test.client.call(.get, "/users/me", token: token)
            #expect(me.status == .ok)
            #expect(me.object["email"] as? String == email)
            #expect(me.object["full_name"] as? String == "Ada Lovelace")
            #expect(me.object["role"] as? String == "admin")
            #expect(me.object["github_connected"] as? Bool == false)
            let orgs = try await test.client.call(.get, "/organizations", token: token)
            #expect(orgs.array.count == 1)
            #expect(orgs.array.first?["name"] as? String == "Ada's organization")

            let hash = try await test.database.client.query(
                "SELECT password_hash FROM users WHERE email = \(email)").first(as: String.self)
            #expect(hash?.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$") == true)

            let again = try await test.client.call(.post, "/auth/signup", json: ["email": email.uppercased(), "password": "another one"])
            #expect(again.status == .conflict)
            #expect(again.errorCode == "email_taken")
        }
    }

    @Test("log in with the right password; wrong password and unknown email are the same 401")
    func logIn() async throws {
        try await withTestApp { test in
            let user = try await test.client.signUp(uniqueEmail("grace"), password: "a long password")
            let ok = try await test.client.call(.post, "/auth/login", json: ["email": user.email, "password": "a long password"])
            #expect(ok.status == .ok)
            #expect(ok.object["access_token"] is String)
            let wrong = try await test.client.call(.post, "/auth/login", json: ["email": user.email, "password": "not it at all"])
            let unknown = try await test.client.call(.post, "/auth/login", json: ["email": uniqueEmail("nobody"), "password": "whatever1"])
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.errorCode == "invalid_credentials" && unknown.errorCode == "invalid_credentials")
        }
    }

    @Test("repeated failed logins are rate limited with 429, even with the right password")
    func rateLimit() async throws {
        try await withTestApp { test in
            let user = try await test.client.signUp(uniqueEmail("target"), password: "the right one")
            for _ in 0..<test.config.loginRateLimit {
                let response = try await test.client.call(.post, "/auth/login", json: ["email": user.email, "password": "guess guess"])
                #expect(response.status == .unauthorized)
            }
            let limited = try await test.client.call(.post, "/auth/login", json: ["email": user.email, "password": "the right one"])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.errorCode == "rate_limited")
            #expect(limited.headers[.retryAfter] != nil)
        }
    }

    @Test("refresh rotates; a reused refresh token revokes the whole family")
    func refreshRotation() async throws {
        try await withTestApp(environment: ["REFRESH_REUSE_GRACE_SECONDS": "0"]) { test in
            let user = try await test.client.signUp(uniqueEmail("rotor"))
            let first = try await test.client.call(.post, "/auth/refresh", json: ["refresh_token": user.refreshToken])
            #expect(first.status == .ok)
            let second = try #require(first.object["refresh_token"] as? String)
            #expect(second != user.refreshToken)

            // The old token again: reuse → 401 and the family (including `second`) is revoked.
            let reuse = try await test.client.call(.post, "/auth/refresh", json: ["refresh_token": user.refreshToken])
            #expect(reuse.status == .unauthorized)
            #expect(reuse.errorCode == "refresh_token_reused")
            let afterReuse = try await test.client.call(.post, "/auth/refresh", json: ["refresh_token": second])
            #expect(afterReuse.status == .unauthorized)

            // Refresh tokens are stored hashed only.
            let stored = try await test.database.client.query("SELECT token_hash FROM refresh_tokens").all(as: String.self)
            #expect(!stored.contains(user.refreshToken) && !stored.contains(second))
            #expect(stored.contains(SHA256.hash(data: Data(second.utf8)).map { String(format: "%02x", $0) }.joined()))
        }
    }

    @Test("two tabs refreshing one token at once both stay signed in; a third presentation signs out")
    func refreshGrace() async throws {
        try await withTestApp { test in
            let user = try await test.client.signUp(uniqueEmail("tabs"))
            async let tabA = test.client.call(.post, "/auth/refresh", json: ["refresh_token": user.refreshToken])
            async let tabB = test.client.call(.post, "/auth/refresh", json: ["refresh_token": user.refreshToken])
            let (a, b) = try await (tabA, tabB)
            #expect(a.status == .ok && b.status == .ok, "\(a.text) \(b.text)")
            let successor = try #require(a.object["refresh_token"] as? String)
            #expect(b.object["refresh_token"] as? String == successor)
            for response in [a, b] {
                let token = try #require(response.object["access_token"] as? String)
                #expect(try await test.client.call(.get, "/users/me", token: token).status == .ok)
            }

            // The grace is single-use: the same token once more is a replay.
            let replay = try await test.client.call(.post, "/auth/refresh", json: ["refresh_token": user.refreshToken])
            #expect(replay.status == .unauthorized)
            #expect(replay.errorCode == "refresh_token_reused")
            #expect(try await test.client.call(.post, "/auth/refresh", json: ["refresh_token": successor]).status == .unauthorized)
        }
    }

    @Test("logout and refresh-token reuse end the session's access tokens at once")
    func sessionEndsAccessTokens() async throws {
        try await withTestApp(environment: ["REFRESH_REUSE_GRACE_SECONDS": "0"]) { test in
            let user = try await test.client.signUp(uniqueEmail("ender"))
            #expect(try await test.client.call(.get, "/projects", token: user.token).status == .ok)
            let out = try await test.client.call(.post, "/auth/logout", json: ["refresh_token": user.refreshToken])
            #expect(out.status == .noContent)
            for path in ["/users/me", "/projects"] {
                let after = try await test.client.call(.get, path, token: user.token)
                #expect(after.status == .unauthorized, "\(path): \(after.text)")
                #expect(after.errorCode == "session_ended")
            }

            let other = try await test.client.signUp(uniqueEmail("ender2"))
            let rotated = try await test.client.call(.post, "/auth/refresh", json: ["refresh_token": other.refreshToken])
            let fresh = try #require(rotated.object["access_token"] as? String)
            #expect(try await test.client.call(.get, "/users/me", token: fresh).status == .ok)
            _ = try await test.client.call(.post, "/auth/refresh", json: ["refresh_token": other.refreshToken])
            #expect(try await test.client.call(.get, "/users/me", token: fresh).status == .unauthorized)
            #expect(try await test.client.call(.get, "/users/me", token: other.token).status == .unauthorized)
        }
    }

    @Test("logout revokes the family; logout of an unknown token is still 204")
    func logout() async throws {
        try await withTestApp { test in
            let user = try await test.client.signUp(uniqueEmail("leaver"))
            let out = try await test.client.call(.post, "/auth/logout", json: ["refresh_token": user.refreshToken])
            #expect(out.status == .noContent)
            let refresh = try await test.client.call(.post, "/auth/refresh", json: ["refresh_token": user.refreshToken])
            #expect(refresh.status == .unauthorized)
            let unknown = try await test.client.call(.post, "/auth/logout", json: ["refresh_token": "nope"])
            #expect(unknown.status == .noContent)
        }
    }

    @Test("expired, tampered, alg none and wrong-secret access tokens are refused", arguments: TokenForgery.allCases)
    func badAccessTokens(_ forgery: TokenForgery) async throws {
        try await withTestApp { test in
            let user = try await test.client.signUp(uniqueEmail("victim"))
            let token = forgery.apply(to: user.token, userID: user.id)
            let response = try await test.client.call(.get, "/users/me", token: token)
            #expect(response.status == .unauthorized)
            #expect(response.errorCode == "invalid_token" || response.errorCode == "unauthorized")
            #expect(response.headers[.wwwAuthenticate] == "Bearer")
        }
    }

    @Test("login codes work once")
    func loginCodeOnce() async throws {
        try await withTestApp { test in
            let user = try await test.client.signUp(uniqueEmail("coder"))
            let sessions = try TestSessions.make(test)
            let code = try await sessions.createLoginCode(userID: try #require(UUID(uuidString: user.id)))
            let first = try await test.client.call(.post, "/auth/exchange", json: ["code": code])
            #expect(first.status == .ok)
            let second = try await test.client.call(.post, "/auth/exchange", json: ["code": code])
            #expect(second.status == .unauthorized)
            #expect(second.errorCode == "invalid_code")
        }
    }
}

// MARK: - Forged tokens

enum TokenForgery: String, CaseIterable, Sendable {
    case expired, tamperedPayload, tamperedSignature, algNone, wrongSecret, garbage, empty

    static let secret = "test-secret-test-secret-test-secret-0123456789"

    func apply(to token: String, userID: String) -> String {
        let parts = token.split(separator: ".").map(String.init)
        let now = Int(Date().timeIntervalSince1970)
        let header = Self.decode(parts[0])
        switch self {
        case .expired:
            return Self.sign(header: header, payload: #"{"sub":"\#(userID)","iat":\#(now - 3600),"exp":\#(now - 1800),"jti":"x"}"#, secret: Self.secret)
        case .tamperedPayload:
            let other = Self.base64URL(Data(#"{"sub":"\#(UUID().uuidString)","iat":\#(now),"exp":\#(now + 600),"jti":"x"}"#.utf8))
            return [parts[0], other, parts[2]].joined(separator: ".")
        case .tamperedSignature:
            return [parts[0], parts[1], String(parts[2].reversed())].joined(separator: ".")
        case .algNone:
            let none = Self.base64URL(Data(#"{"alg":"none","typ":"JWT"}"#.utf8))
            return [none, parts[1], ""].joined(separator: ".")
        case .wrongSecret:
            return Self.sign(header: header, payload: Self.decode(parts[1]), secret: "another-secret-another-secret-another-secret")
        case .garbage:
            return "not-a-jwt"
        case .empty:
            return ""
        }
    }

    static func sign(header: String, payload: String, secret: String) -> String {
        let input = base64URL(Data(header.utf8)) + "." + base64URL(Data(payload.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return input + "." + base64URL(Data(mac))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ part: String) -> String {
        var base64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return String(decoding: Data(base64Encoded: base64) ?? Data(), as: UTF8.self)
    }
}
