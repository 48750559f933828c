import Foundation
import JWTKit

// MARK: - Errors

/// Why an access token could not be issued or was rejected. Every verification case maps to HTTP 401.
public enum AccessTokenError: Error, Equatable, CustomStringConvertible {
    /// `JWT_SECRET` is shorter than 32 bytes.
    case secretTooShort(byteCount: Int)
    /// Not three base64url segments, or header/payload is not the expected JSON (missing claims included).
    case malformed
    /// The header's `alg` is not `HS256` (e.g. `none`, `HS512`, `RS256`).
    case unexpectedAlgorithm(String?)
    /// The header's `kid` is absent or not this issuer's key id.
    case unknownKeyID(String?)
    /// The header names extensions (`crit`) or a `typ` other than `JWT`.
    case unsupportedHeader
    /// The HMAC-SHA256 signature does not match.
    case invalidSignature
    /// `exp` is not in the future.
    case expired
    /// `iat` lies in the future beyond the allowed leeway.
    case issuedInFuture
    /// `sub` is not a UUID or `jti` is empty.
    case invalidClaims
    /// `iss` is not this issuer.
    case wrongIssuer
    /// `aud` does not name this audience.
    case wrongAudience
    /// `nbf` lies in the future beyond the allowed leeway.
    case notYetValid

    public var description: String {
        switch self {
        case .secretTooShort(let count): "JWT_SECRET must be at least 32 bytes (got \(count))"
        case .malformed: "malformed access token"
        case .unexpectedAlgorithm(let alg): "unexpected JWT algorithm \(alg ?? "(none given)")"
        case .unknownKeyID(let kid): "unknown JWT key id \(kid ?? "(none given)")"
        case .unsupportedHeader: "unsupported JWT header"
        case .invalidSignature: "invalid access token signature"
        case .expired: "access token expired"
        case .issuedInFuture: "access token issued in the future"
        case .invalidClaims: "invalid access token claims"
        case .wrongIssuer: "access token from another issuer"
        case .wrongAudience: "access token for another audience"
        case .notYetValid: "access token not valid yet"
        }
    }
}

// MARK: - Claims

/// The payload of an access token: `iss`, `aud`, `sub` (user id), `iat`, `nbf`, `exp`, `jti`, and
/// `sid` (the session: the refresh-token family it was issued with, so that ending the session
/// ends it).
///
/// Time claims are checked by ``AccessTokenIssuer/verify(_:)`` against its injected clock;
/// ``verify(using:)`` checks only what does not depend on time.
public struct AccessTokenClaims: JWTPayload, Equatable {
    /// Who issued the token (`PUBLIC_URL` of the API).
    public var iss: IssuerClaim
    /// Who the token is for; must contain the verifier's audience.
    public var aud: AudienceClaim
    /// Not valid before this time (optional; issued tokens carry `iat`).
    public var nbf: NotBeforeClaim?
    /// The user id as a UUID string.
    public var sub: SubjectClaim
    /// Issued-at time (whole seconds).
    public var iat: IssuedAtClaim
    /// Expiry time (whole seconds).
    public var exp: ExpirationClaim
    /// Unique token id.
    public var jti: IDClaim
    /// The session (refresh-token family) id, when the token belongs to one.
    public var sid: String?

    /// Creates claims.
    public init(iss: IssuerClaim, aud: AudienceClaim, nbf: NotBeforeClaim? = nil,
                sub: SubjectClaim, iat: IssuedAtClaim, exp: ExpirationClaim, jti: IDClaim, sid: String? = nil) {
        self.iss = iss
        self.aud = aud
        self.nbf = nbf
        self.sub = sub
        self.iat = iat
        self.exp = exp
        self.jti = jti
        self.sid = sid
    }

    /// The session id carried in `sid`, if any.
    public var sessionID: UUID? {
        sid.flatMap(UUID.init(uuidString:))
    }

    /// The user id carried in `sub`, if it is a UUID.
    public var userID: UUID? {
        UUID(uuidString: sub.value)
    }

    /// Rejects a non-UUID subject or session, or an empty token id.
    public func verify(using algorithm: some JWTAlgorithm) async throws {
        guard userID != nil, !jti.value.isEmpty, sid == nil || sessionID != nil else {
            throw AccessTokenError.invalidClaims
        }
    }

    /// Rejects expired tokens, tokens issued more than `leeway` seconds after `now` and tokens
    /// not valid before a time more than `leeway` seconds ahead.
    func verifyTimes(now: Date, leeway: TimeInterval) throws(AccessTokenError) {
        guard now < exp.value else { throw .expired }
        guard iat.value <= now.addingTimeInterval(leeway) else { throw .issuedInFuture }
        if let nbf, nbf.value > now.addingTimeInterval(leeway) { throw .notYetValid }
    }

    /// Rejects another issuer, or an audience list without `audience`.
    func verifyParties(issuer: String, audience: String) throws(AccessTokenError) {
        guard ConstantTime.equals(iss.value, issuer) else { throw .wrongIssuer }
        guard aud.value.contains(audience) else { throw .wrongAudience }
    }
}

// MARK: - Issuer

/// Issues and verifies short-lived HS256 access tokens signed with `JWT_SECRET`.
///
/// The algorithm and key are pinned: the header must say `alg: HS256` and carry this
/// issuer's `kid`, because jwt-kit alone would fall back to its default key for an
/// unknown `kid` and does not compare the header's `alg` with the key's.
public struct AccessTokenIssuer: Sendable {
    /// The only accepted algorithm.
    public static let algorithm = "HS256"
    /// The audience of dbooster's API tokens.
    public static let defaultAudience = "dbooster-api"

