import Foundation
import JWTKit

// MARK: - Claims

/// The claims of a Google ID token that sign-in relies on.
struct GoogleIDTokenClaims: JWTPayload {
    let iss: String
    let aud: AudienceClaim
    let sub: String
    let exp: ExpirationClaim
    let iat: IssuedAtClaim
    let nonce: String?
    let email: String?
    let email_verified: FlexibleBool?
    let name: String?
    let picture: String?

    /// Times, issuer, audience and nonce are checked by ``GoogleIDTokenVerifier`` against its clock.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// `email_verified` is a boolean, but Google has sent it as the string `"true"`.
struct FlexibleBool: Codable, Sendable {
    let value: Bool

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let bool = try? container.decode(Bool.self) {
            value = bool
        } else {
            value = try container.decode(String.self).lowercased() == "true"
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

// MARK: - Verifier

/// Validates Google ID tokens: the RS256 signature against Google's published keys (JWKS,
/// fetched from `jwksURL`, cached for the `max-age` Google gives and fetched again when a token
/// names an unknown `kid`), `iss` (accounts.google.com), `aud` = our client id, `exp`, `iat` and
/// the sign-in's `nonce`. The identity of a Google sign-in comes only from a token that passes.
struct GoogleIDTokenVerifier: Sendable {
    static let issuers: Set<String> = ["https://accounts.google.com", "accounts.google.com"]
    let clientID: String
    let keys: GoogleKeySet
    let leeway: TimeInterval = 60
    let clock: @Sendable () -> Date

    init(clientID: String, keys: GoogleKeySet, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.clientID = clientID
        self.keys = keys
        self.clock = clock
    }

    /// Why a token was refused, for the log (the user sees `provider_error`).
    struct Refusal: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private struct Header: Decodable {
        let alg: String?
        let kid: String?
        let crit: [String]?
    }

    /// The token's claims once every check passed.
    func verify(_ token: String, nonce: String) async throws -> GoogleIDTokenClaims {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3, let json = Base64URL.decode(segments[0]),
              let header = try? JSONDecoder().decode(Header.self, from: json) else { throw Refusal("malformed ID token") }
        // Pinned: RS256 only (never `none`, never HMAC with a public key as secret), a kid Google published.
        guard header.alg == "RS256" else { throw Refusal("ID token algorithm \(header.alg ?? "none") refused") }
        guard header.crit == nil else { throw Refusal("ID token with critical header extensions refused") }
        guard let kid = header.kid, !kid.isEmpty else { throw Refusal("ID token without a key id") }
        let collection = try await keys.collection(containing: kid)
        let claims: GoogleIDTokenClaims
        do {
            claims = try await collection.verify(token, as: GoogleIDTokenClaims.self)
        } catch {
            throw Refusal("ID token signature or shape invalid: \(error)")
        }
        let now = clock()
        guard Self.issuers.contains(claims.iss) else { throw Refusal("ID token issuer \(claims.iss) refused") }
        guard claims.aud.value.contains(clientID) else { throw Refusal("ID token audience is not this client") }
        guard now < claims.exp.value.addingTimeInterval(leeway) else { throw Refusal("ID token expired") }
        guard claims.iat.value <= now.addingTimeInterval(leeway) else { throw Refusal("ID token issued in the future") }
        guard let tokenNonce = claims.nonce, ConstantTime.equals(tokenNonce, nonce) else {
            throw Refusal("ID token nonce does not match this sign-in")
        }
        guard !claims.sub.isEmpty else { throw Refusal("ID token without a subject") }
        return claims
    }
}

// MARK: - Key set

/// Google's signing keys, fetched from the JWKS URL and kept for the `max-age` of the answer
/// (1 hour when none is given, at least 1 minute, at most 1 day). A token naming a `kid` not in
/// the cached set triggers one fetch (at most one a second), so a key rotation is picked up
/// at once and unknown kids cannot make dbooster hammer Google.
actor GoogleKeySet {
    let url: String
    let fetch: @Sendable (String) async throws -> (status: Int, body: Data, cacheControl: String?)
    private let clock: @Sendable () -> Date
    private var collection: JWTKeyCollection?
    private var kids: Set<String> = []
    private var expiresAt = Date.distantPast
    private var lastFetch = Date.distantPast
    static let minimumRefetchInterval: TimeInterval = 1

    init(url: String,
         fetch: @escaping @Sendable (String) async throws -> (status: Int, body: Data, cacheControl: String?),
         clock: @escaping @Sendable () -> Date = { Date() }) {
        self.url = url
        self.fetch = fetch
        self.clock = clock
    }

    /// A key collection holding `kid`; throws when Google does not publish it.
    func collection(containing kid: String) async throws -> JWTKeyCollection {
        let now = clock()
        let stale = now >= expiresAt
        let unknown = !kids.contains(kid)
        if stale || (unknown && now.timeIntervalSince(lastFetch) >= Self.minimumRefetchInterval) {
            try await refresh(now: now)
        }
        guard let collection, kids.contains(kid) else {
            throw GoogleIDTokenVerifier.Refusal("ID token signed with key \(kid), which Google does not publish")
        }
        return collection
    }

    private func refresh(now: Date) async throws {
        lastFetch = now
        let answer: (status: Int, body: Data, cacheControl: String?)
        do {
            answer = try await fetch(url)
        } catch {
            throw GoogleIDTokenVerifier.Refusal("Google's keys could not be fetched: \(error)")
        }
        guard answer.status == 200,
              let document = try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any],
              let listed = document["keys"] as? [[String: Any]] else {
            throw GoogleIDTokenVerifier.Refusal("Google's keys could not be read (\(answer.status))")
        }
        // Only RSA signing keys: a symmetric or other key in the set must never verify anything.
        let fresh = JWTKeyCollection()
        var added: Set<String> = []
        for key in listed where key["kty"] as? String == "RSA" && (key["use"] == nil || key["use"] as? String == "sig") {
            guard let kid = key["kid"] as? String, let data = try? JSONSerialization.data(withJSONObject: key),
                  let jwk = try? JSONDecoder().decode(JWK.self, from: data),
                  (try? await fresh.add(jwk: jwk)) != nil else { continue }
            added.insert(kid)
        }
        collection = fresh
        kids = added
        expiresAt = now.addingTimeInterval(Self.maxAge(answer.cacheControl))
    }

    /// The `max-age` of a `Cache-Control` header, clamped to [60 s, 1 day]; 1 hour without one.
    static func maxAge(_ header: String?) -> TimeInterval {
        guard let header else { return 3600 }
        for part in header.split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: .whitespaces).lowercased()
            if trimmed.hasPrefix("max-age="), let seconds = TimeInterval(trimmed.dropFirst(8)) {
                return min(max(seconds, 60), 86_400)
            }
        }
        return 3600
    }
}
