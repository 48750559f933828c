import Core
import Database
import Foundation
import PostgresNIO

// MARK: - Organizations and members

extension TenancyStore {
    struct OrganizationSummary: Sendable {
        let id: UUID
        let name: String
        let role: String
    }

    struct MemberRow: Sendable {
        let userID: UUID
        let email: String
        let fullName: String?
        let role: String
        let joinedAt: Date
    }

    /// The organizations `userID` belongs to, by name.
    func organizations(of userID: UUID) async throws -> [OrganizationSummary] {
        try await transaction.query("""
            SELECT o.id, o.name, m.role::text FROM memberships m JOIN organizations o ON o.id = m.organization_id
            WHERE m.user_id = \(userID) ORDER BY o.name
            """).all(as: (UUID, String, String).self)
            .map { OrganizationSummary(id: $0.0, name: $0.1, role: $0.2) }
    }

    func members(of organizationID: UUID) async throws -> [MemberRow] {
        try await transaction.query("""
            SELECT u.id, u.email, u.full_name, m.role::text, m.created_at
            FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.organization_id = \(organizationID) ORDER BY m.created_at, u.email
            """).all(as: (UUID, String, String?, String, Date).self).map(Self.member)
    }

    func member(_ userID: UUID, of organizationID: UUID) async throws -> MemberRow? {
        try await transaction.query("""
            SELECT u.id, u.email, u.full_name, m.role::text, m.created_at
            FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.organization_id = \(organizationID) AND m.user_id = \(userID)
            """).first(as: (UUID, String, String?, String, Date).self).map(Self.member)
    }

    private static func member(_ row: (UUID, String, String?, String, Date)) -> MemberRow {
        MemberRow(userID: row.0, email: row.1, fullName: row.2, role: row.3, joinedAt: row.4)
    }

    /// Locks the organization's memberships (so two concurrent changes cannot both pass the
    /// last-admin guard) and returns every member's role.
    func lockMemberRoles(of organizationID: UUID) async throws -> [(userID: UUID, role: String)] {
        try await transaction.query("""
            SELECT user_id, role::text FROM memberships WHERE organization_id = \(organizationID) ORDER BY user_id FOR UPDATE
            """).all(as: (UUID, String).self).map { (userID: $0.0, role: $0.1) }
    }

    /// Sets the member's role, and the user's own when this is their active organization.
    func setRole(_ role: Role, of userID: UUID, in organizationID: UUID) async throws {
        try await transaction.query(
            "UPDATE memberships SET role = \(role.rawValue)::user_role WHERE organization_id = \(organizationID) AND user_id = \(userID)")
        try await transaction.query(
            "UPDATE users SET role = \(role.rawValue)::user_role WHERE id = \(userID) AND organization_id = \(organizationID)")
    }

    /// Removes the membership; the user has no active organization afterwards when it was this one.
    func removeMember(_ userID: UUID, from organizationID: UUID) async throws {
        try await transaction.query("""
            UPDATE users SET organization_id = NULL WHERE id = \(userID) AND organization_id = \(organizationID)
            """)
        try await transaction.query(
            "DELETE FROM memberships WHERE organization_id = \(organizationID) AND user_id = \(userID)")
    }

    // MARK: - Audit log

    struct AuditEntryRow: Sendable {
        let id: UUID
        let actorUserID: UUID?
        let action: String
        let target: String?
        /// The JSON object of details, as text.
        let details: String
        let createdAt: Date
    }

    /// The organization's latest `limit` audit entries, newest first.
    func auditLog(of organizationID: UUID, limit: Int) async throws -> [AuditEntryRow] {
        try await transaction.query("""
            SELECT id, actor_user_id, action, target, details::text, created_at FROM audit_log
            WHERE organization_id = \(organizationID) ORDER BY created_at DESC, id LIMIT \(limit)
            """).all(as: (UUID, UUID?, String, String?, String, Date).self)
            .map { AuditEntryRow(id: $0.0, actorUserID: $0.1, action: $0.2, target: $0.3, details: $0.4, createdAt: $0.5) }
    }
}
