import Core
import Foundation
import PostgresNIO

/// Who is calling, read from dbooster's database for a verified access token.
public struct RequestIdentity: Sendable, Equatable {
    /// The user, with their profile.
    public let user: AuthenticatedUser
    /// The user's membership of the organization the request acts in (the one it names, else the
    /// user's active organization), if they have one.
    public let membership: OrganizationMembership?
    /// False when the access token's session was ended (logout, refresh-token reuse).
    public let sessionActive: Bool
}

/// What a request asks to act as: the verified token's user and session, and which organization.
public struct RequestClaims: Sendable, Equatable {
    public let userID: UUID
    /// The refresh-token family the access token was issued for (`sid`), if it names one.
    public let sessionID: UUID?
    /// The organization the request names (path or `X-Organization-Id`); nil means the user's
    /// active organization.
    public let organizationID: UUID?
    /// Whether the transaction acts in that organization (organization routes) or for the user
    /// alone (`user` routes).
    public let inOrganization: Bool

    public init(userID: UUID, sessionID: UUID?, organizationID: UUID?, inOrganization: Bool) {
        self.userID = userID
        self.sessionID = sessionID
        self.organizationID = organizationID
        self.inOrganization = inOrganization
    }
}

/// The one statement that authenticates a request: it reads the user, their membership and the
/// session's state and, in the same round trip, switches the transaction to the tenant role with
/// the request's scope (transaction-locally), so that every later statement of the request runs
/// under row-level security.
///
/// It is the system step of every authenticated request: it runs with the connection's own role
/// (a member of `dbooster_system`), before the switch; the `set_config` calls are evaluated after
/// the row is read. Prepared once per connection.
struct AuthenticateRequest: PostgresPreparedStatement {
    static let sql = """
        SELECT \(IdentityRead.columns),
               set_config('app.user_id', u.id::text, true),
               set_config('app.user_email', u.email, true),
               set_config('app.organization_id', CASE WHEN $4::boolean THEN COALESCE(m.organization_id::text, '') ELSE '' END, true),
               set_config('role', 'dbooster_tenant', true)
        \(IdentityRead.source)
        """

    typealias Row = IdentityRead.Row

    let claims: RequestClaims

    func makeBindings() -> PostgresBindings {
        var bindings = IdentityRead.bindings(claims, capacity: 4)
        bindings.append(claims.inOrganization)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        let all = try row.decode((String, UUID?, UUID?, String?, String?, String?, Date, Bool, Bool, String, String, String, String).self)
        return (all.0, all.1, all.2, all.3, all.4, all.5, all.6, all.7, all.8)
    }
}

/// The identity alone, for a request with no later statement in the same transaction (routes
/// that answer from the identity, or call outside services and open their own transactions): the
/// scope would end with the statement, so it is not set — a third less work for the server than
/// ``AuthenticateRequest``. Prepared once per connection.
struct IdentityRead: PostgresPreparedStatement {
    /// The user's profile, the membership of the organization named (`$2`, else the active one)
    /// and whether the session (`$3`) is still open.
    static let columns = """
        u.email, u.organization_id, m.organization_id, m.role::text, u.full_name, u.picture, u.created_at,
               u.github_token IS NOT NULL,
               $3::uuid IS NULL OR NOT EXISTS (
                   SELECT 1 FROM refresh_tokens r WHERE r.family_id = $3::uuid AND r.revoked_at IS NOT NULL)
        """
    /// The user `$1` and their membership.
    static let source = """
        FROM users u
        LEFT JOIN memberships m ON m.user_id = u.id AND m.organization_id = COALESCE($2::uuid, u.organization_id)
        WHERE u.id = $1::uuid
        """
    static let sql = "SELECT \(columns)\n\(source)"

    typealias Row = (String, UUID?, UUID?, String?, String?, String?, Date, Bool, Bool)

    let claims: RequestClaims

    /// `$1`–`$3`: the user, the organization named and the session.
    static func bindings(_ claims: RequestClaims, capacity: Int) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: capacity)
        bindings.append(claims.userID)
        bindings.append(claims.organizationID)
        bindings.append(claims.sessionID)
        return bindings
    }

    func makeBindings() -> PostgresBindings {
        Self.bindings(claims, capacity: 3)
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try row.decode(Row.self)
    }

    /// The identity in a row, or nil when the user does not exist.
    static func identity(_ row: Row?, claims: RequestClaims) -> RequestIdentity? {
        guard let row else { return nil }
        var membership: OrganizationMembership?
        if let organizationID = row.2, let role = row.3.flatMap(Role.init(rawValue:)) {
            membership = OrganizationMembership(organizationID: organizationID, role: role)
        }
        let activeRole = membership.flatMap { $0.organizationID == row.1 ? $0.role : nil }
        let profile = UserProfile(fullName: row.4, picture: row.5, createdAt: row.6, githubConnected: row.7,
                                  activeOrganizationRole: activeRole)
        let user = AuthenticatedUser(id: claims.userID, email: row.0, activeOrganizationID: row.1, profile: profile)
        return RequestIdentity(user: user, membership: membership, sessionActive: row.8)
    }
}
