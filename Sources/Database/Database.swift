import Core
import Foundation
import Logging
import PostgresNIO

/// Who a transaction acts for. Row-level security policies read these settings.
public struct TenantScope: Sendable {
    public var organizationID: UUID?
    public var userID: UUID?
    public var userEmail: String?

    public init(organizationID: UUID? = nil, userID: UUID? = nil, userEmail: String? = nil) {
        self.organizationID = organizationID
        self.userID = userID
        self.userEmail = userEmail
    }
}

/// dbooster's own database. All access goes through one of two clearly named paths:
///
/// - ``withTenant(_:_:)`` runs as the `dbooster_tenant` role (no BYPASSRLS, owns nothing) with the
///   organization and user set transaction-locally; row-level security decides what is visible.
/// - ``withSystem(_:)`` runs as `dbooster_system` for work that belongs to no single tenant:
///   sign-in lookups, token rotation, webhooks, job queues.
public struct Database: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Runs `body` in a transaction as the tenant role with `scope` applied.
    @discardableResult
    public func withTenant<T: Sendable>(
        _ scope: TenantScope,
        _ body: @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await transaction { connection in
            try await Self.apply(scope, role: "dbooster_tenant", on: connection, logger: logger)
            return try await body(connection)
        }
    }

    /// Runs `body` in a transaction as the system role. Use only for work that has no tenant.
    @discardableResult
    public func withSystem<T: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await transaction { connection in
            try await connection.query("SET LOCAL ROLE dbooster_system", logger: logger)
            return try await body(connection)
        }
    }

    /// Switches the organization of a running tenant transaction (e.g. after accepting an
    /// invitation, once the invitation itself has been checked).
    public static func apply(_ scope: TenantScope, on connection: PostgresConnection, logger: Logger) async throws {
        try await apply(scope, role: nil, on: connection, logger: logger)
    }

    /// Sets the scope (and, when given, the role) transaction-locally in one round trip;
    /// `set_config('role', …, true)` is `SET LOCAL ROLE`.
    private static func apply(_ scope: TenantScope, role: String?, on connection: PostgresConnection, logger: Logger) async throws {
        let org = scope.organizationID?.uuidString ?? ""
        let user = scope.userID?.uuidString ?? ""
        let email = scope.userEmail ?? ""
        try await connection.query("""
            SELECT set_config('role', COALESCE(\(role), current_setting('role')), true),
                   set_config('app.organization_id', \(org), true),
                   set_config('app.user_id', \(user), true),
                   set_config('app.user_email', \(email), true)
            """, logger: logger)
    }

    /// Checks that the database answers.
    public func ping() async throws {
        try await client.query("SELECT 1", logger: logger)
    }

    // MARK: - Transactions

    /// A transaction that rethrows the closure's own error (not a wrapper), so that
    /// ``AppError``s raised inside reach the client unchanged.
    private func transaction<T: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            let value: T
            do {
                value = try await body(connection)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
            try await connection.query("COMMIT", logger: logger)
            return value
        }
    }
}

// MARK: - Errors

extension PSQLError {
    /// The SQLSTATE of a server error, e.g. `23505` for a unique violation.
    public var sqlState: String? { serverInfo?[.sqlState] }
    /// The constraint a server error names, if any.
    public var constraintName: String? { serverInfo?[.constraintName] }
}

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
}
