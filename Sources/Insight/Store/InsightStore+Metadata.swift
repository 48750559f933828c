import CustomerDatabase
import Database
import Foundation
import PostgresNIO

// MARK: - Schema snapshots (`db_schema_metadata`, `db_index_definitions`)

extension InsightStore {
    /// One stored `db_schema_metadata` row.
    struct SchemaColumnRow: Sendable {
        let id: UUID
        let projectID: UUID
        let schemaName: String
        let tableName: String
        let tableKind: String
        let rowEstimate: Int64?
        let columnName: String
        let columnPosition: Int
        let columnType: String
        let isNullable: Bool
        let isPrimaryKey: Bool
        let isIndexed: Bool
        let isForeignKey: Bool
        let referredSchema: String?
        let referredTable: String?
        let referredColumn: String?
        let syncedAt: Date
    }

    /// One stored `db_index_definitions` row.
    struct IndexDefinitionRow: Sendable {
        let id: UUID
        let projectID: UUID
        let schemaName: String
        let tableName: String
        let indexName: String
        let method: String
        let columns: [String]
        let isUnique: Bool
        let isPrimary: Bool
        let predicate: String?
        let hasExpressions: Bool
        let definition: String
        let syncedAt: Date
    }

    /// Locks the project row, so that concurrent syncs of one project take turns and each replaces
    /// the whole snapshot; false when there is no such project.
    func lockProject(_ projectID: UUID) async throws -> Bool {
        try await transaction.query(
            "SELECT id FROM projects WHERE id = \(projectID) FOR UPDATE").first(as: UUID.self) != nil
    }

    /// Replaces the project's stored snapshot with `snapshot` (call after ``lockProject(_:)``).
    func replaceSnapshot(_ snapshot: SchemaSnapshot, organizationID: UUID, projectID: UUID, syncedAt: Date) async throws {
        let columns = ColumnRows(snapshot)
        let indexes = snapshot.indexes
        try await transaction.query(
            "DELETE FROM db_schema_metadata WHERE project_id = \(projectID)")
        try await transaction.query(
            "DELETE FROM db_index_definitions WHERE project_id = \(projectID)")
        try await transaction.query("""
            INSERT INTO db_schema_metadata (organization_id, project_id, schema_name, table_name, table_kind, row_estimate,
                column_name, column_position, column_type, is_nullable, is_primary_key, is_indexed, is_foreign_key,
                referred_schema, referred_table, referred_column, synced_at)
            SELECT \(organizationID), \(projectID), s, t, k, NULLIF(r, -1), c, p, ty, nl, pk, ix, fk,
                   NULLIF(rs, ''), NULLIF(rt, ''), NULLIF(rc, ''), \(syncedAt)
            FROM unnest(\(columns.schema)::text[], \(columns.table)::text[], \(columns.kind)::text[],
                        \(columns.rows)::bigint[], \(columns.name)::text[], \(columns.position)::int[],
                        \(columns.type)::text[], \(columns.nullable)::bool[], \(columns.primaryKey)::bool[],
                        \(columns.indexed)::bool[], \(columns.foreignKey)::bool[], \(columns.referredSchema)::text[],
                        \(columns.referredTable)::text[], \(columns.referredColumn)::text[])
                 AS u(s, t, k, r, c, p, ty, nl, pk, ix, fk, rs, rt, rc)
            """)
        try await transaction.query("""
            INSERT INTO db_index_definitions (organization_id, project_id, schema_name, table_name, index_name, method,
                columns, is_unique, is_primary, predicate, has_expressions, definition, synced_at)
            SELECT \(organizationID), \(projectID), s, t, i, m, string_to_array(c, E'\\x1f'), u, p, NULLIF(pr, ''), e, d,
                   \(syncedAt)
            FROM unnest(\(indexes.map(\.schema))::text[], \(indexes.map(\.table))::text[], \(indexes.map(\.name))::text[],
                        \(indexes.map(\.method))::text[], \(indexes.map { $0.columns.joined(separator: "\u{1f}") })::text[],
                        \(indexes.map(\.isUnique))::bool[], \(indexes.map(\.isPrimary))::bool[],
                        \(indexes.map { $0.predicate ?? "" })::text[], \(indexes.map(\.hasExpressions))::bool[],
                        \(indexes.map(\.definition))::text[])
                 AS x(s, t, i, m, c, u, p, pr, e, d)
            """)
    }

