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

// MARK: - Users

extension TenancyStore {
    /// `GET /users/me`: the user, their active organization and their role in it.
    struct UserProfile: Sendable {
        let id: UUID
        let email: String
        let fullName: String?
        let picture: String?
        let organizationID: UUID?
        /// Nil when the user is no longer a member of the active organization.
        let role: String?
        let createdAt: Date
        let gitHubConnected: Bool
    }

    func userProfile(_ userID: UUID) async throws -> UserProfile? {
        try await transaction.query("""
            SELECT u.id, u.email, u.full_name, u.picture, u.organization_id, m.role::text, u.created_at,
                   u.github_token IS NOT NULL
            FROM users u
            LEFT JOIN memberships m ON m.organization_id = u.organization_id AND m.user_id = u.id
            WHERE u.id = \(userID)
            """).first(as: (UUID, String, String?, String?, UUID?, String?, Date, Bool).self)
            .map {
                UserProfile(id: $0.0, email: $0.1, fullName: $0.2, picture: $0.3, organizationID: $0.4, role: $0.5,
                            createdAt: $0.6, gitHubConnected: $0.7)
            }
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
