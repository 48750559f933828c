import Foundation

/// A customer query that passed ``StatementGuard``: exactly one statement that can safely be run
/// under `EXPLAIN ANALYZE` in a transaction that is always rolled back.
public struct ExplainStatement: Sendable, Equatable {
    public enum Access: String, Sendable {
        /// SELECT or WITH without data-modifying parts: runs in `BEGIN READ ONLY`.
        case read
        /// INSERT, UPDATE, DELETE, MERGE or a data-modifying CTE: needs the project's opt-in.
        case write
    }

    /// The statement text (trimmed, without a trailing `;`).
    public let sql: String
    /// The statement kind from the parse tree (`select`, `insert`, …).
    public let kind: String
    public let access: Access
    /// libpg_query's fingerprint (same query shape, same fingerprint).
    public let fingerprint: String
}
