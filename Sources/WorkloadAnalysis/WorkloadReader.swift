import CustomerDatabase
import Foundation
import PostgresNIO

/// One row of `pg_stat_statements` for the connected database.
public struct StatementStats: Sendable, Equatable {
    public var query: String
    public var calls: Int
    public var totalMS: Double
    public var rows: Int
    public var sharedHit: Int
    public var sharedRead: Int

    public init(query: String, calls: Int, totalMS: Double, rows: Int, sharedHit: Int = 0, sharedRead: Int = 0) {
        self.query = query
        self.calls = calls
        self.totalMS = totalMS
        self.rows = rows
        self.sharedHit = sharedHit
        self.sharedRead = sharedRead
    }
}

/// Reads the workload of the connected database from `pg_stat_statements` (PostgreSQL 13+
/// column names), inside the caller's read-only transaction. Only `SELECT`s: it never calls
/// `pg_stat_statements_reset()` and never writes.
public struct WorkloadReader: Sendable {
    /// Rows read at most, the most expensive first.
    public var limit = 5_000

    public init() {}

    /// The statements and, when the server keeps it (14+), when the statistics were last reset.
    /// Throws ``WorkloadUnavailable`` when the extension is missing, not preloaded or unreadable.
    public func read(on session: some PlannerSession) async throws -> (statements: [StatementStats], since: String?) {
        let version = Int(try await session.rows("SELECT current_setting('server_version_num')", []).first?.first.flatMap { $0 } ?? "") ?? 0
        if version < 130_000 {
            throw WorkloadUnavailable(.serverTooOld, detail: "version \(version / 10_000)")
        }
        let schemaRow = try await session.rows("""
            SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname = 'pg_stat_statements'
            """, [])
        guard let schema = schemaRow.first?.first.flatMap({ $0 }) else { throw WorkloadUnavailable(.extensionMissing) }
        let rows: [[String?]]
        do {
            rows = try await session.rows("""
                SELECT s.query, s.calls::text, s.total_exec_time::text, s.rows::text,
                       s.shared_blks_hit::text, s.shared_blks_read::text
                FROM \(schema).pg_stat_statements AS s
                WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND s.query IS NOT NULL
                ORDER BY s.total_exec_time DESC
                LIMIT \(limit)
                """, [])
        } catch let error as PSQLError {
            let state = error.serverInfo?[.sqlState]
            let message = error.serverInfo?[.message] ?? ""
            if state == "55000" || message.contains("shared_preload_libraries") { throw WorkloadUnavailable(.notPreloaded) }
            if state == "42501" { throw WorkloadUnavailable(.insufficientPrivilege, detail: message) }
            throw error
        }
        let statements = rows.compactMap { row -> StatementStats? in
            guard row.count == 6, let query = row[0] else { return nil }
            return StatementStats(query: query, calls: Int(row[1] ?? "") ?? 0, totalMS: Double(row[2] ?? "") ?? 0,
                                  rows: Int(row[3] ?? "") ?? 0, sharedHit: Int(row[4] ?? "") ?? 0,
                                  sharedRead: Int(row[5] ?? "") ?? 0)
        }
        if !statements.isEmpty, statements.allSatisfy({ $0.query == "<insufficient privilege>" }) {
            throw WorkloadUnavailable(.insufficientPrivilege, detail: "every statement text reads <insufficient privilege>")
        }
        var since: String?
        if version >= 140_000 {
            since = try await session.rows(
                "SELECT to_char(stats_reset AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM \(schema).pg_stat_statements_info",
                []).first?.first.flatMap { $0 }
        }
        return (statements, since)
    }
}
