import Core
import CustomerDatabase
import Database
import Foundation
import HTTPSupport
import Logging
import PgQuery
import PostgresNIO

/// Keeps one ``SchemaSnapshot`` per project in `db_schema_metadata` (one row per column) and
/// `db_index_definitions`, replacing the previous snapshot in one transaction.
public struct MetadataStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Replaces the project's snapshot atomically (and records `metadata.synced` in the audit log).
    public func replace(_ snapshot: SchemaSnapshot, projectID: UUID, projectName: String, syncedAt: Date,
                        context: TenantRequestContext) async throws {
        let columns = ColumnRows(snapshot)
        let indexes = snapshot.indexes
        let organizationID = context.organizationID
        try await database.withTenant(context.scope) { transaction in
            // Concurrent syncs of one project take turns, so that each replaces the whole snapshot.
            let locked = try await transaction.query(
                "SELECT id FROM projects WHERE id = \(projectID) FOR UPDATE").first(as: UUID.self)
            guard locked != nil else { throw AppError.notFound("Project") }
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
            try await AuditLog.record(
                on: transaction, organizationID: organizationID, actorID: context.user.id,
                action: "metadata.synced", target: projectName,
                details: ["tables": "\(snapshot.tables.count)", "indexes": "\(indexes.count)"])
        }
    }
}

/// The snapshot flattened into one array per column of `db_schema_metadata`.
struct ColumnRows {
    package var schema: [String] = [], table: [String] = [], kind: [String] = [], rows: [Int64] = []
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
