import Foundation

/// Decides whether a download may go to a URL: the repository's API or an allowed host, over
/// https (or the configured API's own scheme), never to a private or loopback address unless
/// the host is explicitly trusted (`SCAN_PRIVATE_HOSTS`).
public struct DownloadGuard: Sendable {
    let settings: ScanSettings
    /// Resolves a host name to its IP addresses (textual).
    let resolve: @Sendable (String) -> [String]

    public init(settings: ScanSettings, resolve: @escaping @Sendable (String) -> [String] = DownloadGuard.systemResolve) {
        self.settings = settings
        self.resolve = resolve
    }

    /// Throws ``ScanFailure`` when `url` may not be fetched.
    public func check(_ url: URL, apiBase: URL) throws {
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
        guard !settings.privateHosts.contains(host) else { return }
        let addresses = Self.isIPLiteral(host) ? [host] : resolve(host)
        guard !addresses.isEmpty else { throw ScanFailure("could not resolve \(host)") }
        if let address = addresses.first(where: Self.isPrivate) {
            throw ScanFailure("refused to download from \(host): it resolves to the private or loopback address \(address)")
        }
    }

    // MARK: - Addresses

    /// The addresses `getaddrinfo` gives for `host`.
    public static func systemResolve(_ host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(info.pointee.ai_addr, info.pointee.ai_addrlen, &buffer, socklen_t(buffer.count),
                           nil, 0, NI_NUMERICHOST) == 0 {
                addresses.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            cursor = info.pointee.ai_next
        }
        return addresses
    }

    static func isIPLiteral(_ host: String) -> Bool {
        host.contains(":") || host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// Loopback, private, link-local, carrier-grade NAT, unspecified, multicast and their IPv6 forms.
    static func isPrivate(_ address: String) -> Bool {
        let lowered = address.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if lowered.contains(":") {
            if lowered == "::1" || lowered == "::" { return true }
            if lowered.hasPrefix("::ffff:") { return isPrivate(String(lowered.dropFirst(7))) }
            return lowered.hasPrefix("fc") || lowered.hasPrefix("fd") || lowered.hasPrefix("fe8")
                || lowered.hasPrefix("fe9") || lowered.hasPrefix("fea") || lowered.hasPrefix("feb") || lowered.hasPrefix("ff")
        }
        let octets = lowered.split(separator: ".").compactMap { Int($0) }
        guard octets.count == 4 else { return true }
        switch (octets[0], octets[1]) {
        case (0, _), (10, _), (127, _), (169, 254), (192, 168), (255, _): return true
        case (172, 16...31), (100, 64...127), (198, 18...19): return true
        case (224...239, _): return true
        default: return false
        }
    }
}

/// Why a scan failed, in words for the user (stored as the scan's `error`).
public struct ScanFailure: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
