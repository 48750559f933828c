import Auth
import Core
import Database
import Extraction
import Foundation
import HTTPSupport
import Hummingbird

/// Turns a bearer token into the signed-in user and, in the same database round trip, their
/// membership of the organization a request acts in.
struct RequestAuthenticator: Sendable {
    let accessTokens: AccessTokenIssuer
    let database: Database

    /// The user id of a valid `Authorization: Bearer` access token (no database work).
    func verifiedUserID(from request: Request) async throws -> UUID {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw AppError.unauthorized()
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        do {
            let claims = try await accessTokens.verify(token)
            guard let id = UUID(uuidString: claims.sub.value) else { throw AppError.unauthorized() }
            return id
        } catch {
            throw AppError.unauthorized("The access token is invalid or expired.", code: "invalid_token")
        }
    }

    /// The user, and their membership of `organizationID` (or of their active organization when
    /// nil) if they have one.
    func identity(userID: UUID, organizationID: UUID?) async throws -> (AuthenticatedUser, OrganizationMembership?) {
        let row = try await database.withTenant(TenantScope(userID: userID)) { transaction in
            try await transaction.query("""
                SELECT u.email, u.organization_id, m.organization_id, m.role::text
                FROM users u
                LEFT JOIN memberships m ON m.user_id = u.id AND m.organization_id = COALESCE(\(organizationID), u.organization_id)
                WHERE u.id = \(userID)
                """).first(as: (String, UUID?, UUID?, String?).self)
        }
        guard let (email, active, memberOf, roleText) = row else {
            throw AppError.unauthorized("This account no longer exists.", code: "invalid_token")
        }
        let user = AuthenticatedUser(id: userID, email: email, activeOrganizationID: active)
        guard let memberOf, let role = roleText.flatMap(Role.init(rawValue:)) else { return (user, nil) }
        return (user, OrganizationMembership(organizationID: memberOf, role: role))
    }
}
