import Core
import Database
import Foundation
import PostgresNIO

/// The Tenancy feature's SQL: users, organizations and members, invitations, notifications,
/// projects. A store works inside the transaction it is given (tenant or system path, chosen by
/// the caller) and returns named rows; topics are in the `TenancyStore+*.swift` files.
struct TenancyStore: Sendable {
    let transaction: Transaction

    init(_ transaction: Transaction) {
        self.transaction = transaction
    }
}

// MARK: - Notifications

extension TenancyStore {
    struct NotificationRow: Sendable {
        let id: UUID
        let organizationID: UUID
        let kind: String
        let title: String
        let body: String
        let createdAt: Date
        let readAt: Date?
    }

    /// The user's latest 200 notifications, newest first.
    func notifications(of userID: UUID) async throws -> [NotificationRow] {
        try await transaction.query("""
            SELECT id, organization_id, kind, title, body, created_at, read_at FROM notifications
            WHERE user_id = \(userID) ORDER BY created_at DESC LIMIT 200
            """).all(as: (UUID, UUID, String, String, String, Date, Date?).self)
            .map {
                NotificationRow(id: $0.0, organizationID: $0.1, kind: $0.2, title: $0.3, body: $0.4, createdAt: $0.5,
                                readAt: $0.6)
            }
    }

    /// Marks one of the user's notifications read; false when there is none with `id`.
    func markNotificationRead(_ id: UUID, of userID: UUID) async throws -> Bool {
        try await transaction.query("""
            UPDATE notifications SET read_at = COALESCE(read_at, now())
            WHERE id = \(id) AND user_id = \(userID) RETURNING id
            """).first(as: UUID.self) != nil
    }
}
