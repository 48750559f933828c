import Foundation
import Logging

/// Explains one customer query against a target database: check, connect, run, analyze.
/// Shared by `POST /query/explain` and `dbooster explain`.
public struct ExplainService: Sendable {
    public let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    /// Checks `sql` (see ``StatementGuard``) without touching any database.
    public func check(_ sql: String, allowWrites: Bool) throws -> ExplainStatement {
        try StatementGuard.check(sql, allowWrites: allowWrites)
    }

    /// Runs a checked statement on `target` (its own connection, closed afterwards).
    public func explain(_ statement: ExplainStatement, on target: TargetDatabase) async throws -> ExplainResult {
        let runner = ExplainRunner(statementTimeout: target.settings.statementTimeout,
                                   lockTimeout: target.settings.lockTimeout, logger: logger)
        let output = try await target.withConnection { connection in
            try await runner.run(statement, on: connection)
        }
        return ExplainResult(explainOutput: output)
    }
}
