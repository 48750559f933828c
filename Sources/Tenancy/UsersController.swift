import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird

/// `GET /users/me`.
public struct UsersController: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public func register(_ routes: RouteRegistrar) {
        routes.user(.get, "/users/me") { _, context in try await me(context) }
    }

    struct Me: ResponseEncodable {
        let id: UUID
        let email: String
        @Nullable var full_name: String?
        @Nullable var picture: String?
        @Nullable var organization_id: UUID?
        @Nullable var role: String?
        let created_at: Date
        let github_connected: Bool
    }

    private func me(_ context: UserRequestContext) async throws -> Me {
        let row = try await database.withTenant(context.scope) { transaction in
            try await transaction.query("""
                SELECT u.id, u.email, u.full_name, u.picture, u.organization_id, m.role::text, u.created_at,
                       u.github_token IS NOT NULL
                FROM users u
                LEFT JOIN memberships m ON m.organization_id = u.organization_id AND m.user_id = u.id
                WHERE u.id = \(context.user.id)
                """).first(as: (UUID, String, String?, String?, UUID?, String?, Date, Bool).self)
        }
        guard let row else { throw AppError.unauthorized("This account no longer exists.") }
        return Me(id: row.0, email: row.1, full_name: row.2, picture: row.3,
                  organization_id: row.5 == nil ? nil : row.4, role: row.5, created_at: row.6, github_connected: row.7)
    }
}
