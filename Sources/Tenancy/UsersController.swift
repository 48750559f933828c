import Core
import Foundation
import HTTPSupport
import Hummingbird

/// `GET /users/me`.
public struct UsersController: Sendable {
    public init() {}

    public func register(_ routes: RouteRegistrar) {
        routes.user(.get, "/users/me", database: .identityOnly) { _, context in try me(context) }
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

    /// The caller's profile, read with their identity in this request's first statement.
    private func me(_ context: UserRequestContext) throws -> Me {
        let user = context.user
        guard let profile = user.profile else { throw AppError.unauthorized("This account no longer exists.") }
        let role = profile.activeOrganizationRole
        return Me(id: user.id, email: user.email, full_name: profile.fullName, picture: profile.picture,
                  organization_id: role == nil ? nil : user.activeOrganizationID, role: role?.rawValue,
                  created_at: profile.createdAt, github_connected: profile.githubConnected)
    }
}
