import Advisor
import Foundation
import PgQuery

/// Groups `pg_stat_statements` rows by libpg_query fingerprint (several rows share one: other
/// users, other query ids for the same shape) and keeps the statements worth listing.
struct WorkloadAggregator: Sendable {
    /// A statement of the workload with its summed counters.
    struct Statement: Sendable {
        var fingerprint: String
        var query: String
        var calls = 0
        var totalMS = 0.0
        var rows = 0
        var sharedHit = 0
        var sharedRead = 0
        /// Its most expensive row's time, to pick the text shown.
        var topMS = -1.0
    }

    struct Result: Sendable {
        /// Listable statements, most total time first.
        var statements: [Statement]
        /// Distinct fingerprints in the database, listable or not.
        var distinct: Int
        /// Total execution time of every statement of the database.
        var totalMS: Double
        /// Rows whose text did not parse (truncated by track_activity_query_size, say).
        var unparsed: Int
        /// Rows of other users whose text the role may not see (no pg_read_all_stats).
        var hidden = 0
    }

    /// Statements that read no user table (session settings, catalog reads, dbooster's own
    /// probes, `SELECT 1`) and utility statements count in the total but are not listed.
    func aggregate(_ rows: [StatementStats]) -> Result {
        var byFingerprint: [String: Statement] = [:]
        var listable: Set<String> = []
        var unparsed = 0
        var hidden = 0
        var total = 0.0
        for row in rows {
            total += row.totalMS
            if row.query == "<insufficient privilege>" {
                hidden += 1
                continue
            }
            guard let tree = try? PgQuery.parse(row.query), tree.statements.count == 1,
                  let fingerprint = try? PgQuery.fingerprint(row.query) else {
                unparsed += 1
                continue
            }
            var statement = byFingerprint[fingerprint] ?? Statement(fingerprint: fingerprint, query: row.query)
            statement.calls += row.calls
            statement.totalMS += row.totalMS
            statement.rows += row.rows
            statement.sharedHit += row.sharedHit
            statement.sharedRead += row.sharedRead
            if row.totalMS > statement.topMS {
                statement.topMS = row.totalMS
                statement.query = row.query
            }
            byFingerprint[fingerprint] = statement
            if Self.isListable(tree) { listable.insert(fingerprint) }
        }
        let statements = byFingerprint.values.filter { listable.contains($0.fingerprint) }
            .sorted { ($0.totalMS, $1.fingerprint) > ($1.totalMS, $0.fingerprint) }
        return Result(statements: statements, distinct: byFingerprint.count, totalMS: total, unparsed: unparsed, hidden: hidden)
    }

    /// A plannable statement (SELECT, WITH, INSERT, UPDATE, DELETE) on at least one user table.
    static func isListable(_ tree: ParseTree) -> Bool {
        guard let kind = tree.statementKind, QueryOptimizer.plannable.contains(kind) else { return false }
        if tree.functionCalls.contains(where: { $0.lowercased().hasPrefix("hypopg") }) { return false }
        return tree.tables.contains { name in
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            let schema = parts.count == 2 ? parts[0] : nil
            let relation = parts.last ?? name
            if let schema, ["pg_catalog", "information_schema"].contains(schema) { return false }
            return !relation.hasPrefix("pg_")
        }
    }
}
