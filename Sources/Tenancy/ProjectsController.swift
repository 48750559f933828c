import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird
import PostgresNIO

/// `/projects`: a team's projects and the target database each may hold (stored sealed, never
/// returned — only `has_database`).
public struct ProjectsController: Sendable {
    let database: Database
    /// Encrypts a database URL for storage (AES-GCM with `ENCRYPTION_KEY`).
    let seal: @Sendable (String) throws -> String

    public init(database: Database, seal: @escaping @Sendable (String) throws -> String) {
        self.database = database
        self.seal = seal
    }

    public func register(_ routes: RouteRegistrar) {
        routes.tenant(.get, "/projects", minimum: .viewer) { _, context in try await list(context) }
        routes.tenant(.post, "/projects", minimum: .member) { request, context in
            let body = try await request.decodeJSON(CreateBody.self, context: context)
            return EditedResponse(status: .created, response: try await create(body, context))
        }
        routes.tenant(.get, "/projects/{id}", minimum: .viewer) { _, context in
            try await get(try Validate.id(context.parameters.get("id"), what: "Project"), context)
        }
        routes.tenant(.delete, "/projects/{id}", minimum: .admin) { _, context in
            try await delete(try Validate.id(context.parameters.get("id"), what: "Project"), context)
            return HTTPResponse.Status.noContent
        }
        routes.tenant(.put, "/projects/{id}/database", minimum: .admin) { request, context in
            let id = try Validate.id(context.parameters.get("id"), what: "Project")
            let body = try await request.decodeJSON(DatabaseBody.self, context: context)
            try await setDatabase(id, url: body.url, allowWrites: body.allow_writes ?? false, context)
            return HTTPResponse.Status.noContent
        }
    }

    // MARK: - Shapes

    struct Project: ResponseEncodable {
        let id: UUID
        let name: String
        let description: String
        let created_at: Date
        let has_database: Bool
    }
    struct CreateBody: Decodable {
        let name: String
        let description: String?
    }
    /// `allow_writes`: INSERT/UPDATE/DELETE may be explained (always rolled back); off by default.
    struct DatabaseBody: Decodable {
        let url: String
        let allow_writes: Bool?
    }

    private static func project(_ row: TenancyStore.ProjectRow) -> Project {
        Project(id: row.id, name: row.name, description: row.description, created_at: row.createdAt,
                has_database: row.hasDatabase)
    }

    // MARK: - Handlers

    private func list(_ context: TenantRequestContext) async throws -> [Project] {
        return try await database.withTenant(context.scope) { transaction in
            try await TenancyStore(transaction).projects()
        }.map(Self.project)
    }

    private func get(_ id: UUID, _ context: TenantRequestContext) async throws -> Project {
        let row = try await database.withTenant(context.scope) { transaction in
            try await TenancyStore(transaction).project(id)
        }
        guard let row else { throw AppError.notFound("Project") }
        return Self.project(row)
    }

    private func create(_ body: CreateBody, _ context: TenantRequestContext) async throws -> Project {
        let name = try Validate.text(body.name, field: "name", max: 200)
        let description = try body.description.map { try Validate.text($0, field: "description", min: 0, max: 2000) } ?? ""
        do {
            return try await database.withTenant(context.scope) { transaction in
                guard let row = try await TenancyStore(transaction).createProject(
                    organizationID: context.organizationID, name: name, description: description,
                    createdBy: context.user.id) else { throw AppError.internalError }
                try await AuditLog.record(on: transaction, organizationID: context.organizationID,
                                          actorID: context.user.id, action: "project.created", target: name)
                return Self.project(row)
            }
        } catch let error as PSQLError where error.sqlState == "23505" {
            throw AppError.conflict("A project with this name already exists.", code: "name_taken")
        }
    }

    private func delete(_ id: UUID, _ context: TenantRequestContext) async throws {
        let name = try await database.withTenant(context.scope) { transaction in
            let name = try await TenancyStore(transaction).deleteProject(id)
            if let name {
                try await AuditLog.record(on: transaction, organizationID: context.organizationID,
                                          actorID: context.user.id, action: "project.deleted", target: name)
            }
            return name
        }
        guard name != nil else { throw AppError.notFound("Project") }
    }

    private func setDatabase(_ id: UUID, url: String, allowWrites: Bool, _ context: TenantRequestContext) async throws {
        try Self.checkDatabaseURL(url)
        let sealed = try seal(url)
        let name = try await database.withTenant(context.scope) { transaction in
            let name = try await TenancyStore(transaction).setProjectDatabase(id, sealedURL: sealed, allowWrites: allowWrites)
            if let name {
                try await AuditLog.record(on: transaction, organizationID: context.organizationID,
                                          actorID: context.user.id, action: "project.database_set", target: name)
            }
            return name
        }
        guard name != nil else { throw AppError.notFound("Project") }
    }

    /// A PostgreSQL URL with a host (`postgres://` or `postgresql://`).
    static func checkDatabaseURL(_ url: String) throws {
        guard url.count <= 2048, let components = URLComponents(string: url),
              ["postgres", "postgresql"].contains(components.scheme?.lowercased() ?? ""),
              let host = components.host, !host.isEmpty else {
            throw AppError.invalidField("url", "must be a postgresql://user:password@host:port/database URL")
        }
    }
}
