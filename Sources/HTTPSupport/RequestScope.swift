import Foundation
import Database

// MARK: - Scopes of request contexts

extension TenantRequestContext {
    /// The organization and user this request acts for.
    public var scope: TenantScope {
        TenantScope(organizationID: organizationID, userID: user.id, userEmail: user.email)
    }
}

extension UserRequestContext {
    /// The signed-in user, with no organization.
    public var scope: TenantScope { TenantScope(userID: user.id, userEmail: user.email) }

    /// The signed-in user in their active organization (`users.organization_id`), if any.
    public var activeOrganizationScope: TenantScope {
        TenantScope(organizationID: user.activeOrganizationID, userID: user.id, userEmail: user.email)
    }

    /// The signed-in user acting in `organizationID`, once their membership there is established
    /// inside the same transaction (e.g. right after accepting an invitation).
    public func scope(in organizationID: UUID) -> TenantScope {
        TenantScope(organizationID: organizationID, userID: user.id, userEmail: user.email)
    }
}
