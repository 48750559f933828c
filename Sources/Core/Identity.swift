import Foundation

/// The signed-in user, as established from a verified access token.
public struct AuthenticatedUser: Sendable, Equatable {
    public let id: UUID
    public let email: String
    /// The user's active organization (`users.organization_id`), if any.
    public let activeOrganizationID: UUID?

    public init(id: UUID, email: String, activeOrganizationID: UUID?) {
        self.id = id
        self.email = email
        self.activeOrganizationID = activeOrganizationID
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
