@testable import AddressGuard
import Foundation
import Testing

/// Every spelling of an address the socket layer accepts is judged by the address it means.
@Suite("Network address spellings")
struct NetworkAddressTests {
    /// (spelling, the canonical address it reaches) — all private, loopback, link-local or reserved.
    static let privateSpellings: [(String, String)] = [
        // IPv4 loopback in every inet_aton form.
        ("127.0.0.1", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"), ("0x7f.0.0.1", "127.0.0.1"),
        ("0x7F000001", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("017700000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"), ("127.0.1", "127.0.0.1"), ("0177.1", "127.0.0.1"), ("127.000.000.001", "127.0.0.1"),
        // Private networks spelled in octal or hex.
        ("012.0.0.1", "10.0.0.1"), ("0xa.0.0.1", "10.0.0.1"), ("167772161", "10.0.0.1"),
        ("0300.0250.1.1", "192.168.1.1"), ("0xc0.0xa8.1.1", "192.168.1.1"), ("0254.16.0.1", "172.16.0.1"),
        // Cloud metadata.
        ("169.254.169.254", "169.254.169.254"), ("0251.0376.0251.0376", "169.254.169.254"),
        ("0xa9fea9fe", "169.254.169.254"), ("2852039166", "169.254.169.254"), ("169.254.43518", "169.254.169.254"),
        // Unspecified, CGNAT, benchmarking, multicast, broadcast, documentation.
        ("0.0.0.0", "0.0.0.0"), ("0", "0.0.0.0"), ("100.64.0.1", "100.64.0.1"), ("198.18.0.1", "198.18.0.1"),
        ("224.0.0.1", "224.0.0.1"), ("255.255.255.255", "255.255.255.255"), ("192.0.2.1", "192.0.2.1"),
        // IPv6 loopback and unspecified, compressed or not.
        ("::1", "::1"), ("0:0:0:0:0:0:0:1", "::1"), ("0000:0000:0000:0000:0000:0000:0000:0001", "::1"),
        ("[::1]", "::1"), ("::", "::"), ("::1%eth0", "::1"),
        // IPv4-mapped, in dotted and hex form.
        ("::ffff:127.0.0.1", "::ffff:127.0.0.1"), ("::ffff:7f00:1", "::ffff:127.0.0.1"),
        ("0:0:0:0:0:ffff:7f00:0001", "::ffff:127.0.0.1"), ("::FFFF:A9FE:A9FE", "::ffff:169.254.169.254"),
        ("::ffff:a00:1", "::ffff:10.0.0.1"), ("[::ffff:169.254.169.254]", "::ffff:169.254.169.254"),
        // IPv4-compatible (deprecated), IPv4-translated, NAT64 (well-known and local), 6to4, Teredo.
        ("::127.0.0.1", "::127.0.0.1"), ("::a9fe:a9fe", "::169.254.169.254"), ("::ffff:0:7f00:1", "::ffff:0:7f00:1"),
        ("64:ff9b::7f00:1", "64:ff9b::7f00:1"), ("64:ff9b::a9fe:a9fe", "64:ff9b::a9fe:a9fe"),
        ("64:ff9b:1::8c52:7904", "64:ff9b:1::8c52:7904"), ("2002:7f00:1::", "2002:7f00:1::"),
        ("2002:a9fe:a9fe::1", "2002:a9fe:a9fe::1"), ("2001:0:4136:e378:8000:63bf:80ff:fffe", "2001:0:4136:e378:8000:63bf:80ff:fffe"),
        // Unique local, link-local, site-local, multicast, documentation.
        ("fc00::1", "fc00::1"), ("fd12:3456::1", "fd12:3456::1"), ("fe80::1", "fe80::1"), ("FE80::1%25eth0", "fe80::1"),
        ("fec0::1", "fec0::1"), ("ff02::1", "ff02::1"), ("2001:db8::1", "2001:db8::1"),
    ]

    @Test("private addresses in every spelling are private, and read as the socket layer reads them",
          arguments: privateSpellings)
    func privateSpelling(_ spelling: String, _ canonical: String) throws {
        #expect(NetworkAddress.isPrivate(spelling), "\(spelling)")
        let parsed = try #require(IPAddress(spelling), "\(spelling) was not read as an address")
        #expect(parsed.description == canonical || IPAddress(canonical) == parsed, "\(spelling) → \(parsed)")
        #expect(parsed.isPrivate)
        if case .failure(.privateAddress) = NetworkAddress.vet(spelling, resolve: { _ in [] }) {} else {
            Issue.record("\(spelling) passed the vetting")
        }
    }

    @Test("public addresses stay public, and their canonical form is what gets connected to", arguments: [
        ("140.82.121.4", "140.82.121.4"), ("0214.0122.0171.04", "140.82.121.4"), ("0x8c527904", "140.82.121.4"),
        ("8.8.8.8", "8.8.8.8"), ("134744072", "8.8.8.8"), ("2606:4700:4700::1111", "2606:4700:4700::1111"),
        ("::ffff:8c52:7904", "::ffff:140.82.121.4"), ("64:ff9b::808:808", "64:ff9b::808:808"),
        ("2002:808:808::1", "2002:808:808::1"),
    ])
    func publicSpelling(_ spelling: String, _ canonical: String) throws {
        #expect(!NetworkAddress.isPrivate(spelling), "\(spelling)")
        guard case .success(let addresses) = NetworkAddress.vet(spelling, resolve: { _ in [] }) else {
            Issue.record("\(spelling) was refused")
            return
        }
        #expect(addresses.map(\.description) == [IPAddress(canonical)!.description])
    }

    @Test("names are resolved once; any private answer refuses the name; garbage answers are refused")
    func names() {
        let resolve: (String) -> [String] = { host in
            switch host {
            case "public.example": ["140.82.121.4"]
            case "rebind.example": ["140.82.121.4", "0177.0.0.1"]
            case "mapped.example": ["::ffff:7f00:1"]
            case "garbage.example": ["not-an-address"]
            default: []
            }
        }
        #expect(NetworkAddress.vet("public.example", resolve: resolve).map { $0.map(\.description) } == .success(["140.82.121.4"]))
        #expect(NetworkAddress.vet("rebind.example", resolve: resolve).map { $0.map(\.description) } == .failure(.privateAddress("127.0.0.1")))
        #expect(NetworkAddress.vet("mapped.example", resolve: resolve).map { $0.map(\.description) } == .failure(.privateAddress("::ffff:127.0.0.1")))
        #expect(NetworkAddress.vet("garbage.example", resolve: resolve).map { $0.map(\.description) } == .failure(.privateAddress("not-an-address")))
        #expect(NetworkAddress.vet("nowhere.example", resolve: resolve).map { $0.map(\.description) } == .failure(.unresolved))
        // Names are not addresses.
        for name in ["localhost", "db.example.com", "127.0.0.1.nip.io", "0x7f.example", "1.2.3.4.5"] {
            #expect(IPAddress(name) == nil, "\(name)")
        }
    }

    @Test("the system resolver agrees: numeric spellings resolve to the address the check saw", arguments: [
        "0177.0.0.1", "012.0.0.1", "2130706433", "0x7f.1", "127.1", "::ffff:7f00:1", "0:0:0:0:0:0:0:1",
    ])
    func resolverAgrees(_ spelling: String) throws {
        let resolved = NetworkAddress.systemResolve(spelling).compactMap(IPAddress.init)
        let parsed = try #require(IPAddress(spelling))
        #expect(resolved.contains(parsed), "getaddrinfo(\(spelling)) = \(resolved), the check read \(parsed)")
    }
}
