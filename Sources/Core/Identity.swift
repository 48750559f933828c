import Foundation

/// The signed-in user, as established from a verified access token.
public struct AuthenticatedUser: Sendable, Equatable {
    public let id: UUID
    public let email: String
    /// The user's active organization (`users.organization_id`), if any.
    public let activeOrganizationID: UUID?
    /// The profile, when it was read together with the identity (every authenticated request).
    public let profile: UserProfile?

    public init(id: UUID, email: String, activeOrganizationID: UUID?, profile: UserProfile? = nil) {
        self.id = id
        self.email = email
        self.activeOrganizationID = activeOrganizationID
        self.profile = profile
    }
}

/// What a user shows of themself (`GET /users/me`).
public struct UserProfile: Sendable, Equatable {
    public let fullName: String?
    public let picture: String?
    public let createdAt: Date
    /// A GitHub token is stored for the user.
    public let githubConnected: Bool
    /// The user's role in their active organization, when they are (still) a member of it.
    public let activeOrganizationRole: Role?

    public init(fullName: String?, picture: String?, createdAt: Date, githubConnected: Bool, activeOrganizationRole: Role?) {
        self.fullName = fullName
        self.picture = picture
        self.createdAt = createdAt
        self.githubConnected = githubConnected
        self.activeOrganizationRole = activeOrganizationRole
    }
}

/// The organization a request acts in and the caller's role there.
public struct OrganizationMembership: Sendable, Equatable {
    public let organizationID: UUID
    public let role: Role

    public init(organizationID: UUID, role: Role) {
        self.organizationID = organizationID
        self.role = role
    }
}
