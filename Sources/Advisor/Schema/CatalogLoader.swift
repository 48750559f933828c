import CustomerDatabase
import Foundation
import PgQuery

/// Reads the catalog entries of the tables a query names, straight from the target's
/// `pg_catalog` (search_path, schemas and quoted names resolved by `to_regclass`), one query per
/// relation. Views are followed to the relations their definitions read.
public struct CatalogLoader: Sendable {
    public init() {}

    /// Loads `references` and the relations behind views (down to `depth` levels).
    public func load(_ references: [TableRef], extensions: Set<String>, session: some PlannerSession,
                     depth: Int = 4) async throws -> SchemaCatalog {
        var catalog = SchemaCatalog()
        catalog.extensions = extensions
        try await load(references, into: &catalog, session: session, depth: depth)
        return catalog
    }

    private func load(_ references: [TableRef], into catalog: inout SchemaCatalog, session: some PlannerSession, depth: Int) async throws {
        let missing = references.filter { catalog.table($0) == nil }
        guard !missing.isEmpty else { return }
        let names = missing.map { reference in
            reference.schema.map { Identifier.qualified($0, reference.name) } ?? Identifier.quote(reference.name)
        }
        let loaded = try await loadTables(names, session: session)
        var inner: [TableRef] = []
        for (reference, name) in zip(missing, names) {
            guard let table = loaded[name] else { continue }
            catalog.tables[reference.displayName] = table
            catalog.tables["\(table.schema).\(table.name)"] = table
            if let definition = table.viewDefinition, let tree = try? PgQuery.parse(definition) {
                let ctes = tree.cteNames
                inner += tree.rangeVars.filter { $0.schema != nil || !ctes.contains($0.name) }
                    .map { TableRef(schema: $0.schema, name: $0.name, alias: nil) }
            }
        }
        if depth > 0, !inner.isEmpty {
            try await load(Array(Set(inner)), into: &catalog, session: session, depth: depth - 1)
        }
    }

    /// Loads every relation of `quotedNames` in one query, keyed by the name asked for.
    private func loadTables(_ quotedNames: [String], session: some PlannerSession) async throws -> [String: SchemaCatalog.Table] {
        let list = String(decoding: try JSONSerialization.data(withJSONObject: quotedNames), as: UTF8.self)
        let rows = try await session.rows("""
            SELECT c.oid::text, n.nspname::text, c.relname::text, c.relkind::text,
                   CASE WHEN c.relkind = 'p' THEN (SELECT coalesce(sum(greatest(p.reltuples, 0)), 0) FROM pg_partition_tree(c.oid) t
                                                   JOIN pg_class p ON p.oid = t.relid WHERE t.isleaf)
                        ELSE c.reltuples END::text,
                   (CASE WHEN c.relkind = 'p' THEN (SELECT coalesce(sum(pg_relation_size(t.relid)), 0) FROM pg_partition_tree(c.oid) t
                                                    WHERE t.isleaf)
                         WHEN c.relkind IN ('r', 'm') THEN pg_relation_size(c.oid) ELSE 0 END
                    / current_setting('block_size')::numeric)::text,
                   (SELECT json_agg(json_build_array(a.attname, format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum)
                    FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)::text,
                   (SELECT json_agg(json_build_array(ic.relname,
                        (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                         LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE k.ord <= i.indnkeyatts),
                        i.indisunique, i.indpred IS NOT NULL, am.amname, pg_get_indexdef(i.indexrelid)))
                    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
                    WHERE i.indrelid = c.oid)::text,
                   (SELECT json_agg(json_build_array(
                        (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(f.conkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.attnum),
                        f.confrelid::regclass::text,
                        (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(f.confkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.attnum)))
                    FROM pg_constraint f WHERE f.conrelid = c.oid AND f.contype = 'f')::text,
                   CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END,
                   CASE WHEN c.relkind = 'p' THEN (SELECT json_agg(json_build_array(pn.nspname, p.relname, t.isleaf, t.level))
                                                   FROM pg_partition_tree(c.oid) t JOIN pg_class p ON p.oid = t.relid
                                                   JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE t.level > 0) END::text
                   , r.name
            FROM json_array_elements_text($1::json) AS r(name)
            JOIN pg_class c ON c.oid = to_regclass(r.name) JOIN pg_namespace n ON n.oid = c.relnamespace
            """, [list])
        var tables: [String: SchemaCatalog.Table] = [:]
        for row in rows {
            if let table = table(row), let name = row[11] { tables[name] = table }
        }
        return tables
    }

    private func table(_ row: [String?]) -> SchemaCatalog.Table? {
        guard let oid = row[0], let schema = row[1], let name = row[2], let kind = row[3] else {
            return nil
        }
        func array(_ text: String?) -> [[Any]] {
            (try? JSONSerialization.jsonObject(with: Data((text ?? "null").utf8), options: [.fragmentsAllowed])) as? [[Any]] ?? []
        }
        let columns = array(row[6]).compactMap { item -> (String, String)? in
            guard let name = item.first as? String else { return nil }
            return (name, item.count > 1 ? item[1] as? String ?? "" : "")
        }
        let indexes = array(row[7]).map { item in
            SchemaCatalog.Index(
                name: item[0] as? String ?? "", columns: (item[1] as? [Any] ?? []).map { $0 as? String },
                isUnique: item[2] as? Bool ?? false, isPartial: item[3] as? Bool ?? false,
                method: item[4] as? String ?? "btree", definition: item[5] as? String ?? "")
        }
        let foreignKeys = array(row[8]).map { item in
            SchemaCatalog.ForeignKey(columns: item[0] as? [String] ?? [], referencedTable: item[1] as? String ?? "",
                                     referencedColumns: item[2] as? [String] ?? [])
        }
        let tuples = Double(row[4] ?? "") ?? 0
        var table = SchemaCatalog.Table(
            oid: oid, schema: schema, name: name, kind: kind, rowEstimate: max(tuples, 0),
            columns: columns, indexes: indexes, foreignKeys: foreignKeys)
        table.pages = Double(row[5] ?? "") ?? 0
        table.neverAnalyzed = tuples < 0
        table.viewDefinition = row[9]
        let partitions = array(row[10])
        for item in partitions {
            guard let partitionSchema = item[0] as? String, let partitionName = item[1] as? String else { continue }
            if item[2] as? Bool == true {
                table.partitions.append((partitionSchema, partitionName))
            } else {
                table.multiLevel = true
            }
        }
        return table
    }
}
