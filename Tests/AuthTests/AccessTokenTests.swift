import Foundation
import Testing
@testable import Auth

@Suite("AccessTokenIssuer")
struct AccessTokenTests {
    static let secret = "test-jwt-secret-that-is-32-bytes-long!"
    static let otherSecret = "another-jwt-secret-that-is-32-bytes!!"
    static let kid = "access-hs256-1"
    static let now = Date(timeIntervalSince1970: 1_750_000_000)
    static let nowSeconds = 1_750_000_000

    func issuer(at date: Date = now, secret: String = secret) throws -> AccessTokenIssuer {
        try AccessTokenIssuer(secret: secret, clock: { date })
    }

    // MARK: Accepted

    @Test("issued token verifies and carries the user id and times")
    func roundTrip() async throws {
        let userID = UUID()
        let issuer = try issuer()
        let (token, expiresIn) = try await issuer.issue(userID: userID)

        #expect(expiresIn == 900)
        let claims = try await issuer.verify(token)
        #expect(claims.userID == userID)
        #expect(claims.iat.value == Self.now)
        #expect(claims.exp.value == Self.now.addingTimeInterval(900))
        #expect(!claims.jti.value.isEmpty)
    }

    @Test("issued header is HS256 with the pinned kid")
    func issuedHeader() async throws {
        let (token, _) = try await issuer().issue(userID: UUID())
        let header = try #require(Data(base64URL: String(token.split(separator: ".")[0])))
        let json = try #require(try JSONSerialization.jsonObject(with: header) as? [String: String])
        #expect(json["alg"] == "HS256")
        #expect(json["kid"] == Self.kid)
    }

    @Test("each token gets its own jti")
    func uniqueJTI() async throws {
        let issuer = try issuer()
        let first = try await issuer.verify(issuer.issue(userID: UUID()).token)
        let second = try await issuer.verify(issuer.issue(userID: UUID()).token)
        #expect(first.jti != second.jti)
    }

    @Test("a hand-built HS256 token with the right secret and kid is accepted")
    func handBuiltValid() async throws {
        let token = JWTForge.token(
            header: JWTForge.header(alg: "HS256", kid: Self.kid),
            payload: JWTForge.payload(iat: Self.nowSeconds, exp: Self.nowSeconds + 60),
            signature: .hs256(secret: Self.secret)
        )
        let claims = try await issuer().verify(token)
        #expect(claims.sub.value == "7c9e6679-7425-40de-944b-e07fc1f90ae7")
    }

    @Test("iat slightly in the future is tolerated (clock skew)")
    func smallSkew() async throws {
        let token = JWTForge.token(
            header: JWTForge.header(alg: "HS256", kid: Self.kid),
            payload: JWTForge.payload(iat: Self.nowSeconds + 10, exp: Self.nowSeconds + 600),
            signature: .hs256(secret: Self.secret)
        )
        _ = try await issuer().verify(token)
    }

    // MARK: Rejected

