import Core
import Foundation
import Logging
import PostgresNIO

/// Creating an organization, shared by sign-up (a personal organization) and `POST /organizations`.
public enum OrganizationStore {
    /// Creates an organization with `adminID` as its admin; it becomes the user's active one when
    /// they have none yet.
    /// Must run on the system path (no tenant exists yet). A taken name → 409 `name_taken`.
    public static func create(
        name: String, adminID: UUID, on connection: PostgresConnection, logger: Logger
    ) async throws -> UUID {
        let organizationID: UUID
        do {
            let rows = try await connection.query(
                "INSERT INTO organizations (name) VALUES (\(name)) RETURNING id", logger: logger)
            guard let id = try await rows.first(as: UUID.self) else {
                throw AppError.internalError
            }
            organizationID = id
        } catch let error as PSQLError where error.sqlState == "23505" {
            throw AppError.conflict("An organization with this name already exists.", code: "name_taken")
        }
        try await connection.query("""
            INSERT INTO memberships (organization_id, user_id, role) VALUES (\(organizationID), \(adminID), 'admin');
            """, logger: logger)
        try await connection.query("""
            UPDATE users SET organization_id = \(organizationID), role = 'admin'
            WHERE id = \(adminID) AND organization_id IS NULL
            """, logger: logger)
        try await AuditLog.record(
            on: connection, logger: logger, organizationID: organizationID, actorID: adminID,
            action: "organization.created", target: name)
        return organizationID
    }

    /// A free organization name derived from `base` ("Ada's team", "Ada's team 2", …).
    public static func availableName(base: String, on connection: PostgresConnection, logger: Logger) async throws -> String {
        let base = String(base.prefix(90))
        for attempt in 1...50 {
            let candidate = attempt == 1 ? base : "\(base) \(attempt)"
            let rows = try await connection.query(
                "SELECT 1 FROM organizations WHERE name = \(candidate)", logger: logger)
            if try await rows.first(as: Int.self) == nil { return candidate }
        }
        return "\(base) \(UUID().uuidString.prefix(8))"
    }
}
