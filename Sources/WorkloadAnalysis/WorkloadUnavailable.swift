import Foundation

/// `pg_stat_statements` cannot be read on the target: what is missing and how to enable it.
/// The API answers 422 `pg_stat_statements_unavailable`, the CLI exits 2 with the same message.
public struct WorkloadUnavailable: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        /// The extension is not created in the database.
        case extensionMissing
        /// The library is not in `shared_preload_libraries`.
        case notPreloaded
        /// The server is older than PostgreSQL 13 (other column names).
        case serverTooOld
        /// The role may not read other users' statements.
        case insufficientPrivilege
    }

    public static let code = "pg_stat_statements_unavailable"

    public let reason: Reason
    public let message: String

    public init(_ reason: Reason, detail: String = "") {
        self.reason = reason
        let enable = "add pg_stat_statements to shared_preload_libraries in postgresql.conf "
            + "(shared_preload_libraries = 'pg_stat_statements'), restart the server, then run "
            + "CREATE EXTENSION pg_stat_statements; in this database as a superuser, and let the "
            + "application run for a while"
        switch reason {
        case .extensionMissing:
            message = "pg_stat_statements is not installed in this database. To enable it: \(enable)."
        case .notPreloaded:
            message = "pg_stat_statements is installed but not loaded (it must be preloaded). To enable it: \(enable)."
        case .serverTooOld:
            message = "Workload analysis needs PostgreSQL 13 or later (pg_stat_statements' total_exec_time)\(detail.isEmpty ? "" : "; the server is \(detail)")."
        case .insufficientPrivilege:
            message = "The database role may not read pg_stat_statements\(detail.isEmpty ? "" : " (\(detail))"). "
                + "Grant it the pg_read_all_stats (or pg_monitor) role: GRANT pg_read_all_stats TO <role>;"
        }
    }

    public var description: String { "\(Self.code): \(message)" }
}
