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
        package let tables: Int
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
        routes.tenant(.post, "/metadata/sync", minimum: .member, callsOutside: true) { request, context in
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
        try await MetadataStore(database: database).replace(
            snapshot, projectID: project.projectID, projectName: project.projectName, syncedAt: syncedAt, context: context)
        return SyncAnswer(project_id: project.projectID, tables: snapshot.tables.count,
                          columns: snapshot.tables.reduce(0) { $0 + $1.columns.count }, indexes: snapshot.indexes.count,
                          foreign_keys: snapshot.foreignKeys.count, synced_at: syncedAt)
    }

    private func list(_ projectParameter: String?, _ context: TenantRequestContext) async throws -> [ColumnRow] {
        let projectID = try Validate.optionalID(projectParameter, field: "project_id")
        typealias Row = (UUID, UUID, String, String, String, Int64?, String, Int, String, Bool, Bool, Bool, Bool,
                         String?, String?, String?, Date)
        let rows = try await database.withTenant(context.scope) { transaction in
            try await transaction.query("""
                SELECT id, project_id, schema_name, table_name, table_kind, row_estimate, column_name, column_position,
                       column_type, is_nullable, is_primary_key, is_indexed, is_foreign_key, referred_schema,
                       referred_table, referred_column, synced_at
                FROM db_schema_metadata
                WHERE \(projectID)::uuid IS NULL OR project_id = \(projectID)
                ORDER BY project_id, schema_name, table_name, column_position
                """).all(as: Row.self)
        }
        return rows.map { row in
            ColumnRow(id: row.0, project_id: row.1, schema_name: row.2, table_name: row.3, table_kind: row.4,
                      row_estimate: row.5, column_name: row.6, column_position: row.7, column_type: row.8,
                      is_nullable: row.9, is_primary_key: row.10, is_indexed: row.11, is_foreign_key: row.12,
                      referred_schema: row.13, referred_table: row.14, referred_column: row.15, synced_at: row.16)
        }
    }

    private func indexes(_ projectParameter: String?, _ context: TenantRequestContext) async throws -> [IndexRow] {
        let projectID = try Validate.optionalID(projectParameter, field: "project_id")
        typealias Row = (UUID, UUID, String, String, String, String, [String], Bool, Bool, String?, Bool, String, Date)
        let rows = try await database.withTenant(context.scope) { transaction in
            try await transaction.query("""
                SELECT id, project_id, schema_name, table_name, index_name, method, columns, is_unique, is_primary,
                       predicate, has_expressions, definition, synced_at
                FROM db_index_definitions
                WHERE \(projectID)::uuid IS NULL OR project_id = \(projectID)
                ORDER BY project_id, schema_name, table_name, index_name
                """).all(as: Row.self)
        }
        return rows.map { row in
            IndexRow(id: row.0, project_id: row.1, schema_name: row.2, table_name: row.3, index_name: row.4, method: row.5,
                     columns: row.6, is_unique: row.7, is_primary: row.8, predicate: row.9, has_expressions: row.10,
                     definition: row.11, synced_at: row.12)
        }
    }
}
