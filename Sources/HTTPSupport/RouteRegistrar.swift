import Core
import Hummingbird

/// Registers routes together with their policy, so that no route exists without one.
///
/// Handlers of `user` routes receive a ``UserRequestContext`` and handlers of organization routes
/// a ``TenantRequestContext``: a tenant handler cannot be written without a user and organization.
public struct RouteRegistrar {
    public let router: Router<AppRequestContext>
    public let registry: PolicyRegistry

    public init(router: Router<AppRequestContext>, registry: PolicyRegistry) {
        self.router = router
        self.registry = registry
    }

    private func declare(
        _ method: HTTPRequest.Method, _ path: String, _ policy: RoutePolicy, database: DatabaseUse = .requestTransaction
    ) -> RouterPath {
        let routerPath = RouterPath(path)
        registry.declare(method: method, path: routerPath.description, policy: policy, databaseUse: database)
        return routerPath
    }

    /// A route anyone may call.
    public func `public`<Output: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: String,
        use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Output
    ) {
        router.on(declare(method, path, .public), method: method, use: handler)
    }

    /// A route for any signed-in user. `database`: see ``DatabaseUse``.
    public func user<Output: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: String, database: DatabaseUse = .requestTransaction,
        use handler: @escaping @Sendable (Request, UserRequestContext) async throws -> Output
    ) {
        router.group(context: UserRequestContext.self)
            .on(declare(method, path, .user, database: database), method: method, use: handler)
    }

    /// A route in the active organization for callers with at least `minimum` role.
    /// `database`: see ``DatabaseUse``.
    public func tenant<Output: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: String, minimum: Role, database: DatabaseUse = .requestTransaction,
        use handler: @escaping @Sendable (Request, TenantRequestContext) async throws -> Output
    ) {
        tenant(method, path, policy: .role(minimum), database: database, use: handler)
    }

    /// A route in the active organization under an explicit policy.
    public func tenant<Output: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: String, policy: RoutePolicy, database: DatabaseUse = .requestTransaction,
        use handler: @escaping @Sendable (Request, TenantRequestContext) async throws -> Output
    ) {
        router.group(context: TenantRequestContext.self)
            .on(declare(method, path, policy, database: database), method: method, use: handler)
    }
}
