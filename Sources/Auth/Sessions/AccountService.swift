import Core
import Database
import Foundation
import HTTPSupport
import PostgresNIO

/// Creates and finds accounts: email + password sign-up and sign-in, and the users behind
/// Google and GitHub identities.
public struct AccountService: Sendable {
    let database: Database
    let passwords: PasswordHashing
    let rateLimiter: LoginRateLimiter
    let secrets: SecretBox

    public init(database: Database, passwords: PasswordHashing, rateLimiter: LoginRateLimiter, secrets: SecretBox) {
        self.database = database
        self.passwords = passwords
        self.rateLimiter = rateLimiter
        self.secrets = secrets
    }

    // MARK: - Email and password

    /// Creates a user; without a pending invitation they get an organization of their own as admin.
    public func signUp(email: String, password: String, fullName: String?) async throws -> UUID {
        let hash = try await passwords.hash(password)
        return try await database.withSystem { transaction in
            let userID: UUID
            do {
                guard let id = try await transaction.query("""
                    INSERT INTO users (email, full_name, password_hash) VALUES (\(email), \(fullName), \(hash))
                    RETURNING id
                    """).first(as: UUID.self) else { throw AppError.internalError }
                userID = id
            } catch let error as PSQLError where error.sqlState == "23505" {
                throw AppError.conflict("An account with this email already exists.", code: "email_taken")
            }
            try await createPersonalOrganizationUnlessInvited(
                userID: userID, email: email, displayName: fullName, on: transaction)
            return userID
        }
    }

    /// Checks a password; failures are rate limited per email and per client address.
    public func logIn(email: String, password: String, clientAddress: String?) async throws -> UUID {
        let keys = ["email:\(email)"] + (clientAddress.map { ["ip:\($0)"] } ?? [])
        try await rateLimiter.check(keys: keys)
        let row = try await database.withSystem { transaction in
            try await transaction.query(
                "SELECT id, password_hash FROM users WHERE lower(email) = \(email)").first(as: (UUID, String?).self)
        }
        // Hash even for unknown accounts so that timing does not reveal which emails exist.
        let encoded = row?.1 ?? Self.decoyHash
        let valid = try await passwords.verify(password, encoded: encoded)
        guard valid, let (userID, storedHash) = row, storedHash != nil else {
            try await rateLimiter.recordFailure(keys: keys)
            throw AppError.unauthorized("The email or password is incorrect.", code: "invalid_credentials")
        }
        try await rateLimiter.reset(key: "email:\(email)")
        return userID
    }

    /// A valid Argon2id hash of a random password, verified against when the account is unknown.
    private static let decoyHash = (try? PasswordHasher().hash(OpaqueToken.generate())) ?? ""

    // MARK: - OAuth identities

    /// Finds or creates the user behind a provider identity.
    ///
    /// An identity already linked signs in its user. Otherwise an account with the same email is
    /// linked when the provider's email is verified, and never replaces the account's link to
    /// another account of the same provider (`account_exists`). When the account's email was
    /// never verified (a password sign-up nobody confirmed — possibly someone squatting the
    /// address), the verified sign-in wins: the password is removed, every session and login code
    /// of the account is revoked, and the owner is told by a notification and the audit log.
    public func user(for identity: ProviderIdentity) async throws -> UUID {
        do {
            return try await findOrCreate(identity)
        } catch let error as PSQLError where error.sqlState == "23505" {
            // A concurrent first sign-in with the same email or provider id created the user
            // between our lookup and insert: look again, now finding it.
            return try await findOrCreate(identity)
        }
    }

