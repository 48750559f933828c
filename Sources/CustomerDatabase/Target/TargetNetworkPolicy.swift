import AddressGuard
import Foundation

/// Which addresses a customer database URL may reach.
///
/// The API refuses private, loopback and link-local addresses — dbooster's own network, cloud
/// metadata services — unless the host is explicitly trusted (`TARGET_PRIVATE_HOSTS`), so a
/// project's database URL cannot be used to probe the inside of dbooster's network. The command
/// line, run by an engineer against their own databases, reaches anything.
public struct TargetNetworkPolicy: Sendable {
    /// Hosts allowed to resolve to private addresses; nil when nothing is restricted.
    let trustedHosts: Set<String>?
    let resolve: @Sendable (String) -> [String]

    /// No restriction (the command line).
    public static let unrestricted = TargetNetworkPolicy(trustedHosts: nil, resolve: NetworkAddress.systemResolve)

    /// Public addresses only, but for `trustedHosts` (names or address literals, lower case).
    public static func publicOnly(
        trusting trustedHosts: Set<String>,
        resolve: @escaping @Sendable (String) -> [String] = NetworkAddress.systemResolve
    ) -> TargetNetworkPolicy {
        TargetNetworkPolicy(trustedHosts: Set(trustedHosts.map { $0.lowercased() }), resolve: resolve)
    }

    /// Where to connect for `url`. Under a restriction the host — a name, or an address in any
    /// spelling the socket layer accepts (`0177.0.0.1`, `::ffff:7f00:1`) — is resolved once,
    /// every answer must be public, and the connection goes to the canonical vetted address, so
    /// that a second DNS answer cannot steer it elsewhere. With `verify-full` TLS the name is kept
    /// as the TLS server name, so the certificate still proves the server.
    ///
    /// The name is looked up off the caller's thread and within `limit` (a silent DNS server is
    /// `target_timeout`).
    func connectTarget(for url: TargetURL, within limit: Duration) async throws -> (host: String, tlsServerName: String?) {
        let host = url.host.lowercased()
        guard let trustedHosts, !trustedHosts.contains(host) else { return (url.host, nil) }
        switch await NetworkAddress.vet(host, within: limit, resolve: resolve) {
        case .failure(.timedOut):
            throw TargetError(.timedOut, code: "target_timeout",
                              message: "Resolving the database host \(url.host) took longer than the connect timeout; try again later.")
        case .failure(.unresolved):
            throw TargetError(.unreachable, code: "target_unreachable", message: "Could not resolve the database host \(url.host).")
        case .failure(.privateAddress(let address)):
            throw TargetError(.invalidTarget, code: "target_address_not_allowed",
                           message: "The database host \(url.host) resolves to the private address \(address); dbooster connects only to databases reachable over the internet.")
        case .success(let addresses):
            let serverName = url.tls == .verifyFull && !NetworkAddress.isIPLiteral(host) ? url.host : nil
            return (addresses[0].description, serverName)
        }
    }

    /// The host to connect to for `url` (see ``connectTarget(for:within:)``).
    func connectHost(for url: TargetURL, within limit: Duration = .seconds(5)) async throws -> String {
        try await connectTarget(for: url, within: limit).host
    }
}
