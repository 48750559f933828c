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
    let watches = ConnectionWatches()

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Runs `body` in a transaction as the tenant role with `scope` applied.
    ///
    /// Inside a request's transaction (``withRequest(_:_:)``) it runs in that transaction: as it
    /// is when `scope` is the request's own, else under a savepoint with `scope` applied.
    @discardableResult
    public func withTenant<T: Sendable>(
        _ scope: TenantScope,
        _ body: @Sendable (Transaction) async throws -> T
    ) async throws -> T {
        if let request = RequestTransaction.current, request.pool == ObjectIdentifier(client) {
            if scope == request.scope { return try await body(request.transaction) }
            return try await request.nested(role: Self.tenantRole, scope: scope, body)
        }
        return try await transaction { transaction in
            try await transaction.apply(scope, role: Self.tenantRole)
            return try await body(transaction)
        }
    }

    /// Runs `body` in a transaction as the system role. Use only for work that has no tenant.
    ///
    /// Inside a request's transaction it runs there under a savepoint, so that it commits (or
    /// not) with the request and needs no second connection.
    @discardableResult
    public func withSystem<T: Sendable>(
        _ body: @Sendable (Transaction) async throws -> T
    ) async throws -> T {
        if let request = RequestTransaction.current, request.pool == ObjectIdentifier(client) {
            return try await request.nested(role: Self.systemRole, scope: request.scope, body)
        }
        return try await transaction { transaction in
            try await transaction.query("SET LOCAL ROLE dbooster_system")
            return try await body(transaction)
        }
    }

    // MARK: - Requests

    /// Authenticates a request and runs `body` in the request's one transaction.
    ///
    /// One round trip reads the user, the membership and the session and switches the transaction
    /// to the tenant role and the request's scope; `body` (the policy check, then the handler)
    /// receives the identity — nil when the user no longer exists — and every ``withTenant(_:_:)``
    /// and ``withSystem(_:)`` it makes runs in this same transaction. Committed when `body`
    /// returns, rolled back when it throws.
    public func withRequest<T: Sendable>(
        _ claims: RequestClaims,
        _ body: (RequestIdentity?) async throws -> T
    ) async throws -> T {
        try await transaction { transaction in
            let row = try await transaction.execute(AuthenticateRequest(claims: claims)).first
            let identity = IdentityRead.identity(row, claims: claims)
            let scope = TenantScope(
                organizationID: claims.inOrganization ? identity?.membership?.organizationID : nil,
                userID: claims.userID, userEmail: identity?.user.email)
            let request = RequestTransaction(pool: ObjectIdentifier(client), transaction: transaction, scope: scope)
            return try await RequestTransaction.$current.withValue(request) { try await body(identity) }
        }
    }

    /// Authenticates a request in one statement of its own, outside any transaction: for routes
    /// that call outside services and so open their transactions step by step (a connection is
    /// never held across an outside call), and for routes that answer from the identity alone.
    public func authenticate(_ claims: RequestClaims) async throws -> RequestIdentity? {
        let row = try await client.withConnection { connection in
            try await Transaction(connection: connection, logger: logger, watches: watches)
                .execute(IdentityRead(claims: claims)).first
        }
        return IdentityRead.identity(row, claims: claims)
    }

    static let tenantRole = "dbooster_tenant"
    static let systemRole = "dbooster_system"

    /// Checks that the database answers.
    public func ping() async throws {
        try await client.withConnection { connection in
            _ = try await Transaction(connection: connection, logger: logger, watches: watches).query("SELECT 1")
        }
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
        _ body: (Transaction) async throws -> T
    ) async throws -> T {
        try await client.withConnection { connection in
            let transaction = Transaction(connection: connection, logger: logger, watches: watches)
            try await transaction.query("BEGIN")
            let value: T
            do {
                value = try await body(transaction)
            } catch {
                _ = try? await transaction.query("ROLLBACK")
                throw error
            }
            try await transaction.commit()
            return value
        }
    }
}

/// One open transaction on dbooster's database, with the logger its statements log to.
///
/// Every statement ends when the connection closes under it (``DatabaseConnectionLost``), never
/// hangs: see ``ConnectionWatches``.
public struct Transaction: Sendable {
    let connection: PostgresConnection
    public let logger: Logger
    let watches: ConnectionWatches

    /// Runs one statement; values interpolated into `query` are sent as bind parameters.
    @discardableResult
    public func query(
        _ query: PostgresQuery, file: String = #fileID, line: Int = #line
    ) async throws -> PostgresRowSequence {
        try await watches.run(on: connection) { [connection, logger] in
            try await connection.query(query, logger: logger, file: file, line: line)
        }
    }

    /// Runs a prepared statement (parsed and planned once per connection) and returns its rows.
    public func execute<Statement: PostgresPreparedStatement>(
        _ statement: Statement, file: String = #fileID, line: Int = #line
    ) async throws -> [Statement.Row] where Statement.Row: Sendable {
        try await watches.run(on: connection) { [connection, logger] in
            var rows: [Statement.Row] = []
            for try await row in try await connection.execute(statement, logger: logger, file: file, line: line) {
                rows.append(row)
            }
            return rows
        }
    }

    /// Commits; a transaction that failed earlier (an error a caller caught) is rolled back by
    /// the server, and that is an error here, never a silent success.
    func commit() async throws {
        let result = try await watches.run(on: connection) { [connection, logger] in
            try await connection.query("COMMIT", logger: logger).get()
        }
        guard result.metadata.command == "COMMIT" else { throw TransactionRolledBack() }
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

/// A transaction that had failed was rolled back at commit: nothing it wrote was kept.
public struct TransactionRolledBack: Error, Sendable, CustomStringConvertible {
    public var description: String { "the transaction had failed and was rolled back" }
}
