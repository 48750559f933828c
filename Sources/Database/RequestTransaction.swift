import Foundation

/// The transaction of the request being served, bound to its task so that every
/// ``Database/withTenant(_:_:)`` and ``Database/withSystem(_:)`` of the request joins it.
final class RequestTransaction: Sendable {
    @TaskLocal static var current: RequestTransaction?

    /// The pool the transaction belongs to (another ``Database`` never joins it).
    let pool: ObjectIdentifier
    let transaction: Transaction
    /// The request's own scope (what its tenant statements see).
    let scope: TenantScope

    init(pool: ObjectIdentifier, transaction: Transaction, scope: TenantScope) {
        self.pool = pool
        self.transaction = transaction
        self.scope = scope
    }

    /// Runs `body` under a savepoint as `role` with `scope`, then returns to the request's role
    /// and scope. A failure rolls back to the savepoint (which also restores role and scope), so
    /// the request's transaction stays usable when the caller handles the error.
    func nested<T: Sendable>(
        role: String, scope: TenantScope, _ body: @Sendable (Transaction) async throws -> T
    ) async throws -> T {
        try await transaction.query("SAVEPOINT nested")
        do {
            try await transaction.apply(scope, role: role)
            let value = try await body(transaction)
            try await transaction.query("RELEASE SAVEPOINT nested")
            try await transaction.apply(self.scope, role: Database.tenantRole)
            return value
        } catch {
            _ = try? await transaction.query("ROLLBACK TO SAVEPOINT nested")
            throw error
        }
    }
}
