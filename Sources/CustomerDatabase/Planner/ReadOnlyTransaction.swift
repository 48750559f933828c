import Foundation
import PostgresHelpers
import PostgresNIO

/// Runs planner work inside `BEGIN READ ONLY` … `ROLLBACK` with statement and lock timeouts, so
/// nothing the advisor does can write to or block the target.
public enum ReadOnlyTransaction {
    /// Per-statement limit inside the transaction.
    public static let statementTimeout = "5s"

    public static func run<T: Sendable>(on session: some PlannerSession, _ body: () async throws -> T) async throws -> T {
        try await session.execute("BEGIN READ ONLY")
        do {
            try await session.execute("SET LOCAL statement_timeout = '\(statementTimeout)'")
            try await session.execute("SET LOCAL lock_timeout = '1s'")
            let value = try await body()
            try await session.execute("ROLLBACK")
            return value
        } catch {
            try? await session.execute("ROLLBACK")
            throw error
        }
    }
}

/// Readable text for errors from the target (the server's message, never connection secrets).
public enum PlannerError {
    public static func message(_ error: any Error) -> String {
        if let error = error as? PSQLError, let message = error.serverInfo?[.message] { return message }
        return String(describing: error)
    }

    /// The SQLSTATE of a server error, nil for anything else (connection failures…).
    public static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }
}
