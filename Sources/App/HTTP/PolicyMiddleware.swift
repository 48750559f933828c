import Core
import Foundation
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
            context.user = try await authenticator.user(from: request)
        case .role, .adminOrSelf:
            let user = try await authenticator.user(from: request)
            let (organizationID, explicit) = try targetOrganization(request: request, path: path, context: context, user: user)
            guard let role = try await authenticator.role(of: user.id, in: organizationID) else {
                throw explicit ? AppError.notFound("Organization")
                    : AppError.forbidden("You are not a member of your active organization any more.")
            }
            try check(policy, role: role, user: user, context: context)
            context.user = user
            context.membership = OrganizationMembership(organizationID: organizationID, role: role)
        }
        return try await next(request, context)
    }

    private func targetOrganization(request: Request, path: String, context: Context, user: AuthenticatedUser) throws
        -> (UUID, explicit: Bool)
    {
        if path.hasPrefix("/organizations/{id}") {
            return (try Validate.id(context.parameters.get("id"), what: "Organization"), true)
        }
        if let header = request.headers[.organizationID], !header.isEmpty {
            return (try Validate.id(header, what: "Organization"), true)
        }
        guard let active = user.activeOrganizationID else {
            throw AppError(.forbidden, code: "no_organization",
                           message: "You have no active organization; create one or accept an invitation.")
        }
        return (active, false)
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