    /// Tokens that differ from a valid one in exactly one respect. Those marked "signed" carry a
    /// correct HMAC-SHA256 over their header, so only the issuer's own checks can reject them.
    static let rejected: [(String, String, AccessTokenError)] = [
        ("alg none, empty signature",
         JWTForge.token(header: JWTForge.header(alg: "none", kid: kid), payload: validPayload, signature: .none),
         .unexpectedAlgorithm("none")),
        ("alg none, signed",
         JWTForge.token(header: JWTForge.header(alg: "none", kid: kid), payload: validPayload, signature: .hs256(secret: secret)),
         .unexpectedAlgorithm("none")),
        ("HS512 signed with the right secret",
         JWTForge.token(header: JWTForge.header(alg: "HS512", kid: kid), payload: validPayload, signature: .hs512(secret: secret)),
         .unexpectedAlgorithm("HS512")),
        ("header says HS512, signed HS256",
         JWTForge.token(header: JWTForge.header(alg: "HS512", kid: kid), payload: validPayload, signature: .hs256(secret: secret)),
         .unexpectedAlgorithm("HS512")),
        ("RS256",
         JWTForge.token(header: JWTForge.header(alg: "RS256", kid: kid), payload: validPayload, signature: .raw(Array(repeating: 7, count: 256))),
         .unexpectedAlgorithm("RS256")),
        ("lowercase hs256",
         JWTForge.token(header: JWTForge.header(alg: "hs256", kid: kid), payload: validPayload, signature: .hs256(secret: secret)),
         .unexpectedAlgorithm("hs256")),
        ("unknown kid, signed",
         JWTForge.token(header: JWTForge.header(alg: "HS256", kid: "attacker-key"), payload: validPayload, signature: .hs256(secret: secret)),
         .unknownKeyID("attacker-key")),
        ("missing kid, signed",
         JWTForge.token(header: JWTForge.header(alg: "HS256", kid: nil), payload: validPayload, signature: .hs256(secret: secret)),
         .unknownKeyID(nil)),
        ("unexpected typ, signed",
         JWTForge.token(header: JWTForge.header(alg: "HS256", kid: kid, typ: "at+jwt+evil"), payload: validPayload, signature: .hs256(secret: secret)),
         .unsupportedHeader),
        ("wrong secret",
         JWTForge.token(header: validHeader, payload: validPayload, signature: .hs256(secret: otherSecret)),
         .invalidSignature),
        ("empty signature",
         JWTForge.token(header: validHeader, payload: validPayload, signature: .none),
         .invalidSignature),
        ("expired",
         JWTForge.token(header: validHeader, payload: JWTForge.payload(iat: nowSeconds - 1_000, exp: nowSeconds - 100), signature: .hs256(secret: secret)),
         .expired),
        ("expires exactly now",
         JWTForge.token(header: validHeader, payload: JWTForge.payload(iat: nowSeconds - 900, exp: nowSeconds), signature: .hs256(secret: secret)),
         .expired),
        ("iat in the future",
         JWTForge.token(header: validHeader, payload: JWTForge.payload(iat: nowSeconds + 3_600, exp: nowSeconds + 4_500), signature: .hs256(secret: secret)),
         .issuedInFuture),
        ("missing exp",
         JWTForge.token(header: validHeader, payload: JWTForge.payload(iat: nowSeconds, exp: nil), signature: .hs256(secret: secret)),
         .malformed),
        ("missing iat",
         JWTForge.token(header: validHeader, payload: JWTForge.payload(iat: nil, exp: nowSeconds + 60), signature: .hs256(secret: secret)),
         .malformed),
        ("missing jti",
         JWTForge.token(header: validHeader, payload: JWTForge.payload(iat: nowSeconds, exp: nowSeconds + 60, jti: nil), signature: .hs256(secret: secret)),
         .malformed),
        ("missing sub",
         JWTForge.token(header: validHeader, payload: #"{"iat":\#(nowSeconds),"exp":\#(nowSeconds + 60),"jti":"x"}"#, signature: .hs256(secret: secret)),
         .malformed),
        ("sub not a UUID",
         JWTForge.token(header: validHeader, payload: JWTForge.payload(sub: "admin", iat: nowSeconds, exp: nowSeconds + 60), signature: .hs256(secret: secret)),
         .invalidClaims),
        ("missing iss",
         JWTForge.token(header: validHeader, payload: JWTForge.payload(iat: nowSeconds, exp: nowSeconds + 60, iss: nil), signature: .hs256(secret: secret)),
         .malformed),
        ("another issuer",
         JWTForge.token(header: validHeader, payload: JWTForge.payload(iat: nowSeconds, exp: nowSeconds + 60, iss: "https://evil.test"), signature: .hs256(secret: secret)),
         .wrongIssuer),
        ("issuer differing in case",
         JWTForge.token(header: validHeader, payload: JWTForge.payload(iat: nowSeconds, exp: nowSeconds + 60, iss: "DBOOSTER"), signature: .hs256(secret: secret)),
         .wrongIssuer),
        ("missing aud",
         JWTForge.token(header: validHeader, payload: JWTForge.payload(iat: nowSeconds, exp: nowSeconds + 60, aud: nil), signature: .hs256(secret: secret)),
         .malformed),
        ("another audience",
         JWTForge.token(header: validHeader, payload: JWTForge.payload(iat: nowSeconds, exp: nowSeconds + 60, aud: #""dbooster-admin""#), signature: .hs256(secret: secret)),
         .wrongAudience),
        ("audience list without ours",
         JWTForge.token(header: validHeader, payload: JWTForge.payload(iat: nowSeconds, exp: nowSeconds + 60, aud: #"["a","b"]"#), signature: .hs256(secret: secret)),
         .wrongAudience),
        ("nbf in the future",
         JWTForge.token(header: validHeader, payload: JWTForge.payload(iat: nowSeconds, exp: nowSeconds + 600, nbf: nowSeconds + 300), signature: .hs256(secret: secret)),
         .notYetValid),
        ("not three segments", "abc.def", .malformed),
        ("empty string", "", .malformed),
        ("header not JSON", "bm90LWpzb24.e30.AAAA", .malformed),
    ]

    static let validHeader = JWTForge.header(alg: "HS256", kid: kid)
    static let validPayload = JWTForge.payload(iat: nowSeconds, exp: nowSeconds + 600)

    @Test("forged and invalid tokens are rejected", arguments: rejected)
    func rejects(name: String, token: String, expected: AccessTokenError) async throws {
        let issuer = try issuer()
        await #expect(throws: expected, "\(name)") { try await issuer.verify(token) }
    }

    @Test("an audience list naming us, nbf in the past or within the leeway, are accepted", arguments: [
        JWTForge.payload(iat: nowSeconds, exp: nowSeconds + 60, aud: #"["other","dbooster-api"]"#),
        JWTForge.payload(iat: nowSeconds, exp: nowSeconds + 60, nbf: nowSeconds - 60),
        JWTForge.payload(iat: nowSeconds, exp: nowSeconds + 60, nbf: nowSeconds + 10),
    ])
    func acceptedParties(_ payload: String) async throws {
        let token = JWTForge.token(header: Self.validHeader, payload: payload, signature: .hs256(secret: Self.secret))
        _ = try await issuer().verify(token)
    }

    @Test("issued tokens carry iss, aud and nbf; an issuer with another iss or aud rejects them")
    func issuedParties() async throws {
        let (token, _) = try await issuer().issue(userID: UUID())
        let payload = try #require(token.split(separator: ".").dropFirst().first)
        let json = try #require(Data(base64Encoded: String(payload).replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/").padding(toLength: (payload.count + 3) / 4 * 4, withPad: "=", startingAt: 0)))
        let claims = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(claims["iss"] as? String == "dbooster")
        #expect(claims["aud"] as? String == "dbooster-api" || (claims["aud"] as? [String]) == ["dbooster-api"])
        #expect(claims["nbf"] as? Int == Self.nowSeconds)
        let otherIssuer = try AccessTokenIssuer(secret: Self.secret, issuer: "https://staging.test", clock: { Self.now })
        await #expect(throws: AccessTokenError.wrongIssuer) { try await otherIssuer.verify(token) }
        let otherAudience = try AccessTokenIssuer(secret: Self.secret, audience: "billing", clock: { Self.now })
        await #expect(throws: AccessTokenError.wrongAudience) { try await otherAudience.verify(token) }
    }

    @Test("tampering with a real token's payload or signature is detected")
    func tampered() async throws {
        let issuer = try issuer()
        let (token, _) = try await issuer.issue(userID: UUID())
        let parts = token.split(separator: ".").map(String.init)

        let otherUser = JWTForge.base64URL(Array(JWTForge.payload(iat: Self.nowSeconds, exp: Self.nowSeconds + 900).utf8))
        let swappedPayload = [parts[0], otherUser, parts[2]].joined(separator: ".")
        await #expect(throws: AccessTokenError.invalidSignature) { try await issuer.verify(swappedPayload) }

        var signature = Array(parts[2])
        signature[4] = signature[4] == "A" ? "B" : "A"
        let flippedSignature = [parts[0], parts[1], String(signature)].joined(separator: ".")
        await #expect(throws: AccessTokenError.invalidSignature) { try await issuer.verify(flippedSignature) }
    }

    @Test("a token issued by another secret is rejected")
    func otherIssuer() async throws {
        let (token, _) = try await issuer(secret: Self.otherSecret).issue(userID: UUID())
        await #expect(throws: AccessTokenError.invalidSignature) { try await issuer().verify(token) }
    }

    @Test("a token expires after its lifetime")
    func expiresAfterLifetime() async throws {
        let (token, _) = try await issuer().issue(userID: UUID())
        _ = try await issuer(at: Self.now.addingTimeInterval(899)).verify(token)
        await #expect(throws: AccessTokenError.expired) {
            try await issuer(at: Self.now.addingTimeInterval(900)).verify(token)
        }
    }

    // MARK: Verified tokens remembered

    @Test("a remembered token still expires, and is remembered only once it passed every check")
    func rememberedTokens() async throws {
        let clock = ManualClock(Self.now)
        let issuer = try AccessTokenIssuer(secret: Self.secret, clock: { clock.now })
        let (token, _) = try await issuer.issue(userID: UUID())
        let forged = token.dropLast(2) + (token.hasSuffix("AA") ? "BB" : "AA")
        await #expect(throws: AccessTokenError.invalidSignature) { try await issuer.verify(String(forged)) }
        #expect(issuer.verified.count == 0)

        let first = try await issuer.verify(token)
        #expect(try await issuer.verify(token) == first)
        #expect(issuer.verified.count == 1)
        await #expect(throws: AccessTokenError.invalidSignature) { try await issuer.verify(String(forged)) }

        clock.now = Self.now.addingTimeInterval(900)
        await #expect(throws: AccessTokenError.expired) { try await issuer.verify(token) }
    }

    @Test("the remembered tokens are bounded: a full cache drops the expired ones, else all")
    func rememberedTokensBounded() async throws {
        let clock = ManualClock(Self.now)
        let issuer = try AccessTokenIssuer(secret: Self.secret, clock: { clock.now }, verifiedCapacity: 3)
        for _ in 0..<3 { _ = try await issuer.verify(try await issuer.issue(userID: UUID()).token) }
        #expect(issuer.verified.count == 3)
        _ = try await issuer.verify(try await issuer.issue(userID: UUID()).token)
        #expect(issuer.verified.count == 1, "a full cache of live tokens starts over")

        _ = try await issuer.verify(try await issuer.issue(userID: UUID()).token)
        clock.now = Self.now.addingTimeInterval(600)
        _ = try await issuer.verify(try await issuer.issue(userID: UUID()).token)
        clock.now = Self.now.addingTimeInterval(1_000)
        _ = try await issuer.verify(try await issuer.issue(userID: UUID()).token)
        #expect(issuer.verified.count == 2, "the two expired tokens were dropped, the live one kept")
    }

    @Test("secrets shorter than 32 bytes are refused", arguments: ["", "short", String(repeating: "s", count: 31)])
    func shortSecret(secret: String) {
        #expect(throws: AccessTokenError.secretTooShort(byteCount: secret.utf8.count)) {
            try AccessTokenIssuer(secret: secret)
        }
    }
}

extension Data {
    init?(base64URL text: String) {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        self.init(base64Encoded: standard)
    }
}

/// A settable clock for the issuer.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date
    init(_ start: Date) { value = start }
    var now: Date {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
