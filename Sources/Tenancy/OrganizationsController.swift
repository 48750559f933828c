import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird

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
        let userID = context.user.id
        return try await database.withTenant(context.scope) { transaction in
            try await TenancyStore(transaction).organizations(of: userID)
        }.map { Summary(id: $0.id, name: $0.name, role: Role(rawValue: $0.role) ?? .viewer) }
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
        let org = context.organizationID
        return try await database.withTenant(context.scope) { transaction in
            try await TenancyStore(transaction).members(of: org)
        }.map(Self.member)
    }

    private static func member(_ row: TenancyStore.MemberRow) -> Member {
        Member(user_id: row.userID, email: row.email, full_name: row.fullName, role: Role(rawValue: row.role) ?? .viewer,
               joined_at: row.joinedAt)
    }

    private func changeRole(of userID: UUID, to role: Role, _ context: TenantRequestContext) async throws -> Member {
        let org = context.organizationID
        return try await database.withTenant(context.scope) { transaction in
            let store = TenancyStore(transaction)
            let current = try await lockAdmins(org: org, target: userID, in: store)
            if current.targetRole == .admin, role != .admin, current.adminCount <= 1 {
                throw AppError.conflict("The last admin of an organization cannot be demoted.", code: "last_admin")
            }
            try await store.setRole(role, of: userID, in: org)
            try await AuditLog.record(on: transaction, organizationID: org, actorID: context.user.id,
                                      action: "member.role_changed", target: userID.uuidString,
                                      details: ["from": current.targetRole.rawValue, "to": role.rawValue])
            guard let row = try await store.member(userID, of: org) else { throw AppError.notFound("Member") }
            return Self.member(row)
        }
    }

    private func remove(_ userID: UUID, _ context: TenantRequestContext) async throws {
        let org = context.organizationID
        try await database.withTenant(context.scope) { transaction in
            let store = TenancyStore(transaction)
            let current = try await lockAdmins(org: org, target: userID, in: store)
            if current.targetRole == .admin, current.adminCount <= 1 {
                throw AppError.conflict("The last admin of an organization cannot be removed.", code: "last_admin")
            }
            try await store.removeMember(userID, from: org)
            try await AuditLog.record(on: transaction, organizationID: org, actorID: context.user.id,
                                      action: userID == context.user.id ? "member.left" : "member.removed",
                                      target: userID.uuidString)
        }
    }

    /// Locks the organization's memberships (so two concurrent demotions cannot both pass the
    /// last-admin guard) and returns the target's role and the number of admins.
    private func lockAdmins(org: UUID, target: UUID, in store: TenancyStore) async throws
        -> (targetRole: Role, adminCount: Int)
    {
        let rows = try await store.lockMemberRoles(of: org)
        guard let target = rows.first(where: { $0.userID == target }), let role = Role(rawValue: target.role) else {
            throw AppError.notFound("Member")
        }
        return (role, rows.filter { $0.role == Role.admin.rawValue }.count)
    }

    // MARK: - Audit log

    private func auditLog(_ context: TenantRequestContext, limit: Int?) async throws -> [AuditEntry] {
        let limit = min(max(limit ?? 100, 1), 500)
        let org = context.organizationID
        return try await database.withTenant(context.scope) { transaction in
            try await TenancyStore(transaction).auditLog(of: org, limit: limit)
        }.map { row in
            let details = (try? JSONDecoder().decode([String: String].self, from: Data(row.details.utf8))) ?? [:]
            return AuditEntry(id: row.id, actor_user_id: row.actorUserID, action: row.action, target: row.target,
                              details: details, created_at: row.createdAt)
        }
    }
}
