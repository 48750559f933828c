import Foundation
import Logging
import PostgresNIO

/// Creating an organization, shared by sign-up (a personal organization) and `POST /organizations`.
public enum OrganizationStore {
    /// Creates an organization with `adminID` as its admin; it becomes the user's active one when
    /// they have none yet.
    /// Must run on the system path (no tenant exists yet). A taken name throws ``OrganizationNameTaken``
    /// (names are unique: `POST /organizations` answers 409 `name_taken`).
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
        try await finish(organizationID: organizationID, name: name, adminID: adminID, on: transaction)
        return organizationID
    }

    /// Creates a personal organization named after `base` ("Ada's organization", "Ada's
    /// organization 2", …), choosing the name atomically: each candidate is inserted with
    /// `ON CONFLICT DO NOTHING`, which waits for a concurrent insert of the same name and then
    /// moves on, so simultaneous sign-ups of people with the same name never collide.
    public static func createPersonal(
        base: String, adminID: UUID, on transaction: Transaction
    ) async throws -> UUID {
        let base = String(base.prefix(90))
        for attempt in 1...60 {
            let candidate = switch attempt {
            case 1: base
            case 2...50: "\(base) \(attempt)"
            default: "\(base) \(UUID().uuidString.prefix(8).lowercased())"
            }
            if let organizationID = try await transaction.query("""
                INSERT INTO organizations (name) VALUES (\(candidate)) ON CONFLICT (name) DO NOTHING RETURNING id
                """).first(as: UUID.self) {
                try await finish(organizationID: organizationID, name: candidate, adminID: adminID, on: transaction)
                return organizationID
            }
        }
        throw OrganizationNameTaken()
    }

    private static func finish(organizationID: UUID, name: String, adminID: UUID, on transaction: Transaction) async throws {
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
    }
}

/// Another organization already has this name (409 `name_taken` over HTTP).
public struct OrganizationNameTaken: Error, Sendable {}
