import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird

/// `GET /notifications` and `POST /notifications/{id}/read`: the signed-in user's messages.
public struct NotificationsController: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public func register(_ routes: RouteRegistrar) {
        routes.user(.get, "/notifications") { _, context in try await list(context) }
        routes.user(.post, "/notifications/{id}/read") { _, context in
            let id = try Validate.id(context.parameters.get("id"), what: "Notification")
            try await markRead(id, context)
            return HTTPResponse.Status.noContent
        }
    }

    struct Notification: ResponseEncodable {
        let id: UUID
        let organization_id: UUID
        let kind: String
        let title: String
        let body: String
        let created_at: Date
        @Nullable var read_at: Date?
    }

    private func list(_ context: UserRequestContext) async throws -> [Notification] {
        return try await database.withTenant(context.scope) { transaction in
            try await transaction.query("""
                SELECT id, organization_id, kind, title, body, created_at, read_at FROM notifications
                WHERE user_id = \(context.user.id) ORDER BY created_at DESC LIMIT 200
                """).all(as: (UUID, UUID, String, String, String, Date, Date?).self)
        }.map { Notification(id: $0.0, organization_id: $0.1, kind: $0.2, title: $0.3, body: $0.4, created_at: $0.5, read_at: $0.6) }
    }

    private func markRead(_ id: UUID, _ context: UserRequestContext) async throws {
        let found = try await database.withTenant(context.scope) { transaction in
            try await transaction.query("""
                UPDATE notifications SET read_at = COALESCE(read_at, now())
                WHERE id = \(id) AND user_id = \(context.user.id) RETURNING id
                """).first(as: UUID.self) != nil
        }
        guard found else { throw AppError.notFound("Notification") }
    }
}
