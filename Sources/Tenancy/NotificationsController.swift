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
        let userID = context.user.id
        return try await database.withTenant(context.scope) { transaction in
            try await TenancyStore(transaction).notifications(of: userID)
        }.map {
            Notification(id: $0.id, organization_id: $0.organizationID, kind: $0.kind, title: $0.title, body: $0.body,
                         created_at: $0.createdAt, read_at: $0.readAt)
        }
    }

    private func markRead(_ id: UUID, _ context: UserRequestContext) async throws {
        let userID = context.user.id
        let found = try await database.withTenant(context.scope) { transaction in
            try await TenancyStore(transaction).markNotificationRead(id, of: userID)
        }
        guard found else { throw AppError.notFound("Notification") }
    }
}
