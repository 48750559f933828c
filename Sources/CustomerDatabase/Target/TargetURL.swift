import Foundation

/// A customer database address parsed from a `postgres://` or `postgresql://` URL.
///
/// ``description`` never contains the password, so a `TargetURL` may appear in messages and logs.
public struct TargetURL: Sendable, Equatable, CustomStringConvertible {
    /// How the connection uses TLS, after libpq's `sslmode`.
    public enum TLSMode: String, Sendable {
        /// `sslmode=disable`: plain TCP.
        case disable
        /// `sslmode=allow|prefer` (and no sslmode): TLS when the server offers it, unverified.
        case prefer
        /// `sslmode=require`: TLS required, certificate not verified (as libpq does).
        case require
        /// `sslmode=verify-ca|verify-full`: TLS with a verified certificate and host name.
        case verifyFull = "verify-full"
    }

    public let host: String
    public let port: Int
    public let username: String
    public let password: String?
    public let database: String
    public let tls: TLSMode

    /// Parses a URL; throws 422 `invalid_database_url` when it is not a usable PostgreSQL URL.
    public init(parsing url: String) throws {
        guard url.count <= 2048, let components = URLComponents(string: url),
              ["postgres", "postgresql"].contains(components.scheme?.lowercased() ?? ""),
              let host = components.host, !host.isEmpty else {
            throw TargetError(.invalidTarget, code: "invalid_database_url",
                           message: "The database URL must look like postgresql://user:password@host:port/database.")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { first, _ in first }
        let path = components.percentEncodedPath.hasPrefix("/")
            ? String(components.percentEncodedPath.dropFirst()) : components.percentEncodedPath
        let user = components.percentEncodedUser.flatMap { $0.removingPercentEncoding ?? $0 } ?? "postgres"
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = components.port ?? 5432
        self.username = user
        self.password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding ?? $0 }
        let database = path.removingPercentEncoding ?? path
        self.database = database.isEmpty ? user : database
        switch query["sslmode"]?.lowercased() {
        case "disable": tls = .disable
        case "require": tls = .require
        case "verify-ca", "verify-full": tls = .verifyFull
        default: tls = .prefer
        }
    }

    /// `user@host:port/database` (no password).
    public var description: String { "\(username)@\(host):\(port)/\(database)" }

    /// Whether both URLs name the same database on the same server (host aliases of the local
    /// machine count as one host).
    public func sameDatabase(as other: TargetURL) -> Bool {
        port == other.port && database == other.database && Self.canonicalHost(host) == Self.canonicalHost(other.host)
    }

    private static func canonicalHost(_ host: String) -> String {
        let lowered = host.lowercased()
        return ["localhost", "127.0.0.1", "::1", "0.0.0.0"].contains(lowered) ? "localhost" : lowered
    }
}
