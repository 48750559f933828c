import Core
import Database
import Foundation
import PostgresNIO

// MARK: - Invitations

extension TenancyStore {
    struct InvitationLookup: Sendable {
        let organizationID: UUID
        let role: String
        let expired: Bool
        let accepted: Bool
    }

    /// Whether a user with `email` (lower-cased) is a member already.
    func isMember(email: String, of organizationID: UUID) async throws -> Bool {
        try await transaction.query("""
            SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.organization_id = \(organizationID) AND lower(u.email) = \(email)
            """).first(as: Int.self) != nil
    }

    /// Records an invitation; returns its id.
    func createInvitation(
        organizationID: UUID, email: String, role: Role, tokenHash: String, invitedBy: UUID, expiresAt: Date
    ) async throws -> UUID? {
        try await transaction.query("""
            INSERT INTO invitations (organization_id, email, role, token_hash, invited_by, expires_at)
            VALUES (\(organizationID), \(email), \(role.rawValue)::user_role, \(tokenHash), \(invitedBy), \(expiresAt))
            RETURNING id
            """).first(as: UUID.self)
    }

    /// The existing user with `email` and the organization's name (system path: the invitee is not a member yet).
    func invitee(email: String, organizationID: UUID) async throws -> (userID: UUID, organizationName: String)? {
        try await transaction.query("""
            SELECT u.id, o.name FROM users u, organizations o WHERE lower(u.email) = \(email) AND o.id = \(organizationID)
            """).first(as: (UUID, String).self).map { (userID: $0.0, organizationName: $0.1) }
    }

    /// The invitation with this token hash, as far as row-level security shows it to the caller.
    func invitation(tokenHash: String) async throws -> InvitationLookup? {
        try await transaction.query("""
            SELECT organization_id, role::text, expires_at < now(), accepted_at IS NOT NULL
            FROM invitations WHERE token_hash = \(tokenHash)
            """).first(as: (UUID, String, Bool, Bool).self)
            .map { InvitationLookup(organizationID: $0.0, role: $0.1, expired: $0.2, accepted: $0.3) }
    }

    /// Adds the member (once), marks the invitation accepted and makes the organization the user's
    /// active one when they have none.
    func acceptInvitation(tokenHash: String, organizationID: UUID, userID: UUID, role: String) async throws {
        try await transaction.query("""
            INSERT INTO memberships (organization_id, user_id, role) VALUES (\(organizationID), \(userID), \(role)::user_role)
            ON CONFLICT (organization_id, user_id) DO NOTHING
            """)
        try await transaction.query(
            "UPDATE invitations SET accepted_at = now() WHERE organization_id = \(organizationID) AND token_hash = \(tokenHash)")
        try await transaction.query("""
            UPDATE users SET organization_id = \(organizationID), role = \(role)::user_role
            WHERE id = \(userID) AND organization_id IS NULL
            """)
    }
}
