import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird

/// Inviting people to an organization (`POST /organizations/{id}/invitations`) and accepting
/// (`POST /invitations/accept`). Tokens are random and stored only as hashes.
public struct InvitationsController: Sendable {
    /// Random secret tokens and their storage hash, from the Auth module's primitives.
    public struct Tokens: Sendable {
        public var generate: @Sendable () -> String
        public var hash: @Sendable (String) -> String

        public init(generate: @escaping @Sendable () -> String, hash: @escaping @Sendable (String) -> String) {
            self.generate = generate
            self.hash = hash
        }
    }

    let database: Database
    let tokens: Tokens
    let lifetime: TimeInterval

    public init(database: Database, tokens: Tokens, lifetime: TimeInterval = 7 * 86400) {
        self.database = database
        self.tokens = tokens
        self.lifetime = lifetime
    }

    public func register(_ routes: RouteRegistrar) {
        routes.tenant(.post, "/organizations/{id}/invitations", minimum: .admin) { request, context in
            let body = try await request.decodeJSON(InviteBody.self, context: context)
            return EditedResponse(status: .created, response: try await invite(body, context))
        }
        routes.user(.post, "/invitations/accept") { request, context in
            let body = try await request.decodeJSON(AcceptBody.self, context: context)
            return try await accept(token: body.token, context)
        }
    }

    struct InviteBody: Decodable {
        let email: String
        let role: Role
    }
    struct AcceptBody: Decodable { let token: String }
    struct Invitation: ResponseEncodable {
        let id: UUID
        let email: String
        let role: Role
        let token: String
        let expires_at: Date
    }
    struct Accepted: ResponseEncodable {
        let organization_id: UUID
        let role: Role
    }

    private func invite(_ body: InviteBody, _ context: TenantRequestContext) async throws -> Invitation {
        let email = try Validate.email(body.email)
        let token = tokens.generate()
        let expires = Date().addingTimeInterval(lifetime)
        let org = context.organizationID
        let tokenHash = tokens.hash(token)
        let id = try await database.withTenant(context.scope) { transaction in
            let store = TenancyStore(transaction)
            if try await store.isMember(email: email, of: org) {
                throw AppError.conflict("This person is already a member.", code: "already_member")
            }
            guard let id = try await store.createInvitation(
                organizationID: org, email: email, role: body.role, tokenHash: tokenHash, invitedBy: context.user.id,
                expiresAt: expires) else { throw AppError.internalError }
            try await AuditLog.record(on: transaction, organizationID: org, actorID: context.user.id,
                                      action: "member.invited", target: email, details: ["role": body.role.rawValue])
            return id
        }
        do {
            try await notifyInvitee(email: email, org: org, role: body.role)
        } catch {
            // The invitation is committed; a missing notice must not turn it into an error (and a retry
            // into a second invitation).
            database.logger.warning("Could not notify the invitee: \(error)")
        }
        return Invitation(id: id, email: email, role: body.role, token: token, expires_at: expires)
    }

    /// Tells an existing user about the invitation (system path: the invitee is not a member yet).
    private func notifyInvitee(email: String, org: UUID, role: Role) async throws {
        try await database.withSystem { transaction in
            guard let (userID, orgName) = try await TenancyStore(transaction).invitee(email: email, organizationID: org)
            else { return }
            try await Notifications.send(on: transaction, organizationID: org, userID: userID,
                                         kind: "invitation", title: "You are invited to \(orgName)",
                                         body: "You were invited to join \(orgName) as \(role.rawValue).")
        }
    }

    private func accept(token: String, _ context: UserRequestContext) async throws -> Accepted {
        let hash = tokens.hash(token)
        return try await database.withTenant(context.scope) { transaction in
            // Row-level security shows the invitee only invitations addressed to their email.
            let store = TenancyStore(transaction)
            guard let invitation = try await store.invitation(tokenHash: hash),
                  let role = Role(rawValue: invitation.role) else {
                throw AppError(.notFound, code: "invitation_not_found",
                               message: "No invitation with this token is addressed to your email.")
            }
            let (org, roleText) = (invitation.organizationID, invitation.role)
            if invitation.accepted { throw AppError.conflict("This invitation was already accepted.", code: "invitation_used") }
            if invitation.expired { throw AppError.conflict("This invitation has expired; ask for a new one.", code: "invitation_expired") }
            try await transaction.switchScope(to: context.scope(in: org))
            try await store.acceptInvitation(tokenHash: hash, organizationID: org, userID: context.user.id, role: roleText)
            try await AuditLog.record(on: transaction, organizationID: org, actorID: context.user.id,
                                      action: "member.joined", target: context.user.email, details: ["role": roleText])
            return Accepted(organization_id: org, role: role)
        }
    }
}
