import Foundation
import Logging
import NIOCore
import PostgresHelpers
import PostgresNIO

/// One connection to a target database on which the advisor asks the planner questions.
/// Every cell comes back as text; queries cast non-text columns with `::text`.
public protocol PlannerSession: Sendable {
    /// Runs one statement with text bind parameters and returns its rows.
    func rows(_ sql: String, _ binds: [String?]) async throws -> [[String?]]
}

extension PlannerSession {
    /// Runs one statement without parameters, ignoring its rows.
    public func execute(_ sql: String) async throws {
        _ = try await rows(sql, [])
    }
}

/// A ``PlannerSession`` over a postgres-nio connection.
public struct ConnectionPlannerSession: PlannerSession {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    public func rows(_ sql: String, _ binds: [String?]) async throws -> [[String?]] {
        var bindings = PostgresBindings()
        for bind in binds {
            if let bind { bindings.append(bind) } else { bindings.appendNull() }
        }
        let sequence = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
        var result: [[String?]] = []
        for try await row in sequence {
            result.append(row.map { cell in cell.bytes.map { String(buffer: $0) } })
        }
        return result
    }
}
