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

    /// The host to connect to for `url`. Under a restriction the name is resolved once and the
    /// connection goes to the vetted address, so that a second DNS answer cannot steer it
    /// elsewhere; with `verify-full` TLS the name is kept and the certificate proves the server.
    func connectHost(for url: TargetURL) throws -> String {
        let host = url.host.lowercased()
        guard let trustedHosts, !trustedHosts.contains(host) else { return url.host }
        let addresses = NetworkAddress.isIPLiteral(host) ? [host] : resolve(host)
        guard let first = addresses.first else {
            throw TargetError(.unreachable, code: "target_unreachable", message: "Could not resolve the database host \(url.host).")
        }
        if let address = addresses.first(where: NetworkAddress.isPrivate) {
            throw TargetError(.invalidTarget, code: "target_address_not_allowed",
                           message: "The database host \(url.host) resolves to the private address \(address); dbooster connects only to databases reachable over the internet.")
        }
        return url.tls == .verifyFull ? url.host : first
    }
}