    /// The stored columns, of one project or of all.
    func schemaColumns(projectID: UUID?) async throws -> [SchemaColumnRow] {
        typealias Row = (UUID, UUID, String, String, String, Int64?, String, Int, String, Bool, Bool, Bool, Bool,
                         String?, String?, String?, Date)
        return try await transaction.query("""
            SELECT id, project_id, schema_name, table_name, table_kind, row_estimate, column_name, column_position,
                   column_type, is_nullable, is_primary_key, is_indexed, is_foreign_key, referred_schema,
                   referred_table, referred_column, synced_at
            FROM db_schema_metadata
            WHERE \(projectID)::uuid IS NULL OR project_id = \(projectID)
            ORDER BY project_id, schema_name, table_name, column_position
            """).all(as: Row.self).map { row in
            SchemaColumnRow(id: row.0, projectID: row.1, schemaName: row.2, tableName: row.3, tableKind: row.4,
                            rowEstimate: row.5, columnName: row.6, columnPosition: row.7, columnType: row.8,
                            isNullable: row.9, isPrimaryKey: row.10, isIndexed: row.11, isForeignKey: row.12,
                            referredSchema: row.13, referredTable: row.14, referredColumn: row.15, syncedAt: row.16)
        }
    }

    /// The stored indexes, of one project or of all.
    func indexDefinitions(projectID: UUID?) async throws -> [IndexDefinitionRow] {
        typealias Row = (UUID, UUID, String, String, String, String, [String], Bool, Bool, String?, Bool, String, Date)
        return try await transaction.query("""
            SELECT id, project_id, schema_name, table_name, index_name, method, columns, is_unique, is_primary,
                   predicate, has_expressions, definition, synced_at
            FROM db_index_definitions
            WHERE \(projectID)::uuid IS NULL OR project_id = \(projectID)
            ORDER BY project_id, schema_name, table_name, index_name
            """).all(as: Row.self).map { row in
            IndexDefinitionRow(id: row.0, projectID: row.1, schemaName: row.2, tableName: row.3, indexName: row.4,
                               method: row.5, columns: row.6, isUnique: row.7, isPrimary: row.8, predicate: row.9,
                               hasExpressions: row.10, definition: row.11, syncedAt: row.12)
        }
    }
}

/// The snapshot flattened into one array per column of `db_schema_metadata`.
struct ColumnRows {
    var schema: [String] = [], table: [String] = [], kind: [String] = [], rows: [Int64] = []
    var name: [String] = [], position: [Int] = [], type: [String] = []
    var nullable: [Bool] = [], primaryKey: [Bool] = [], indexed: [Bool] = [], foreignKey: [Bool] = []
    var referredSchema: [String] = [], referredTable: [String] = [], referredColumn: [String] = []

    init(_ snapshot: SchemaSnapshot) {
        struct Key: Hashable { let schema: String, table: String, column: String }
        var indexed = Set<Key>()
        for index in snapshot.indexes {
            for column in index.columns { indexed.insert(Key(schema: index.schema, table: index.table, column: column)) }
        }
        var references: [Key: (String, String, String)] = [:]
        for key in snapshot.foreignKeys {
            for (column, referred) in zip(key.columns, key.referredColumns) {
                references[Key(schema: key.schema, table: key.table, column: column)] =
                    (key.referredSchema, key.referredTable, referred)
            }
        }
        for table in snapshot.tables {
            for column in table.columns {
                let key = Key(schema: table.schema, table: table.name, column: column.name)
                let reference = references[key]
                schema.append(table.schema); self.table.append(table.name); kind.append(table.kind)
                rows.append(table.rowEstimate ?? -1); name.append(column.name); position.append(column.position)
                type.append(column.type); nullable.append(column.isNullable); primaryKey.append(column.isPrimaryKey)
                self.indexed.append(indexed.contains(key)); foreignKey.append(reference != nil)
                referredSchema.append(reference?.0 ?? ""); referredTable.append(reference?.1 ?? "")
                referredColumn.append(reference?.2 ?? "")
            }
        }
    }
}
