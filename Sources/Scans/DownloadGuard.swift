import AddressGuard
import Foundation

/// Decides whether a download may go to a URL: the repository's API or an allowed host, over
/// https (or the configured API's own scheme), never to a private or loopback address unless
/// the host is explicitly trusted (`SCAN_PRIVATE_HOSTS`).
public struct DownloadGuard: Sendable {
    let settings: ScanSettings
    /// Resolves a host name to its IP addresses (textual).
    let resolve: @Sendable (String) -> [String]

    public init(settings: ScanSettings, resolve: @escaping @Sendable (String) -> [String] = NetworkAddress.systemResolve) {
        self.settings = settings
        self.resolve = resolve
    }

    /// Throws ``ScanFailure`` when `url` may not be fetched. Returns the vetted address the
    /// connection must go to (the host resolved once, in canonical form), or nil for a trusted
    /// host, which is reached by name. The host is looked up off the caller's thread, within the
    /// GitHub connect time limit.
    @discardableResult
    public func check(_ url: URL, apiBase: URL) async throws -> String? {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty else {
            throw ScanFailure("refused to download \(url.absoluteString): not an absolute URL")
        }
        guard url.user == nil, url.password == nil else {
            throw ScanFailure("refused to download from a URL with credentials")
        }
        let sameAsAPI = scheme == apiBase.scheme?.lowercased() && host == apiBase.host?.lowercased()
            && url.port == apiBase.port
        guard scheme == "https" || sameAsAPI else {
            throw ScanFailure("refused to download from \(host) over \(scheme); only https is allowed")
        }
        guard sameAsAPI || settings.isDownloadHost(host) else {
            throw ScanFailure("refused a redirect to \(host), which is not an allowed host")
        }
        guard !settings.privateHosts.contains(host) else { return nil }
        switch await NetworkAddress.vet(host, within: settings.gitHubTimeouts.connect, resolve: resolve) {
        case .failure(.timedOut):
            throw ScanFailure("resolving \(host) took too long")
        case .failure(.unresolved):
            throw ScanFailure("could not resolve \(host)")
        case .failure(.privateAddress(let address)):
            throw ScanFailure("refused to download from \(host): it resolves to the private or loopback address \(address)")
        case .success(let addresses):
            return addresses[0].description
        }
    }
}

/// Why a scan failed, in words for the user (stored as the scan's `error`).
public struct ScanFailure: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
