import Foundation
import Logging
import PostgresHelpers
import PostgresNIO

/// Reads a ``SchemaSnapshot`` from a target database's catalogs (three queries). Skips system
/// schemas, temporary schemas, partitions (their parent stands for them) and objects that belong
/// to extensions (such as HypoPG's views).
public struct SchemaReader: Sendable {
    public let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    /// Reads the whole user schema.
    public func read(on connection: PostgresConnection) async throws -> SchemaSnapshot {
        SchemaSnapshot(tables: try await tables(connection), indexes: try await indexes(connection),
                       foreignKeys: try await foreignKeys(connection))
    }

    /// Relations of user schemas that are not partitions or extension members.
    private static let userRelation = """
        n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
        AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND NOT c.relispartition
        AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        """

    private func tables(_ connection: PostgresConnection) async throws -> [SchemaSnapshot.Table] {
        typealias Row = (String, String, String, Int64, String, Int, String, Bool, Bool)
        let rows = try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT n.nspname::text, c.relname::text,
                   CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned_table' WHEN 'v' THEN 'view'
                        WHEN 'm' THEN 'materialized_view' ELSE 'foreign_table' END,
                   CASE WHEN c.relkind = 'p' THEN coalesce((
                            SELECT sum(greatest(p.reltuples, 0))::bigint FROM pg_partition_tree(c.oid) t
                            JOIN pg_class p ON p.oid = t.relid WHERE t.isleaf), -1)
                        WHEN c.relkind IN ('v') OR c.reltuples < 0 THEN -1
                        ELSE c.reltuples::bigint END,
                   a.attname::text, a.attnum::int, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
                   EXISTS (SELECT FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p' AND a.attnum = ANY (k.conkey))
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND \(Self.userRelation)
            ORDER BY 1, 2, a.attnum
            """), logger: logger).all(as: Row.self)
        var tables: [SchemaSnapshot.Table] = []
        for row in rows {
            let column = SchemaSnapshot.Column(name: row.4, position: row.5, type: row.6, isNullable: row.7, isPrimaryKey: row.8)
            if let last = tables.last, last.schema == row.0, last.name == row.1 {
                tables[tables.count - 1] = .init(schema: last.schema, name: last.name, kind: last.kind,
                                                 rowEstimate: last.rowEstimate, columns: last.columns + [column])
            } else {
                tables.append(.init(schema: row.0, name: row.1, kind: row.2, rowEstimate: row.3 < 0 ? nil : row.3,
                                    columns: [column]))
            }
        }
        return tables
    }

    private func indexes(_ connection: PostgresConnection) async throws -> [SchemaSnapshot.Index] {
        typealias Row = (String, String, String, String, [String], Bool, Bool, String?, Bool, String)
        return try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT n.nspname::text, c.relname::text, i.relname::text, am.amname::text,
                   ARRAY(SELECT CASE WHEN k.attnum <> 0
                                     THEN (SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = x.indrelid AND a.attnum = k.attnum)
                                     ELSE pg_get_indexdef(x.indexrelid, k.ord::int, true) END
                         FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                         WHERE k.ord <= x.indnkeyatts ORDER BY k.ord),
                   x.indisunique, x.indisprimary, pg_get_expr(x.indpred, x.indrelid, true), x.indexprs IS NOT NULL,
                   pg_get_indexdef(x.indexrelid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class c ON c.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_am am ON am.oid = i.relam
            WHERE \(Self.userRelation)
            ORDER BY 1, 2, 3
            """), logger: logger).all(as: Row.self).map { row in
            SchemaSnapshot.Index(schema: row.0, table: row.1, name: row.2, method: row.3, columns: row.4, isUnique: row.5,
                                 isPrimary: row.6, predicate: row.7, hasExpressions: row.8, definition: row.9)
        }
    }

    private func foreignKeys(_ connection: PostgresConnection) async throws -> [SchemaSnapshot.ForeignKey] {
        typealias Row = (String, String, String, [String], String, String, [String])
        return try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT k.conname::text, n.nspname::text, c.relname::text,
                   ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord),
                   rn.nspname::text, r.relname::text,
                   ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.ord)
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_class r ON r.oid = k.confrelid
            JOIN pg_namespace rn ON rn.oid = r.relnamespace
            WHERE k.contype = 'f' AND k.conparentid = 0 AND \(Self.userRelation)
            ORDER BY 2, 3, 1
            """), logger: logger).all(as: Row.self).map { row in
            SchemaSnapshot.ForeignKey(name: row.0, schema: row.1, table: row.2, columns: row.3,
                                      referredSchema: row.4, referredTable: row.5, referredColumns: row.6)
        }
    }
}
