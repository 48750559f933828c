import Foundation

/// What an address is: resolving host names and telling private, loopback and link-local
/// addresses from public ones. Shared by repository downloads and customer database connections,
/// which must not be steered at dbooster's own network.
///
/// Text is read the way the socket layer will read it — `inet_pton` for IPv6, `inet_aton` for
/// IPv4, so `0177.0.0.1`, `0x7f.1`, `2130706433` and `127.1` are all 127.0.0.1 — and IPv6 forms
/// that carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) are judged by the IPv4
/// address inside. Callers connect to ``IPAddress/description`` of the address they vetted, never
/// to the original text.
public enum NetworkAddress {
    /// The addresses `getaddrinfo` gives for `host`, as canonical numeric text.
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

    /// Whether the socket layer would take `host` as a numeric address (in any spelling) rather
    /// than a name to resolve.
    public static func isIPLiteral(_ host: String) -> Bool { IPAddress(host) != nil }

    /// Whether `address` is not a public unicast address. Text that is not an address in any
    /// spelling counts as private (refused).
    public static func isPrivate(_ address: String) -> Bool {
        guard let parsed = IPAddress(address) else { return true }
        return parsed.isPrivate
    }

    /// Why a host may not be reached.
    public enum Refusal: Error, Equatable, Sendable {
        /// The name resolved to nothing.
        case unresolved
        /// One of its addresses is private; the canonical address is given.
        case privateAddress(String)
        /// The name was not resolved in time (see ``vet(_:within:resolve:)``).
        case timedOut
    }

    /// Resolves `host` once (a numeric host in any spelling is not looked up) and returns the
    /// canonical public addresses to connect to, or the reason none may be used. Every answer
    /// must be public: one private answer refuses the host (a rebinding name often answers both).
    public static func vet(_ host: String, resolve: (String) -> [String]) -> Result<[IPAddress], Refusal> {
        let bare = IPAddress.stripBrackets(host)
        let answers: [String] = IPAddress(bare) != nil ? [bare] : resolve(bare)
        guard !answers.isEmpty else { return .failure(.unresolved) }
        var vetted: [IPAddress] = []
        for answer in answers {
            guard let address = IPAddress(answer) else { return .failure(.privateAddress(answer)) }
            if address.isPrivate { return .failure(.privateAddress(address.description)) }
            vetted.append(address)
        }
        return .success(vetted)
    }
}

