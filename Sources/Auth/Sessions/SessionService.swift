import Core
import Crypto
import Database
import Foundation
import HTTPSupport
import PostgresNIO

/// Issues token pairs, rotates refresh tokens with reuse detection (RFC 9700 §4.14), revokes
/// families on logout, and trades one-time login codes (from OAuth callbacks) for token pairs.
///
/// Refresh tokens and login codes are stored only as SHA-256 hashes.
///
/// Two tabs refreshing the same token at once must not sign the user out: a refresh token
/// presented again within `reuseGrace` seconds of its rotation gets the same successor once (the
/// successor is derived from the token with a server key, so it need not be stored); any other
/// reuse revokes the family.
public struct SessionService: Sendable {
    let database: Database
    let accessTokens: AccessTokenIssuer
    let refreshLifetime: TimeInterval
    let loginCodeLifetime: TimeInterval
    let reuseGrace: TimeInterval
    let successorKey: SymmetricKey

    /// - Parameters:
    ///   - successorSecret: a server secret successors of refresh tokens are derived with.
    ///   - reuseGrace: seconds during which a rotated token may be presented once more (0: never).
    public init(database: Database, accessTokens: AccessTokenIssuer, refreshLifetime: TimeInterval,
                loginCodeLifetime: TimeInterval = 120, successorSecret: String, reuseGrace: TimeInterval = 5) {
        self.database = database
        self.accessTokens = accessTokens
        self.refreshLifetime = refreshLifetime
        self.loginCodeLifetime = loginCodeLifetime
        self.reuseGrace = reuseGrace
        self.successorKey = SymmetricKey(data: SHA256.hash(data: Array("dbooster refresh successor:\(successorSecret)".utf8)))
    }

    // MARK: - Sessions

    /// Starts a new session (a new refresh-token family) for `userID`.
    public func startSession(userID: UUID) async throws -> TokenPair {
        let familyID = UUID()
        let refresh = try await database.withSystem { transaction in
            try await insertRefreshToken(userID: userID, familyID: familyID, on: transaction)
        }
        return try await pair(userID: userID, familyID: familyID, refreshToken: refresh)
    }

    /// Trades a refresh token for a new pair. A token presented a second time revokes its family,
    /// unless it comes within the grace window of its rotation (another tab): then, once, it gets
    /// the same successor.
    public func refresh(_ token: String) async throws -> TokenPair {
        let hash = OpaqueToken.hash(token)
        let successor = successor(of: token)
        let grace = reuseGrace
        enum Outcome: Sendable { case rotated(UUID, UUID, String), reused, invalid }
        let outcome: Outcome = try await database.withSystem { transaction in
            let rows = try await transaction.query("""
                SELECT user_id, family_id, expires_at < now(), used_at IS NOT NULL OR revoked_at IS NOT NULL,
                       COALESCE(revoked_at IS NULL AND grace_used_at IS NULL AND used_at > now() - make_interval(secs => \(grace)), false)
                FROM refresh_tokens WHERE token_hash = \(hash) FOR UPDATE
                """)
            guard let (userID, familyID, expired, spent, inGrace) = try await rows.first(as: (UUID, UUID, Bool, Bool, Bool).self) else {
                return .invalid
            }
            if spent, inGrace, try await transaction.query("""
                UPDATE refresh_tokens SET grace_used_at = now()
                WHERE token_hash = \(hash) AND EXISTS (
                    SELECT 1 FROM refresh_tokens
                    WHERE token_hash = \(OpaqueToken.hash(successor)) AND used_at IS NULL AND revoked_at IS NULL)
                RETURNING 1
                """).first(as: Int.self) != nil {
                return .rotated(userID, familyID, successor)
            }
            if spent {
                try await transaction.query("""
                    UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = \(familyID) AND revoked_at IS NULL
                    """)
                return .reused
            }
            if expired { return .invalid }
            try await transaction.query(
                "UPDATE refresh_tokens SET used_at = now() WHERE token_hash = \(hash)")
            return .rotated(userID, familyID, try await insertRefreshToken(
                userID: userID, familyID: familyID, token: successor, on: transaction))
        }
        switch outcome {
        case .rotated(let userID, let familyID, let refresh):
            return try await pair(userID: userID, familyID: familyID, refreshToken: refresh)
        case .reused:
            throw AppError.unauthorized(
                "This refresh token was already used; every session of its family has been signed out.",
                code: "refresh_token_reused")
        case .invalid:
            throw AppError.unauthorized("The refresh token is invalid or expired.", code: "invalid_refresh_token")
        }
    }

    /// Revokes the family of `token`. Unknown tokens are ignored (logout always succeeds).
    public func logout(_ token: String) async throws {
        let hash = OpaqueToken.hash(token)
        try await database.withSystem { transaction in
            try await transaction.query("""
                UPDATE refresh_tokens SET revoked_at = now()
                WHERE revoked_at IS NULL
                  AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = \(hash))
                """)
        }
    }

    // MARK: - One-time login codes

    /// A short-lived code that the front end trades for a token pair at `/auth/exchange`.
    public func createLoginCode(userID: UUID) async throws -> String {
        let code = OpaqueToken.generate()
        let hash = OpaqueToken.hash(code)
        let expires = Date().addingTimeInterval(loginCodeLifetime)
        try await database.withSystem { transaction in
            try await transaction.query("""
                INSERT INTO login_codes (code_hash, user_id, expires_at) VALUES (\(hash), \(userID), \(expires))
                """)
        }
        return code
    }

    /// Trades a login code for a session; each code works once.
    public func exchange(code: String) async throws -> TokenPair {
        let hash = OpaqueToken.hash(code)
        let userID: UUID? = try await database.withSystem { transaction in
            try await transaction.query("""
                UPDATE login_codes SET used_at = now()
                WHERE code_hash = \(hash) AND used_at IS NULL AND expires_at > now()
                RETURNING user_id
                """).first(as: UUID.self)
        }
        guard let userID else {
            throw AppError.unauthorized("The login code is invalid, expired or already used.", code: "invalid_code")
        }
        return try await startSession(userID: userID)
    }

    // MARK: - Helpers

    /// The successor of a refresh token: derived with the server key, so that a second
    /// presentation within the grace window gets the same one without storing it.
    private func successor(of token: String) -> String {
        Base64URL.encode(Array(HMAC<SHA256>.authenticationCode(for: Array(token.utf8), using: successorKey)))
    }

    private func insertRefreshToken(
        userID: UUID, familyID: UUID, token: String = OpaqueToken.generate(), on transaction: Transaction
    ) async throws -> String {
        let hash = OpaqueToken.hash(token)
        let expires = Date().addingTimeInterval(refreshLifetime)
        try await transaction.query("""
            INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
            VALUES (\(userID), \(familyID), \(hash), \(expires))
            """)
        return token
    }

    /// An access token for the session `familyID` and its refresh token.
    private func pair(userID: UUID, familyID: UUID, refreshToken: String) async throws -> TokenPair {
        let access = try await accessTokens.issue(userID: userID, sessionID: familyID)
        return TokenPair(accessToken: access.token, refreshToken: refreshToken, tokenType: "bearer", expiresIn: access.expiresIn)
    }
}
