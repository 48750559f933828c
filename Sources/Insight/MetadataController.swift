import Core
import CustomerDatabase
import Database
import Foundation
import HTTPSupport
import Hummingbird
import Logging

/// `POST /metadata/sync` (member), `GET /metadata` and `GET /metadata/indexes` (viewer): a
/// project's target schema as last synced.
public struct MetadataController: Sendable {
    let database: Database
    let targets: ProjectTargets

    public init(database: Database, targets: ProjectTargets) {
        self.database = database
        self.targets = targets
    }

    struct SyncBody: Decodable { let project_id: UUID? }

    /// `{"tables","columns","indexes","foreign_keys","synced_at"}` plus the project synced.
    struct SyncAnswer: ResponseEncodable {
        let project_id: UUID
        let tables: Int
        let columns: Int
        let indexes: Int
        let foreign_keys: Int
        let synced_at: Date
    }

    /// One stored `db_schema_metadata` row.
    struct ColumnRow: ResponseEncodable {
        let id: UUID
        let project_id: UUID
        let schema_name: String
        let table_name: String
        let table_kind: String
        @Nullable var row_estimate: Int64?
        let column_name: String
        let column_position: Int
        let column_type: String
        let is_nullable: Bool
        let is_primary_key: Bool
        let is_indexed: Bool
        let is_foreign_key: Bool
        @Nullable var referred_schema: String?
        @Nullable var referred_table: String?
        @Nullable var referred_column: String?
        let synced_at: Date
    }

    /// One stored `db_index_definitions` row.
    struct IndexRow: ResponseEncodable {
        let id: UUID
        let project_id: UUID
        let schema_name: String
        let table_name: String
        let index_name: String
        let method: String
        let columns: [String]
        let is_unique: Bool
        let is_primary: Bool
        @Nullable var predicate: String?
        let has_expressions: Bool
        let definition: String
        let synced_at: Date
    }

    public func register(_ routes: RouteRegistrar) {
        routes.tenant(.post, "/metadata/sync", minimum: .member, database: .callsOutside) { request, context in
            let body = try await request.decodeJSON(SyncBody.self, context: context)
            return try await sync(body.project_id, context)
        }
        routes.tenant(.get, "/metadata", minimum: .viewer) { request, context in
            try await list(request.uri.queryParameters["project_id"].map(String.init), context)
        }
        routes.tenant(.get, "/metadata/indexes", minimum: .viewer) { request, context in
            try await indexes(request.uri.queryParameters["project_id"].map(String.init), context)
        }
    }

    private func sync(_ projectID: UUID?, _ context: TenantRequestContext) async throws -> SyncAnswer {
        let project = try await targets.resolve(projectID, context: context)
        let reader = SchemaReader(logger: database.logger)
        // The target connection is closed before dbooster's own transaction starts.
        let snapshot = try await targets.target(project, logger: database.logger).withConnection { connection in
            do {
                return try await reader.read(on: connection)
            } catch {
                throw ExplainRunner.translate(error)
            }
        }
        let syncedAt = Date()
        try await replace(snapshot, projectID: project.projectID, projectName: project.projectName, syncedAt: syncedAt,
                          context: context)
        return SyncAnswer(project_id: project.projectID, tables: snapshot.tables.count,
                          columns: snapshot.tables.reduce(0) { $0 + $1.columns.count }, indexes: snapshot.indexes.count,
                          foreign_keys: snapshot.foreignKeys.count, synced_at: syncedAt)
    }

    /// Replaces the project's snapshot atomically (and records `metadata.synced` in the audit log).
    private func replace(_ snapshot: SchemaSnapshot, projectID: UUID, projectName: String, syncedAt: Date,
                         context: TenantRequestContext) async throws {
        let organizationID = context.organizationID
        try await database.withTenant(context.scope) { transaction in
            let store = InsightStore(transaction)
            guard try await store.lockProject(projectID) else { throw AppError.notFound("Project") }
            try await store.replaceSnapshot(snapshot, organizationID: organizationID, projectID: projectID,
                                            syncedAt: syncedAt)
            try await AuditLog.record(
                on: transaction, organizationID: organizationID, actorID: context.user.id,
                action: "metadata.synced", target: projectName,
                details: ["tables": "\(snapshot.tables.count)", "indexes": "\(snapshot.indexes.count)"])
        }
    }

    private func list(_ projectParameter: String?, _ context: TenantRequestContext) async throws -> [ColumnRow] {
        let projectID = try Validate.optionalID(projectParameter, field: "project_id")
        let rows = try await database.withTenant(context.scope) { transaction in
            try await InsightStore(transaction).schemaColumns(projectID: projectID)
        }
        return rows.map { row in
            ColumnRow(id: row.id, project_id: row.projectID, schema_name: row.schemaName, table_name: row.tableName,
                      table_kind: row.tableKind, row_estimate: row.rowEstimate, column_name: row.columnName,
                      column_position: row.columnPosition, column_type: row.columnType, is_nullable: row.isNullable,
                      is_primary_key: row.isPrimaryKey, is_indexed: row.isIndexed, is_foreign_key: row.isForeignKey,
                      referred_schema: row.referredSchema, referred_table: row.referredTable,
                      referred_column: row.referredColumn, synced_at: row.syncedAt)
        }
    }

    private func indexes(_ projectParameter: String?, _ context: TenantRequestContext) async throws -> [IndexRow] {
        let projectID = try Validate.optionalID(projectParameter, field: "project_id")
        let rows = try await database.withTenant(context.scope) { transaction in
            try await InsightStore(transaction).indexDefinitions(projectID: projectID)
        }
        return rows.map { row in
            IndexRow(id: row.id, project_id: row.projectID, schema_name: row.schemaName, table_name: row.tableName,
                     index_name: row.indexName, method: row.method, columns: row.columns, is_unique: row.isUnique,
                     is_primary: row.isPrimary, predicate: row.predicate, has_expressions: row.hasExpressions,
                     definition: row.definition, synced_at: row.syncedAt)
        }
    }
}