    private func findOrCreate(_ identity: ProviderIdentity) async throws -> UUID {
        guard identity.emailVerified else { throw OAuthFailure.unverifiedEmail }
        let email = identity.email.lowercased()
        let column = identity.provider.idColumn
        let sealedToken = try identity.accessToken.map { try secrets.seal($0) }
        return try await database.withSystem { transaction in
            if let userID = try await transaction.query(
                PostgresQuery(unsafeSQL: "SELECT id FROM users WHERE \(column) = $1", binds: try Self.binds(identity.subject))
            ).first(as: UUID.self) {
                try await update(userID: userID, identity: identity, sealedToken: sealedToken, on: transaction)
                return userID
            }
            if let (userID, verified, linked) = try await transaction.query(PostgresQuery(
                unsafeSQL: "SELECT id, email_verified, \(column) FROM users WHERE lower(email) = $1",
                binds: try Self.binds(email))).first(as: (UUID, Bool, String?).self) {
                guard linked == nil else { throw OAuthFailure.accountExists }
                if !verified { try await invalidateUnverifiedPassword(userID: userID, identity: identity, on: transaction) }
                try await update(userID: userID, identity: identity, sealedToken: sealedToken, on: transaction)
                return userID
            }
            guard let userID = try await transaction.query(PostgresQuery(unsafeSQL: """
                INSERT INTO users (\(column), email, email_verified, full_name, picture, github_token)
                VALUES ($1, $2, true, $3, $4, $5) RETURNING id
                """, binds: try Self.binds(identity.subject, email, identity.fullName, identity.picture, sealedToken))).first(as: UUID.self) else { throw AppError.internalError }
            try await createPersonalOrganizationUnlessInvited(
                userID: userID, email: email, displayName: identity.fullName, on: transaction)
            return userID
        }
    }

    private func update(userID: UUID, identity: ProviderIdentity, sealedToken: String?, on transaction: Transaction) async throws {
        let column = identity.provider.idColumn
        try await transaction.query(PostgresQuery(unsafeSQL: """
            UPDATE users SET \(column) = $2, email_verified = true,
                full_name = COALESCE(full_name, $3), picture = COALESCE($4, picture),
                github_token = COALESCE($5, github_token)
            WHERE id = $1::uuid
            """, binds: try Self.binds(userID.uuidString, identity.subject, identity.fullName, identity.picture, sealedToken)))
    }

    /// The owner proved the email through a provider: the unproven password and everything signed
    /// in with it stop working, and the owner is told.
    private func invalidateUnverifiedPassword(userID: UUID, identity: ProviderIdentity, on transaction: Transaction) async throws {
        let organizationID = try await transaction.query("""
            UPDATE users SET password_hash = NULL, email_verified = true WHERE id = \(userID)
            RETURNING id, organization_id
            """).first(as: (UUID, UUID?).self)?.1
        try await transaction.query("""
            UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = \(userID) AND revoked_at IS NULL
            """)
        try await transaction.query("""
            UPDATE login_codes SET used_at = now() WHERE user_id = \(userID) AND used_at IS NULL
            """)
        database.logger.notice("Unverified password account \(userID) claimed by a verified \(identity.provider.rawValue) sign-in")
        guard let organizationID else { return }
        try await AuditLog.record(
            on: transaction, organizationID: organizationID, actorID: userID,
            action: "user.unverified_password_removed", target: userID.uuidString,
            details: ["provider": identity.provider.rawValue])
        try await Notifications.send(
            on: transaction, organizationID: organizationID, userID: userID,
            kind: "security", title: "Password removed",
            body: "You signed in with \(identity.provider.rawValue == "google" ? "Google" : "GitHub"), which verified \(identity.email). "
                + "A password had been set on this account before the address was verified; it was removed and all other sessions were signed out. "
                + "Set a new password if you want one.")
    }

    private static func binds(_ values: String?...) throws -> PostgresBindings {
        var bindings = PostgresBindings()
        for value in values { bindings.append(value) }
        return bindings
    }

    // MARK: - Personal organization

    private func createPersonalOrganizationUnlessInvited(
        userID: UUID, email: String, displayName: String?, on transaction: Transaction
    ) async throws {
        let invited = try await transaction.query("""
            SELECT 1 FROM invitations WHERE lower(email) = \(email) AND accepted_at IS NULL AND expires_at > now() LIMIT 1
            """).first(as: Int.self) != nil
        guard !invited else { return }
        let owner = displayName?.split(separator: " ").first.map(String.init) ?? String(email.split(separator: "@")[0])
        _ = try await OrganizationStore.createPersonal(base: "\(owner)'s organization", adminID: userID, on: transaction)
    }
}
