import Foundation
import Logging
@_exported import PostgresHelpers
import PostgresNIO

/// dbooster's own database. All access goes through one of two clearly named paths:
///
/// - ``withTenant(_:_:)`` runs as the `dbooster_tenant` role (no BYPASSRLS, owns nothing) with the
///   organization and user set transaction-locally; row-level security decides what is visible.
/// - ``withSystem(_:)`` runs as `dbooster_system` for work that belongs to no single tenant:
///   sign-in lookups, token rotation, webhooks, job queues.
///
/// The pool itself is internal: no code outside this module can run a statement outside one of
/// those transactions.
public struct Database: Sendable {
    let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Runs `body` in a transaction as the tenant role with `scope` applied.
    @discardableResult
    public func withTenant<T: Sendable>(
        _ scope: TenantScope,
        _ body: @Sendable (Transaction) async throws -> T
    ) async throws -> T {
        try await transaction { transaction in
            try await transaction.apply(scope, role: "dbooster_tenant")
            return try await body(transaction)
        }
    }

    /// Runs `body` in a transaction as the system role. Use only for work that has no tenant.
    @discardableResult
    public func withSystem<T: Sendable>(
        _ body: @Sendable (Transaction) async throws -> T
    ) async throws -> T {
        try await transaction { transaction in
            try await transaction.query("SET LOCAL ROLE dbooster_system")
            return try await body(transaction)
        }
    }

    /// Checks that the database answers.
    public func ping() async throws {
        try await client.query("SELECT 1", logger: logger)
    }

    /// Applies `migrations` that are not applied yet (see ``Migrator``).
    @discardableResult
    public func migrate(_ migrations: [Migrator.Migration]) async throws -> [Int] {
        try await Migrator(migrations: migrations, logger: logger).run(on: client)
    }

    // MARK: - Transactions

    /// A transaction that rethrows the closure's own error (not a wrapper), so that errors
    /// raised inside reach the caller unchanged.
    private func transaction<T: Sendable>(
        _ body: @Sendable (Transaction) async throws -> T
    ) async throws -> T {
        try await client.withConnection { connection in
            let transaction = Transaction(connection: connection, logger: logger)
            try await transaction.query("BEGIN")
            let value: T
            do {
                value = try await body(transaction)
            } catch {
                _ = try? await transaction.query("ROLLBACK")
                throw error
            }
            try await transaction.query("COMMIT")
            return value
        }
    }
}

/// One open transaction on dbooster's database, with the logger its statements log to.
public struct Transaction: Sendable {
    let connection: PostgresConnection
    public let logger: Logger

    /// Runs one statement; values interpolated into `query` are sent as bind parameters.
    @discardableResult
    public func query(
        _ query: PostgresQuery, file: String = #fileID, line: Int = #line
    ) async throws -> PostgresRowSequence {
        try await connection.query(query, logger: logger, file: file, line: line)
    }

    /// Runs a prepared statement (parsed and planned once per connection).
    public func execute<Statement: PostgresPreparedStatement>(
        _ statement: Statement, file: String = #fileID, line: Int = #line
    ) async throws -> AsyncThrowingMapSequence<PostgresRowSequence, Statement.Row> {
        try await connection.execute(statement, logger: logger, file: file, line: line)
    }

    /// Switches the organization of a running tenant transaction (e.g. after accepting an
    /// invitation, once the invitation itself has been checked).
    public func switchScope(to scope: TenantScope) async throws {
        try await apply(scope, role: nil)
    }

    /// Sets the scope (and, when given, the role) transaction-locally in one round trip;
    /// `set_config('role', …, true)` is `SET LOCAL ROLE`.
    func apply(_ scope: TenantScope, role: String?) async throws {
        let org = scope.organizationID?.uuidString.lowercased() ?? ""
        let user = scope.userID?.uuidString.lowercased() ?? ""
        let email = scope.userEmail ?? ""
        try await query("""
            SELECT set_config('role', COALESCE(\(role), current_setting('role')), true),
                   set_config('app.organization_id', \(org), true),
                   set_config('app.user_id', \(user), true),
                   set_config('app.user_email', \(email), true)
            """)
    }
}
