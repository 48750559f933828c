import CustomerDatabase
import Foundation

/// Reads the catalog entries of the tables a query names, straight from the target's
/// `pg_catalog` (search_path, schemas and quoted names resolved by `to_regclass`).
public struct CatalogLoader: Sendable {
    public init() {}

    /// Loads `references` and, for views, their base tables.
    public func load(_ references: [TableRef], session: some PlannerSession) async throws -> SchemaCatalog {
        var catalog = SchemaCatalog()
        for reference in references where catalog.table(reference) == nil {
            let quoted = reference.schema.map { Identifier.qualified($0, reference.name) } ?? Identifier.quote(reference.name)
            guard let table = try await loadTable(quoted, session: session) else { continue }
            catalog.tables[reference.displayName] = table
            catalog.tables["\(table.schema).\(table.name)"] = table
            for base in Set(table.viewColumns.values.map { "\($0.schema).\($0.name)" }) where catalog.tables[base] == nil {
                let parts = base.split(separator: ".", maxSplits: 1).map(String.init)
                if let baseTable = try await loadTable(Identifier.qualified(parts[0], parts[1]), session: session) {
                    catalog.tables[base] = baseTable
                }
            }
        }
        return catalog
    }

    private func loadTable(_ quotedName: String, session: some PlannerSession) async throws -> SchemaCatalog.Table? {
        let header = try await session.rows("""
            SELECT c.oid::text, n.nspname::text, c.relname::text, c.relkind::text, c.reltuples::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass($1)
            """, [quotedName])
        guard let row = header.first, let oid = row[0], let schema = row[1], let name = row[2], let kind = row[3] else {
            return nil
        }
        let columns = try await session.rows("""
            SELECT attname::text, format_type(atttypid, atttypmod) FROM pg_attribute
            WHERE attrelid = $1::oid AND attnum > 0 AND NOT attisdropped ORDER BY attnum
            """, [oid]).compactMap { row in row[0].map { ($0, row[1] ?? "") } }
        var table = SchemaCatalog.Table(
            oid: oid, schema: schema, name: name, kind: kind, rowEstimate: Double(row[4] ?? "") ?? 0,
            columns: columns, indexes: try await indexes(oid, session), foreignKeys: try await foreignKeys(oid, session),
            viewColumns: [:], leafPartitions: [])
        if kind == "v" || kind == "m" { table.viewColumns = try await viewColumns(oid, session) }
        if kind == "p" {
            table.leafPartitions = try await session.rows(
                "SELECT relid::regclass::text FROM pg_partition_tree($1::oid::regclass) WHERE isleaf", [oid]
            ).compactMap { $0[0] }
        }
        return table
    }

    private func indexes(_ oid: String, _ session: some PlannerSession) async throws -> [SchemaCatalog.Index] {
        try await session.rows("""
            SELECT ic.relname::text,
                   (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                    WHERE k.ord <= i.indnkeyatts)::text,
                   i.indisunique::text, (i.indpred IS NOT NULL)::text, am.amname::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
            WHERE i.indrelid = $1::oid
            """, [oid]).map { row in
            let names = (try? JSONSerialization.jsonObject(with: Data((row[1] ?? "[]").utf8))) as? [Any] ?? []
            return SchemaCatalog.Index(
                name: row[0] ?? "", columns: names.map { $0 as? String }, isUnique: row[2] == "true",
                isPartial: row[3] == "true", method: row[4] ?? "btree", definition: row[5] ?? "")
        }
    }

    private func foreignKeys(_ oid: String, _ session: some PlannerSession) async throws -> [SchemaCatalog.ForeignKey] {
        try await session.rows("""
            SELECT (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum)::text,
                   c.confrelid::regclass::text,
                   (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum)::text
            FROM pg_constraint c WHERE c.conrelid = $1::oid AND c.contype = 'f'
            """, [oid]).map { row in
            func names(_ text: String?) -> [String] {
                (try? JSONSerialization.jsonObject(with: Data((text ?? "[]").utf8))) as? [String] ?? []
            }
            return SchemaCatalog.ForeignKey(columns: names(row[0]), referencedTable: row[1] ?? "", referencedColumns: names(row[2]))
        }
    }

    /// Base-table columns a view reads, by column name (a view column maps to the base column of
    /// the same name).
    private func viewColumns(_ oid: String, _ session: some PlannerSession) async throws -> [String: (schema: String, name: String)] {
        let rows = try await session.rows("""
            SELECT DISTINCT n.nspname::text, c.relname::text, a.attname::text
            FROM pg_rewrite r
            JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
            JOIN pg_class c ON c.oid = d.refobjid AND c.oid <> r.ev_class
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE r.ev_class = $1::oid
            """, [oid])
        var mapping: [String: (schema: String, name: String)] = [:]
        var ambiguous: Set<String> = []
        for row in rows {
            guard let schema = row[0], let name = row[1], let column = row[2] else { continue }
            if mapping[column] != nil { ambiguous.insert(column) } else { mapping[column] = (schema, name) }
        }
        for column in ambiguous { mapping[column] = nil }
        return mapping
    }
}
