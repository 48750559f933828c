import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird

/// Enforces the policy declared for the matched route, and fails closed: a route without a
/// declared policy answers 404.
///
/// For signed-in routes the whole request is one transaction (``Database/withRequest(_:_:)``):
/// its first statement reads the user, the membership of the organization the request acts in
/// (the `{id}` of `/organizations/{id}/…`, else the `X-Organization-Id` header, else the user's
/// active organization) and the session, and switches to the tenant role and scope; then the
/// role is checked (another organization's resources answer 404, a role too low 403) and the
/// handler runs in the same transaction. Routes that call outside services check the policy in
/// one statement and leave their transactions to the handler; routes that answer from the
/// caller's identity need nothing but that statement (see ``DatabaseUse``).
struct PolicyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let registry: PolicyRegistry
    let authenticator: RequestAuthenticator
    let database: Database

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let path = context.endpointPath, let route = registry.declaration(method: request.method, path: path) else {
            throw AppError.notFound("Route")
        }
        if route.policy == .public { return try await next(request, context) }

        let (userID, sessionID) = try await authenticator.verifiedClaims(from: request)
        let inOrganization = route.policy != .user
        let named = inOrganization ? try namedOrganization(request: request, path: path, context: context) : nil
        let claims = RequestClaims(userID: userID, sessionID: sessionID, organizationID: named, inOrganization: inOrganization)

        switch route.databaseUse {
        case .requestTransaction:
            return try await database.withRequest(claims) { identity in
                try await next(request, try authorize(identity, route.policy, named: named, context: context))
            }
        case .callsOutside, .identityOnly:
            let identity = try await database.authenticate(claims)
            return try await next(request, try authorize(identity, route.policy, named: named, context: context))
        }
    }

    /// The context with the caller's identity, once `policy` allows them; throws 401/403/404.
    private func authorize(
        _ identity: RequestIdentity?, _ policy: RoutePolicy, named: UUID?, context: Context
    ) throws -> Context {
        guard let identity else {
            throw AppError.unauthorized("This account no longer exists.", code: "invalid_token")
        }
        guard identity.sessionActive else {
            throw AppError.unauthorized("This session has ended; sign in again.", code: "session_ended")
        }
        var context = context
        context.user = identity.user
        guard policy != .user else { return context }
        guard let membership = identity.membership else {
            if named != nil { throw AppError.notFound("Organization") }
            guard identity.user.activeOrganizationID != nil else {
                throw AppError(.forbidden, code: "no_organization",
                               message: "You have no active organization; create one or accept an invitation.")
            }
            throw AppError.forbidden("You are not a member of your active organization any more.")
        }
        try check(policy, role: membership.role, user: identity.user, context: context)
        context.membership = membership
        return context
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
