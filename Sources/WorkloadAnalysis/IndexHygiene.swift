import CustomerDatabase
import Foundation

/// Unused, duplicate and invalid indexes of the connected database, read from the catalog and
/// `pg_stat_user_indexes` inside the caller's read-only transaction. Each comes with a
/// `DROP INDEX CONCURRENTLY` statement that dbooster never runs.
public struct IndexHygiene: Sendable {
    public init() {}

    /// One index as the catalog describes it.
    struct IndexInfo: Sendable, Decodable {
        let schema: String
        let name: String
        let table: String
        let method: String
        /// Key columns (or expressions) in order.
        let keys: [String]
        /// Operator classes, collations and sort options of the keys, plus INCLUDE columns.
        let signature: String
        let predicate: String?
        let unique: Bool
        let primary: Bool
        let constraint: Bool
        let valid: Bool
        let scans: Int
        let size: Int
        let oid: Int

        var qualifiedName: String { "\(schema).\(name)" }
        var qualifiedTable: String { "\(schema).\(table)" }
        var dropSQL: String { "DROP INDEX CONCURRENTLY \(Self.quote(schema)).\(Self.quote(name));" }
        /// Whether dropping it could change behaviour (uniqueness, a constraint, the primary key).
        var enforces: Bool { unique || primary || constraint }

        static func quote(_ name: String) -> String {
            let plain = name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } && !(name.first?.isNumber ?? true)
            return plain ? name : "\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\""
        }
    }

    /// Every index of user tables (partitioned parents and their partitions' indexes excepted),
    /// as JSON from one catalog query.
    func indexes(on session: some PlannerSession) async throws -> [IndexInfo] {
        let text = try await session.rows("""
            SELECT coalesce(json_agg(json_build_object(
                'schema', n.nspname, 'name', c.relname, 'table', t.relname, 'method', am.amname,
                'keys', ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k),
                'signature', concat_ws('|', i.indclass::text, i.indcollation::text, i.indoption::text,
                    ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(i.indnkeyatts + 1, i.indnatts) AS k ORDER BY k)::text),
                'predicate', pg_get_expr(i.indpred, i.indrelid),
                'unique', i.indisunique, 'primary', i.indisprimary,
                'constraint', EXISTS (SELECT 1 FROM pg_constraint AS k WHERE k.conindid = i.indexrelid),
                'valid', i.indisvalid, 'scans', coalesce(s.idx_scan, 0),
                'size', pg_relation_size(i.indexrelid), 'oid', i.indexrelid::bigint)
                ORDER BY n.nspname, t.relname, c.relname), '[]')::text
            FROM pg_index AS i
            JOIN pg_class AS c ON c.oid = i.indexrelid
            JOIN pg_class AS t ON t.oid = i.indrelid
            JOIN pg_namespace AS n ON n.oid = c.relnamespace
            JOIN pg_am AS am ON am.oid = c.relam
            LEFT JOIN pg_stat_user_indexes AS s ON s.indexrelid = i.indexrelid
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
              AND c.relkind = 'i' AND NOT c.relispartition
            """, []).first?.first.flatMap { $0 } ?? "[]"
        return try JSONDecoder().decode([IndexInfo].self, from: Data(text.utf8))
    }

    /// When the database's index usage counters were last reset (nil: never, they count since
    /// the database was created or statistics were last lost in a crash).
    func indexStatsSince(on session: some PlannerSession) async throws -> String? {
        try await session.rows("""
            SELECT to_char(stats_reset AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
            FROM pg_stat_database WHERE datname = current_database()
            """, []).first?.first.flatMap { $0 }
    }

    // MARK: - Verdicts

    /// `idx_scan = 0`, valid, and enforcing nothing (not primary, unique or constraint-backing).
    func unused(_ all: [IndexInfo]) -> [UnusedIndex] {
        all.filter { $0.valid && !$0.enforces && $0.scans == 0 }
            .sorted { ($0.size, $1.qualifiedName) > ($1.size, $0.qualifiedName) }
            .map { UnusedIndex(index: $0.qualifiedName, table: $0.qualifiedTable, size_bytes: $0.size, scans: $0.scans, drop_sql: $0.dropSQL) }
    }

    /// Identical indexes (same table, method, keys, operator classes, predicate) and B-tree
    /// indexes whose keys are a leading prefix of another's (same table, predicate). The index
    /// that enforces something is kept; among equals, the older one (lower oid).
    func duplicates(_ all: [IndexInfo]) -> [DuplicateIndex] {
        var found: [DuplicateIndex] = []
        var dropped: Set<Int> = []
        let byTable = Dictionary(grouping: all.filter(\.valid)) { "\($0.schema)\u{0}\($0.table)" }
        for (_, indexes) in byTable.sorted(by: { $0.key < $1.key }) {
            // Worst to keep first, so that of two identical indexes the one to drop is met first.
            let ordered = indexes.sorted { keepRank($0) > keepRank($1) }
            for index in ordered where !index.primary && !index.constraint {
                let others = ordered.filter {
                    $0.oid != index.oid && !dropped.contains($0.oid) && $0.method == index.method && $0.predicate == index.predicate
                }
                if let other = others.first(where: {
                    $0.keys == index.keys && $0.signature == index.signature && keepRank($0) < keepRank(index)
                }) {
                    found.append(DuplicateIndex(
                        index: index.qualifiedName, duplicate_of: other.qualifiedName, table: index.qualifiedTable,
                        size_bytes: index.size,
                        reason: "identical: same method, columns (\(index.keys.joined(separator: ", "))) and predicate as \(other.qualifiedName)",
                        drop_sql: index.dropSQL))
                    dropped.insert(index.oid)
                } else if !index.enforces, index.method == "btree", !index.keys.contains(where: { $0.contains("(") }),
                          let other = others.first(where: {
                              $0.keys.count > index.keys.count && Array($0.keys.prefix(index.keys.count)) == index.keys
                          }) {
                    found.append(DuplicateIndex(
                        index: index.qualifiedName, duplicate_of: other.qualifiedName, table: index.qualifiedTable,
                        size_bytes: index.size,
                        reason: "prefix: its columns (\(index.keys.joined(separator: ", "))) lead \(other.qualifiedName) (\(other.keys.joined(separator: ", "))), which serves the same lookups",
                        drop_sql: index.dropSQL))
                    dropped.insert(index.oid)
                }
            }
        }
        return found.sorted { ($0.size_bytes, $1.index) > ($1.size_bytes, $0.index) }
    }

    /// Indexes a failed concurrent build left behind.
    func invalid(_ all: [IndexInfo]) -> [InvalidIndex] {
        all.filter { !$0.valid }
            .map { InvalidIndex(index: $0.qualifiedName, table: $0.qualifiedTable, size_bytes: $0.size, drop_sql: $0.dropSQL) }
    }

    /// Indexes to keep come first: primary key, constraint, unique, then the oldest.
    private func keepRank(_ index: IndexInfo) -> (Int, Int) {
        (index.primary ? 0 : index.constraint ? 1 : index.unique ? 2 : 3, index.oid)
    }
}
