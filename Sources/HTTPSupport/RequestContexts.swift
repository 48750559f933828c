import Core
import Foundation
import Hummingbird

/// The request context every route starts with. The policy middleware fills `user` and
/// `membership` after verifying the caller; handlers receive one of the typed child contexts.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by the policy middleware once the access token is verified.
    public var user: AuthenticatedUser?
    /// Set by the policy middleware for organization-scoped routes.
    public var membership: OrganizationMembership?
    /// The client's address, when served over a socket.
    public let remoteAddress: String?

    /// Request bodies above 1 MiB are refused with 413.
    public var maxUploadSize: Int { 1024 * 1024 }
    /// Sorted keys, ISO 8601 dates, lowercase UUIDs.
    public var responseEncoder: APIResponseEncoder { APIResponseEncoder() }

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}

/// Context of a route with the `user` policy: the caller is signed in.
public struct UserRequestContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let user: AuthenticatedUser
    public let remoteAddress: String?
    public var maxUploadSize: Int { 1024 * 1024 }
    public var responseEncoder: APIResponseEncoder { APIResponseEncoder() }

    public init(context: AppRequestContext) throws {
        guard let user = context.user else { throw AppError.unauthorized() }
        self.coreContext = context.coreContext
        self.user = user
        self.remoteAddress = context.remoteAddress
    }
}

/// Context of an organization-scoped route: the caller is signed in and a member of
/// `organizationID` with at least the route's role.
public struct TenantRequestContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let user: AuthenticatedUser
    public let membership: OrganizationMembership
    public var maxUploadSize: Int { 1024 * 1024 }
    public var responseEncoder: APIResponseEncoder { APIResponseEncoder() }

    public var organizationID: UUID { membership.organizationID }
    public var role: Role { membership.role }

    public init(context: AppRequestContext) throws {
        guard let user = context.user else { throw AppError.unauthorized() }
        guard let membership = context.membership else { throw AppError.forbidden("No organization selected.") }
        self.coreContext = context.coreContext
        self.user = user
        self.membership = membership
    }
}