/// An IPv4 or IPv6 address, read with the socket layer's own parsers.
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    case v4(UInt32)
    case v6([UInt8])

    /// Parses `text` as `inet_pton(AF_INET6)` (brackets and a `%zone` allowed) or `inet_aton`
    /// (octal, hexadecimal and short forms) would; nil for a host name.
    public init?(_ text: String) {
        var bare = Self.stripBrackets(text.trimmingCharacters(in: .whitespaces))
        guard !bare.isEmpty, bare.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else { return nil }
        if bare.contains(":") {
            if let zone = bare.firstIndex(of: "%") { bare = String(bare[..<zone]) }
            var storage = in6_addr()
            guard inet_pton(AF_INET6, bare, &storage) == 1 else { return nil }
            self = .v6(withUnsafeBytes(of: &storage) { Array($0) })
            return
        }
        var storage = in_addr()
        guard inet_aton(bare, &storage) != 0 else { return nil }
        self = .v4(UInt32(bigEndian: storage.s_addr))
    }

    static func stripBrackets(_ text: String) -> String {
        text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
    }

    /// Canonical numeric text (`inet_ntop`), what a connection should be made to.
    public var description: String {
        switch self {
        case .v4(let value):
            return "\(value >> 24).\(value >> 16 & 0xff).\(value >> 8 & 0xff).\(value & 0xff)"
        case .v6(var bytes):
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            _ = inet_ntop(AF_INET6, &bytes, &buffer, socklen_t(buffer.count))
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// Not a public unicast address: loopback, private, link-local, shared (CGNAT), unspecified,
    /// broadcast, multicast, reserved, documentation and benchmark ranges — and IPv6 forms that
    /// embed such an IPv4 address.
    public var isPrivate: Bool {
        switch self {
        case .v4(let value): return Self.isPrivateV4(value)
        case .v6(let bytes): return Self.isPrivateV6(bytes)
        }
    }

    private static let privateV4: [(UInt32, Int)] = [
        (0x0000_0000, 8),   // 0.0.0.0/8 "this network"
        (0x0A00_0000, 8),   // 10/8
        (0x6440_0000, 10),  // 100.64/10 shared address space
        (0x7F00_0000, 8),   // 127/8 loopback
        (0xA9FE_0000, 16),  // 169.254/16 link-local, cloud metadata
        (0xAC10_0000, 12),  // 172.16/12
        (0xC000_0000, 24),  // 192.0.0/24 IETF protocol assignments
        (0xC000_0200, 24),  // 192.0.2/24 documentation
        (0xC058_6300, 24),  // 192.88.99/24 6to4 relay
        (0xC0A8_0000, 16),  // 192.168/16
        (0xC612_0000, 15),  // 198.18/15 benchmarking
        (0xC633_6400, 24),  // 198.51.100/24 documentation
        (0xCB00_7100, 24),  // 203.0.113/24 documentation
        (0xE000_0000, 4),   // 224/4 multicast
        (0xF000_0000, 4),   // 240/4 reserved, broadcast
    ]

    static func isPrivateV4(_ value: UInt32) -> Bool {
        privateV4.contains { network, length in value >> UInt32(32 - length) == network >> UInt32(32 - length) }
    }

    static func isPrivateV6(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 16 else { return true }
        func v4(at offset: Int) -> UInt32 {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
        }
        let firstTen = bytes[0..<10].allSatisfy { $0 == 0 }
        // ::/96 (unspecified, loopback, IPv4-compatible) and ::ffff:0:0/96 (IPv4-mapped).
        if firstTen && ((bytes[10] == 0 && bytes[11] == 0) || (bytes[10] == 0xff && bytes[11] == 0xff)) {
            let embedded = v4(at: 12)
            return embedded <= 1 || isPrivateV4(embedded)
        }
        // ::ffff:0:0:0/96 (IPv4-translated, SIIT).
        if bytes[0..<8].allSatisfy({ $0 == 0 }) && bytes[8] == 0xff && bytes[9] == 0xff && bytes[10] == 0 && bytes[11] == 0 {
            return isPrivateV4(v4(at: 12))
        }
        // 64:ff9b::/96 well-known NAT64 prefix; 64:ff9b:1::/48 local-use NAT64 (always private).
        if bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b {
            if bytes[4] == 0 && bytes[5] == 1 { return true }
            return isPrivateV4(v4(at: 12))
        }
        // 2002::/16 6to4: the IPv4 address follows the prefix.
        if bytes[0] == 0x20 && bytes[1] == 0x02 { return isPrivateV4(v4(at: 2)) }
        // 2001::/32 Teredo: the client's IPv4 address is the last 32 bits, inverted.
        if bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0 {
            return isPrivateV4(~v4(at: 12)) || isPrivateV4(v4(at: 4))
        }
        // 2001:db8::/32 documentation, 100::/64 discard.
        if bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8 { return true }
        if bytes[0] == 0x01 && bytes[1] == 0x00 && bytes[2..<8].allSatisfy({ $0 == 0 }) { return true }
        // fc00::/7 unique local, fe80::/10 link-local, fec0::/10 site-local, ff00::/8 multicast.
        if bytes[0] & 0xfe == 0xfc || bytes[0] == 0xfe || bytes[0] == 0xff { return true }
        // Only global unicast (2000::/3) is public.
        return bytes[0] & 0xe0 != 0x20
    }
}
