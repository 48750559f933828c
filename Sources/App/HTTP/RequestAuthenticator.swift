import Auth
import Core
import Database
import Foundation
import Hummingbird

/// Turns a bearer token into the signed-in user, and answers membership questions.
struct RequestAuthenticator: Sendable {
    let accessTokens: AccessTokenIssuer
    let database: Database

    /// Verifies the `Authorization: Bearer` access token and loads its user.
    func user(from request: Request) async throws -> AuthenticatedUser {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw AppError.unauthorized()
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        let userID: UUID
        do {
            let claims = try await accessTokens.verify(token)
            guard let id = UUID(uuidString: claims.sub.value) else { throw AppError.unauthorized() }
            userID = id
        } catch {
            throw AppError.unauthorized("The access token is invalid or expired.", code: "invalid_token")
        }
        let logger = database.logger
        let row = try await database.withTenant(TenantScope(userID: userID)) { connection in
            try await connection.query(
                "SELECT email, organization_id FROM users WHERE id = \(userID)", logger: logger
            ).first(as: (String, UUID?).self)
        }
        guard let (email, active) = row else {
            throw AppError.unauthorized("This account no longer exists.", code: "invalid_token")
        }
        return AuthenticatedUser(id: userID, email: email, activeOrganizationID: active)
    }

    /// The user's role in `organizationID`, or nil when they are not a member.
    func role(of userID: UUID, in organizationID: UUID) async throws -> Role? {
        let logger = database.logger
        let role = try await database.withTenant(TenantScope(userID: userID)) { connection in
            try await connection.query("""
                SELECT role::text FROM memberships WHERE user_id = \(userID) AND organization_id = \(organizationID)
                """, logger: logger).first(as: String.self)
        }
        return role.flatMap(Role.init(rawValue:))
    }
}
