import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird
import PostgresNIO

/// `/organizations`: the user's organizations, creating one, members and roles (with the
/// last-admin guard) and the audit log.
public struct OrganizationsController: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public func register(_ routes: RouteRegistrar) {
        routes.user(.get, "/organizations") { _, context in try await list(context) }
        routes.user(.post, "/organizations") { request, context in
            let body = try await request.decodeJSON(NameBody.self, context: context)
            return EditedResponse(status: .created, response: try await create(body, context))
        }
        routes.tenant(.get, "/organizations/{id}/members", minimum: .viewer) { _, context in
            try await members(context)
        }
        routes.tenant(.patch, "/organizations/{id}/members/{user_id}", minimum: .admin) { request, context in
            let userID = try Validate.id(context.parameters.get("user_id"), what: "Member")
            let body = try await request.decodeJSON(RoleBody.self, context: context)
            return try await changeRole(of: userID, to: body.role, context)
        }
        routes.tenant(.delete, "/organizations/{id}/members/{user_id}", policy: .adminOrSelf(parameter: "user_id")) { _, context in
            let userID = try Validate.id(context.parameters.get("user_id"), what: "Member")
            try await remove(userID, context)
            return HTTPResponse.Status.noContent
        }
        routes.tenant(.get, "/organizations/{id}/audit-log", minimum: .admin) { request, context in
            try await auditLog(context, limit: request.uri.queryParameters["limit"].flatMap { Int(String($0)) })
        }
    }

    // MARK: - Shapes

    struct NameBody: Decodable { let name: String }
    struct RoleBody: Decodable { let role: Role }
    struct Summary: ResponseEncodable {
        let id: UUID
        let name: String
        let role: Role
    }
    struct Created: ResponseEncodable {
        let id: UUID
        let name: String
    }
    struct Member: ResponseEncodable {
        let user_id: UUID
        let email: String
        @Nullable var full_name: String?
        let role: Role
        let joined_at: Date
    }
    struct AuditEntry: ResponseEncodable {
        let id: UUID
        @Nullable var actor_user_id: UUID?
        let action: String
        @Nullable var target: String?
        let details: [String: String]
        let created_at: Date
    }

    // MARK: - Organizations

    private func list(_ context: UserRequestContext) async throws -> [Summary] {
        return try await database.withTenant(context.scope) { transaction in
            try await transaction.query("""
                SELECT o.id, o.name, m.role::text FROM memberships m JOIN organizations o ON o.id = m.organization_id
                WHERE m.user_id = \(context.user.id) ORDER BY o.name
                """).all(as: (UUID, String, String).self)
        }.map { Summary(id: $0.0, name: $0.1, role: Role(rawValue: $0.2) ?? .viewer) }
    }

    private func create(_ body: NameBody, _ context: UserRequestContext) async throws -> Created {
        let name = try Validate.text(body.name, field: "name", max: 100)
        let id = try await database.withSystem { transaction in
            try await OrganizationStore.create(name: name, adminID: context.user.id, on: transaction)
        }
        return Created(id: id, name: name)
    }

    // MARK: - Members


    private func members(_ context: TenantRequestContext) async throws -> [Member] {
        return try await database.withTenant(context.scope) { transaction in
            try await transaction.query("""
                SELECT u.id, u.email, u.full_name, m.role::text, m.created_at
                FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.organization_id = \(context.organizationID) ORDER BY m.created_at, u.email
                """).all(as: (UUID, String, String?, String, Date).self)
        }.map(Self.member)
    }

    private static func member(_ row: (UUID, String, String?, String, Date)) -> Member {
        Member(user_id: row.0, email: row.1, full_name: row.2, role: Role(rawValue: row.3) ?? .viewer, joined_at: row.4)
    }

    private func changeRole(of userID: UUID, to role: Role, _ context: TenantRequestContext) async throws -> Member {
        let org = context.organizationID
        return try await database.withTenant(context.scope) { transaction in
            let current = try await lockAdmins(org: org, target: userID, on: transaction)
            if current.targetRole == .admin, role != .admin, current.adminCount <= 1 {
                throw AppError.conflict("The last admin of an organization cannot be demoted.", code: "last_admin")
            }
            try await transaction.query(
                "UPDATE memberships SET role = \(role.rawValue)::user_role WHERE organization_id = \(org) AND user_id = \(userID)")
            try await transaction.query(
                "UPDATE users SET role = \(role.rawValue)::user_role WHERE id = \(userID) AND organization_id = \(org)")
            try await AuditLog.record(on: transaction, organizationID: org, actorID: context.user.id,
                                      action: "member.role_changed", target: userID.uuidString,
                                      details: ["from": current.targetRole.rawValue, "to": role.rawValue])
            guard let row = try await transaction.query("""
                SELECT u.id, u.email, u.full_name, m.role::text, m.created_at
                FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.organization_id = \(org) AND m.user_id = \(userID)
                """).first(as: (UUID, String, String?, String, Date).self) else { throw AppError.notFound("Member") }
            return Self.member(row)
        }
    }

    private func remove(_ userID: UUID, _ context: TenantRequestContext) async throws {
        let org = context.organizationID
        try await database.withTenant(context.scope) { transaction in
            let current = try await lockAdmins(org: org, target: userID, on: transaction)
            if current.targetRole == .admin, current.adminCount <= 1 {
                throw AppError.conflict("The last admin of an organization cannot be removed.", code: "last_admin")
            }
            try await transaction.query("""
                UPDATE users SET organization_id = NULL WHERE id = \(userID) AND organization_id = \(org)
                """)
            try await transaction.query(
                "DELETE FROM memberships WHERE organization_id = \(org) AND user_id = \(userID)")
            try await AuditLog.record(on: transaction, organizationID: org, actorID: context.user.id,
                                      action: userID == context.user.id ? "member.left" : "member.removed",
                                      target: userID.uuidString)
        }
    }

    /// Locks the organization's memberships (so two concurrent demotions cannot both pass the
    /// last-admin guard) and returns the target's role and the number of admins.
    private func lockAdmins(org: UUID, target: UUID, on transaction: Transaction) async throws
        -> (targetRole: Role, adminCount: Int)
    {
        let rows = try await transaction.query("""
            SELECT user_id, role::text FROM memberships WHERE organization_id = \(org) ORDER BY user_id FOR UPDATE
            """).all(as: (UUID, String).self)
        guard let target = rows.first(where: { $0.0 == target }), let role = Role(rawValue: target.1) else {
            throw AppError.notFound("Member")
        }
        return (role, rows.filter { $0.1 == Role.admin.rawValue }.count)
    }

    // MARK: - Audit log

    private func auditLog(_ context: TenantRequestContext, limit: Int?) async throws -> [AuditEntry] {
        let limit = min(max(limit ?? 100, 1), 500)
        return try await database.withTenant(context.scope) { transaction in
            try await transaction.query("""
                SELECT id, actor_user_id, action, target, details::text, created_at FROM audit_log
                WHERE organization_id = \(context.organizationID) ORDER BY created_at DESC, id LIMIT \(limit)
                """).all(as: (UUID, UUID?, String, String?, String, Date).self)
        }.map { row in
            let details = (try? JSONDecoder().decode([String: String].self, from: Data(row.4.utf8))) ?? [:]
            return AuditEntry(id: row.0, actor_user_id: row.1, action: row.2, target: row.3, details: details, created_at: row.5)
        }
    }
}
