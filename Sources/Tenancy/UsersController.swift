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
        let userID = context.user.id
        let row = try await database.withTenant(context.scope) { transaction in
            try await TenancyStore(transaction).userProfile(userID)
        }
        guard let row else { throw AppError.unauthorized("This account no longer exists.") }
        return Me(id: row.id, email: row.email, full_name: row.fullName, picture: row.picture,
                  organization_id: row.role == nil ? nil : row.organizationID, role: row.role, created_at: row.createdAt,
                  github_connected: row.gitHubConnected)
    }
}
