@testable import App
@testable import Core
@testable import CustomerDatabase
import Foundation
@testable import HTTPSupport
@testable import Insight
@testable import Tenancy
import Testing

/// Project databases may not point into dbooster's own network.
@Suite("Target network policy")
struct TargetNetworkPolicyTests {
    static func url(_ text: String) throws -> TargetURL { try TargetURL(parsing: text) }

    /// Resolves a few made-up names without DNS.
    static let policy = TargetNetworkPolicy.publicOnly(trusting: ["replica.internal"]) { host in
        switch host {
        case "db.example.com": ["140.82.121.4"]
        case "sneaky.example.com": ["140.82.121.5", "10.0.0.7"]
        case "replica.internal": ["10.1.2.3"]
        case "rebind.example.com": ["140.82.121.6", "0177.0.0.1"]
        case "mapped.example.com": ["::ffff:7f00:1"]
        default: []
        }
    }

    @Test("private, loopback, link-local and metadata addresses are refused", arguments: [
        "postgresql://u:p@127.0.0.1/db", "postgresql://u:p@10.0.0.5/db", "postgresql://u:p@169.254.169.254/db",
        "postgresql://u:p@192.168.1.10/db", "postgresql://u:p@[::1]/db", "postgresql://u:p@sneaky.example.com/db",
        // Other spellings of the same addresses (octal, hex, integer, short, mapped, expanded).
        "postgresql://u:p@0177.0.0.1/db", "postgresql://u:p@012.0.0.1/db", "postgresql://u:p@2130706433/db",
        "postgresql://u:p@0x7f.1/db", "postgresql://u:p@127.1/db", "postgresql://u:p@[::ffff:7f00:1]/db",
        "postgresql://u:p@[0:0:0:0:0:0:0:1]/db", "postgresql://u:p@[::ffff:a9fe:a9fe]/db",
        "postgresql://u:p@[64:ff9b::a9fe:a9fe]/db", "postgresql://u:p@0251.0376.0251.0376/db",
        "postgresql://u:p@rebind.example.com/db", "postgresql://u:p@mapped.example.com/db",
    ])
    func refused(_ text: String) async throws {
        await #expect(throws: TargetError.self) { try await Self.policy.connectHost(for: try Self.url(text)) }
        do {
            _ = try await Self.policy.connectHost(for: try Self.url(text))
        } catch let error as TargetError {
            #expect(error.code == "target_address_not_allowed")
            #expect(error.status == .unprocessableContent)
        }
    }

    @Test("a public host is reached at the address that was vetted; verify-full keeps the name for TLS only")
    func publicHost() async throws {
        #expect(try await Self.policy.connectHost(for: try Self.url("postgresql://u:p@db.example.com/db")) == "140.82.121.4")
        let verified = try await Self.policy.connectTarget(
            for: try Self.url("postgresql://u:p@db.example.com/db?sslmode=verify-full"), within: .seconds(5))
        #expect(verified.host == "140.82.121.4")
        #expect(verified.tlsServerName == "db.example.com")
        // A public address in another spelling is connected to in its canonical form.
        #expect(try await Self.policy.connectHost(for: try Self.url("postgresql://u:p@0214.0122.0171.04/db")) == "140.82.121.4")
    }

    @Test("trusted hosts and the unrestricted policy connect by name; an unknown name is unreachable")
    func trustedAndUnresolved() async throws {
        #expect(try await Self.policy.connectHost(for: try Self.url("postgresql://u:p@replica.internal/db")) == "replica.internal")
        #expect(try await TargetNetworkPolicy.unrestricted.connectHost(for: try Self.url("postgresql://u:p@127.0.0.1/db")) == "127.0.0.1")
        do {
            _ = try await Self.policy.connectHost(for: try Self.url("postgresql://u:p@nowhere.example.com/db"))
            Issue.record("an unresolvable host was accepted")
        } catch let error as TargetError {
            #expect(error.code == "target_unreachable")
        }
    }

    @Test("a DNS server that does not answer: target_timeout after the limit, the caller's thread not held")
    func silentResolver() async throws {
        let silent = TargetNetworkPolicy.publicOnly(trusting: []) { _ in
            Thread.sleep(forTimeInterval: 10)
            return ["140.82.121.4"]
        }
        let started = ContinuousClock.now
        do {
            _ = try await silent.connectHost(for: try Self.url("postgresql://u:p@slow.example.com/db"), within: .milliseconds(300))
            Issue.record("a lookup that never answered in time was accepted")
        } catch let error as TargetError {
            #expect(error.code == "target_timeout")
            #expect(error.status == .gatewayTimeout)
        }
        // The timeout, not the lookup's answer (after 10 s), decided the outcome: the lookup was cut
        // off at its limit, whenever the test's task got a thread again (the parallel run can keep
        // it waiting for seconds).
        #expect(started.duration(to: .now) >= .milliseconds(250))
    }

    @Test("through the API: a project whose database is on a private address is refused before connecting")
    func throughTheAPI() async throws {
        try await withTestApp { test in
            let user = try await test.client.signUp(uniqueEmail("ssrf"))
            let created = try await test.client.call(.post, "/projects", token: user.token, json: ["name": "metadata"])
            let id = try #require(created.object["id"] as? String)
            let set = try await test.client.call(.put, "/projects/\(id)/database", token: user.token,
                                                 json: ["url": "postgresql://u:p@169.254.169.254:5432/latest"])
            #expect(set.status == .noContent)
            for path in ["/metadata/sync", "/query/explain"] {
                let response = try await test.client.call(.post, path, token: user.token,
                                                          json: ["query": "SELECT 1", "project_id": id])
                #expect(response.status == .unprocessableContent, "\(path): \(response.text)")
                #expect(response.errorCode == "target_address_not_allowed", "\(path)")
            }
        }
    }
}
