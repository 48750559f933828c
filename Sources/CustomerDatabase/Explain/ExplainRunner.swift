import Foundation
import Logging
import PostgresHelpers
import PostgresNIO

/// Runs a checked statement under `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` on a target
/// connection, inside a transaction that is always rolled back: `BEGIN READ ONLY` for reads,
/// `BEGIN` for opted-in writes, with `SET LOCAL statement_timeout` and `lock_timeout`.
///
/// Errors: 422 `query_timeout` (statement_timeout), 422 `lock_timeout`, 422 `writes_not_allowed`
/// (the server refused a write in read-only mode), 422 `query_error` (the server's message, e.g. an
/// unknown table), 502 `target_unreachable` when the connection breaks.
public struct ExplainRunner: Sendable {
    public let statementTimeout: Duration
    public let lockTimeout: Duration
    public let logger: Logger

    public init(statementTimeout: Duration, lockTimeout: Duration, logger: Logger) {
        self.statementTimeout = statementTimeout
        self.lockTimeout = lockTimeout
        self.logger = logger
    }

    /// EXPLAIN's JSON output for `statement`. The transaction is rolled back in every case.
    public func run(_ statement: ExplainStatement, on connection: PostgresConnection) async throws -> PlanJSON {
        let begin = statement.access == .read ? "BEGIN READ ONLY" : "BEGIN READ WRITE"
        do {
            try await connection.query(PostgresQuery(unsafeSQL: begin), logger: logger)
            let output: String
            do {
                try await connection.query(PostgresQuery(unsafeSQL:
                    "SET LOCAL statement_timeout = \(statementTimeout.postgresMilliseconds)"), logger: logger)
                try await connection.query(PostgresQuery(unsafeSQL:
                    "SET LOCAL lock_timeout = \(lockTimeout.postgresMilliseconds)"), logger: logger)
                output = try await connection.query(
                    PostgresQuery(unsafeSQL: "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + statement.sql),
                    logger: logger).first(as: String.self) ?? "[]"
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
            try await connection.query("ROLLBACK", logger: logger)
            return try JSONDecoder().decode(PlanJSON.self, from: Data(output.utf8))
        } catch {
            throw Self.translate(error)
        }
    }

    /// Maps a server or connection error to the API's error.
    package static func translate(_ error: any Error) -> any Error {
        if error is TargetError { return error }
        guard let error = error as? PSQLError else { return error }
        switch error.sqlState {
        case "57014":
            return TargetError.refusedQuery("query_timeout",
                "The query ran longer than the statement timeout and was cancelled; nothing was changed.")
        case "55P03":
            return TargetError.refusedQuery("lock_timeout",
                "The query waited too long for a lock held by another session and was cancelled.")
        case "25006":
            return TargetError.refusedQuery("writes_not_allowed", "The query tried to write in a read-only transaction.")
        case .some(let state):
            let message = error.serverInfo?[.message] ?? "the server refused the query"
            return TargetError.refusedQuery("query_error", "The database refused the query (SQLSTATE \(state)): \(message).")
        case .none:
            return TargetError(.unreachable, code: "target_unreachable",
                            message: "The connection to the database broke while explaining: \(TargetDatabase.reason(error)).")
        }
    }
}
