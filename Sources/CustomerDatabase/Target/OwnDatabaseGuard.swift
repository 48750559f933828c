import Foundation

/// Recognises dbooster's own database so that it is never used as a customer's target.
///
/// Two checks: the URL is compared with `DATABASE_URL` (host aliases, port, database name), and
/// once connected the target is searched for the instance id that migration 0007 stores in
/// `dbooster_instance` (catches another host name, a proxy or a port forward).
public struct OwnDatabaseGuard: Sendable {
    /// dbooster's own database URL, if known.
    public var ownURL: TargetURL?
    /// Reads this installation's instance id (from dbooster's own database), if known.
    public var instanceID: @Sendable () async throws -> UUID?

    public init(ownURL: TargetURL?, instanceID: @escaping @Sendable () async throws -> UUID?) {
        self.ownURL = ownURL
        self.instanceID = instanceID
    }

    /// A guard that recognises nothing (for the command line, which has no own database).
    public static let none = OwnDatabaseGuard(ownURL: nil, instanceID: { nil })

    /// 422 `own_database`.
    public static let refusal = TargetError(.invalidTarget, code: "own_database",
        message: "This URL points at dbooster's own database; connect a database of your application instead.")
}
