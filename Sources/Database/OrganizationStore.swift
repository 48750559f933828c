import Foundation
import Logging
import PostgresNIO

/// Creating an organization, shared by sign-up (a personal organization) and `POST /organizations`.
public enum OrganizationStore {
    /// Creates an organization with `adminID` as its admin; it becomes the user's active one when
    /// they have none yet.
    /// Must run on the system path (no tenant exists yet). A taken name throws ``OrganizationNameTaken``.
    public static func create(
        name: String, adminID: UUID, on transaction: Transaction
    ) async throws -> UUID {
        let organizationID: UUID
        do {
            let rows = try await transaction.query(
                "INSERT INTO organizations (name) VALUES (\(name)) RETURNING id")
            organizationID = try await rows.first(as: UUID.self)!
        } catch let error as PSQLError where error.sqlState == "23505" {
            throw OrganizationNameTaken()
        }
        try await transaction.query("""
            INSERT INTO memberships (organization_id, user_id, role) VALUES (\(organizationID), \(adminID), 'admin');
            """)
        try await transaction.query("""
            UPDATE users SET organization_id = \(organizationID), role = 'admin'
            WHERE id = \(adminID) AND organization_id IS NULL
            """)
        try await AuditLog.record(
            on: transaction, organizationID: organizationID, actorID: adminID,
            action: "organization.created", target: name)
        return organizationID
    }

    /// A free organization name derived from `base` ("Ada's team", "Ada's team 2", …).
    public static func availableName(base: String, on transaction: Transaction) async throws -> String {
        let base = String(base.prefix(90))
        for attempt in 1...50 {
            let candidate = attempt == 1 ? base : "\(base) \(attempt)"
            let rows = try await transaction.query(
                "SELECT 1 FROM organizations WHERE name = \(candidate)")
            if try await rows.first(as: Int.self) == nil { return candidate }
        }
        return "\(base) \(UUID().uuidString.prefix(8))"
    }
}

/// Another organization already has this name (409 `name_taken` over HTTP).
public struct OrganizationNameTaken: Error, Sendable {}
