import Foundation

/// What an address is: resolving host names and telling private, loopback and link-local
/// addresses from public ones. Shared by repository downloads and customer database connections,
/// which must not be steered at dbooster's own network.
public enum NetworkAddress {
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

    public static func isIPLiteral(_ host: String) -> Bool {
        host.contains(":") || host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// Loopback, private, link-local, carrier-grade NAT, unspecified, multicast and their IPv6 forms.
    public static func isPrivate(_ address: String) -> Bool {
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
