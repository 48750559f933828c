import Core
import Foundation
import Hummingbird
import NIOConcurrencyHelpers

/// Who may call a route. Declared where the route is registered and enforced by one middleware.
public enum RoutePolicy: Sendable, Hashable, CustomStringConvertible {
    /// No token needed.
    case `public`
    /// Any signed-in user; no organization needed.
    case user
    /// A minimum role in the active organization (or the organization named in the path).
    case role(Role)
    /// An admin of the organization, or the member named by the path parameter themself.
    case adminOrSelf(parameter: String)

    public var description: String {
        switch self {
        case .public: "public"
        case .user: "user"
        case .role(let role): role.rawValue
        case .adminOrSelf: "admin or self"
        }
    }
}

/// A declared route: who may call it, and how its handler uses dbooster's database.
public struct RouteDeclaration: Sendable, Hashable {
    public let policy: RoutePolicy
    public let databaseUse: DatabaseUse
}

/// What a route's handler does with dbooster's database, which decides the request's transaction.
public enum DatabaseUse: Sendable, Hashable {
    /// Statements of its own: the policy check and the handler share one transaction (the default).
    case requestTransaction
    /// It calls an outside service (a customer database, GitHub, Stripe, the AI engine): the
    /// request gets no transaction of its own — its policy check runs in one statement and the
    /// handler opens short transactions between its outside calls, so that no pooled connection
    /// is held across them.
    case callsOutside
    /// None: it answers from the caller's identity, which the policy check reads in one
    /// statement — the request's only one, outside any transaction.
    case identityOnly
}

/// The set of declared routes, keyed by `METHOD /path/{param}`.
///
/// Filled while routes are registered; read by the policy middleware on every request. A route
/// that is reachable but absent here is refused (fail closed).
public final class PolicyRegistry: Sendable {
    private let entries = NIOLockedValueBox<[String: RouteDeclaration]>([:])

    public init() {}

    public static func key(method: HTTPRequest.Method, path: String) -> String {
        "\(method.rawValue) \(path)"
    }

    func declare(method: HTTPRequest.Method, path: String, policy: RoutePolicy, databaseUse: DatabaseUse) {
        let key = Self.key(method: method, path: path)
        entries.withLockedValue { entries in
            precondition(entries[key] == nil, "Route declared twice: \(key)")
            entries[key] = RouteDeclaration(policy: policy, databaseUse: databaseUse)
        }
    }

    /// The declaration of a route, or nil when it has none.
    public func declaration(method: HTTPRequest.Method, path: String) -> RouteDeclaration? {
        entries.withLockedValue { $0[Self.key(method: method, path: path)] }
    }

    public func policy(method: HTTPRequest.Method, path: String) -> RoutePolicy? {
        declaration(method: method, path: path)?.policy
    }

    /// Every declared route, `METHOD /path` → policy.
    public var all: [String: RoutePolicy] { entries.withLockedValue { $0.mapValues(\.policy) } }
}