    /// Token lifetime in seconds.
    public let lifetime: TimeInterval
    /// Key id written to and required in the header.
    public let keyID: String
    /// Tolerated clock skew for `iat` and `nbf`, in seconds.
    public let leeway: TimeInterval
    /// `iss` written and required (the API's `PUBLIC_URL` in the application).
    public let issuer: String
    /// `aud` written and required.
    public let audience: String

    /// A collection holding only this issuer's key under its `kid`, built once (it is an actor
    /// whose `add` is async, so it is prepared by a task started in `init`).
    private let keys: Task<JWTKeyCollection, Never>
    private let clock: @Sendable () -> Date
    /// Tokens that passed every check (see ``VerifiedTokenCache``).
    let verified: VerifiedTokenCache

    /// Creates an issuer.
    /// - Parameters:
    ///   - secret: `JWT_SECRET`; at least 32 bytes of UTF-8.
    ///   - lifetime: Seconds until expiry (15 minutes by default).
    ///   - keyID: The `kid` header value; change it when rotating the secret.
    ///   - leeway: Seconds an `iat` or `nbf` may lie in the future (clock skew).
    ///   - issuer: The `iss` claim written and required.
    ///   - audience: The `aud` claim written and required.
    ///   - clock: Source of the current time (injectable for tests).
    ///   - verifiedCapacity: How many verified tokens are remembered (see ``VerifiedTokenCache``).
    /// - Throws: ``AccessTokenError/secretTooShort(byteCount:)``.
    public init(
        secret: String,
        lifetime: TimeInterval = 900,
        keyID: String = "access-hs256-1",
        leeway: TimeInterval = 30,
        issuer: String = "dbooster",
        audience: String = AccessTokenIssuer.defaultAudience,
        clock: @escaping @Sendable () -> Date = { Date() },
        verifiedCapacity: Int = 10_000
    ) throws {
        let byteCount = secret.utf8.count
        guard byteCount >= 32 else { throw AccessTokenError.secretTooShort(byteCount: byteCount) }
        let key = HMACKey(from: secret)
        self.keys = Task { [keyID] in
            await JWTKeyCollection().add(hmac: key, digestAlgorithm: .sha256, kid: JWKIdentifier(string: keyID))
        }
        self.lifetime = lifetime
        self.keyID = keyID
        self.leeway = leeway
        self.issuer = issuer
        self.audience = audience
        self.clock = clock
        self.verified = VerifiedTokenCache(capacity: verifiedCapacity)
    }

    // MARK: Issuing

    /// Signs a new token for `userID` in the session `sessionID` (its refresh-token family).
    /// - Returns: The compact JWT and its lifetime in whole seconds (`expires_in`).
    public func issue(userID: UUID, sessionID: UUID? = nil) async throws -> (token: String, expiresIn: Int) {
        let now = Date(timeIntervalSince1970: clock().timeIntervalSince1970.rounded(.down))
        let expiresIn = Int(lifetime)
        let claims = AccessTokenClaims(
            iss: IssuerClaim(value: issuer),
            aud: AudienceClaim(value: audience),
            nbf: NotBeforeClaim(value: now),
            sub: SubjectClaim(value: userID.uuidString.lowercased()),
            iat: IssuedAtClaim(value: now),
            exp: ExpirationClaim(value: now.addingTimeInterval(TimeInterval(expiresIn))),
            jti: IDClaim(value: UUID().uuidString.lowercased()),
            sid: sessionID?.uuidString.lowercased()
        )
        var header = JWTHeader()
        header.alg = Self.algorithm
        header.typ = "JWT"
        let token = try await keys.value.sign(claims, kid: JWKIdentifier(string: keyID), header: header)
        return (token, expiresIn)
    }

    // MARK: Verifying

    /// Verifies signature, pinned header, claims and times (a token verified before: its times).
    /// - Throws: ``AccessTokenError`` describing the first failed check.
    public func verify(_ token: String) async throws -> AccessTokenClaims {
        let now = clock()
        if let claims = verified.claims(of: token) {
            try claims.verifyTimes(now: now, leeway: leeway)
            return claims
        }
        try checkHeader(of: token)

        let claims: AccessTokenClaims
        do {
            claims = try await keys.value.verify(token, as: AccessTokenClaims.self)
        } catch let error as AccessTokenError {
            throw error
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            throw AccessTokenError.invalidSignature
        } catch {
            throw AccessTokenError.malformed
        }
        try claims.verifyParties(issuer: issuer, audience: audience)
        try claims.verifyTimes(now: now, leeway: leeway)
        verified.insert(claims, of: token, now: now)
        return claims
    }

    // MARK: Helpers

    /// The header fields this issuer pins.
    private struct Header: Decodable {
        let alg: String?
        let kid: String?
        let typ: String?
        let crit: [String]?
    }

    private func checkHeader(of token: String) throws(AccessTokenError) {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3,
              let json = Base64URL.decode(segments[0]),
              let header = try? JSONDecoder().decode(Header.self, from: json)
        else { throw .malformed }

        guard header.alg == Self.algorithm else { throw .unexpectedAlgorithm(header.alg) }
        guard let kid = header.kid, ConstantTime.equals(kid, keyID) else { throw .unknownKeyID(header.kid) }
        guard header.crit == nil, header.typ == nil || header.typ == "JWT" else { throw .unsupportedHeader }
    }
}
