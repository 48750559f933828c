import Foundation
import Logging
import PostgresNIO

/// Administrative actions of an organization (members, roles, projects, billing), newest first.
public enum AuditLog {
    /// Records one action inside the caller's transaction, so it commits with the change itself.
    public static func record(
        on transaction: Transaction,
        organizationID: UUID, actorID: UUID?, action: String, target: String? = nil,
        details: [String: String] = [:]
    ) async throws {
        let json = String(decoding: try JSONEncoder().encode(details), as: UTF8.self)
        try await transaction.query("""
            INSERT INTO audit_log (organization_id, actor_user_id, action, target, details)
            VALUES (\(organizationID), \(actorID), \(action), \(target), \(json)::jsonb)
            """)
    }
}

/// Messages shown to a user ("payment failed", "scan finished", "invited to an organization").
public enum Notifications {
    /// Sends a notification about `organizationID` to one user, inside the caller's transaction.
    public static func send(
        on transaction: Transaction,
        organizationID: UUID, userID: UUID, kind: String, title: String, body: String = ""
    ) async throws {
        try await transaction.query("""
            INSERT INTO notifications (organization_id, user_id, kind, title, body)
            VALUES (\(organizationID), \(userID), \(kind), \(title), \(body))
            """)
    }
}
