import Core
import Extraction
import Foundation
import HTTPSupport
import Hummingbird

/// Enforces the policy declared for the matched route, and fails closed: a route without a
/// declared policy answers 404.
///
/// For organization routes it resolves the organization (the `{id}` of `/organizations/{id}/…`,
/// else the `X-Organization-Id` header, else the user's active organization), checks membership
/// (another organization's resources answer 404) and the minimum role (403).
struct PolicyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let registry: PolicyRegistry
    let authenticator: RequestAuthenticator

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let path = context.endpointPath, let policy = registry.policy(method: request.method, path: path) else {
            throw AppError.notFound("Route")
        }
        var context = context
        switch policy {
        case .public:
            break
        case .user:
            let userID = try await authenticator.verifiedUserID(from: request)
            context.user = try await authenticator.identity(userID: userID, organizationID: nil).0
        case .role, .adminOrSelf:
            let userID = try await authenticator.verifiedUserID(from: request)
            let named = try namedOrganization(request: request, path: path, context: context)
            let (user, membership) = try await authenticator.identity(userID: userID, organizationID: named)
            guard let membership else {
                if named != nil { throw AppError.notFound("Organization") }
                guard user.activeOrganizationID != nil else {
                    throw AppError(.forbidden, code: "no_organization",
                                   message: "You have no active organization; create one or accept an invitation.")
                }
                throw AppError.forbidden("You are not a member of your active organization any more.")
            }
            try check(policy, role: membership.role, user: user, context: context)
            context.user = user
            context.membership = membership
        }
        return try await next(request, context)
    }

    /// The organization a request names: the `{id}` of `/organizations/{id}/…`, else the
    /// `X-Organization-Id` header; nil means the user's active organization. A malformed id is 404.
    private func namedOrganization(request: Request, path: String, context: Context) throws -> UUID? {
        if path.hasPrefix("/organizations/{id}") {
            return try Validate.id(context.parameters.get("id"), what: "Organization")
        }
        if let header = request.headers[.organizationID], !header.isEmpty {
            return try Validate.id(header, what: "Organization")
        }
        return nil
    }

    private func check(_ policy: RoutePolicy, role: Role, user: AuthenticatedUser, context: Context) throws {
        switch policy {
        case .role(let minimum) where role < minimum:
            throw AppError.forbidden("This action needs the \(minimum.rawValue) role; you are \(role.rawValue).")
        case .adminOrSelf(let parameter) where role != .admin:
            guard context.parameters.get(parameter).flatMap(UUID.init(uuidString:)) == user.id else {
                throw AppError.forbidden("Only an admin or the member themself can do this.")
            }
        default:
            break
        }
    }
}
