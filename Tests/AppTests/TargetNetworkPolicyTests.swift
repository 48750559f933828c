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
        default: []
        }
    }

    @Test("private, loopback, link-local and metadata addresses are refused", arguments: [
        "postgresql://u:p@127.0.0.1/db", "postgresql://u:p@10.0.0.5/db", "postgresql://u:p@169.254.169.254/db",
        "postgresql://u:p@192.168.1.10/db", "postgresql://u:p@[::1]/db", "postgresql://u:p@sneaky.example.com/db",
    ])
    func refused(_ text: String) throws {
        #expect(throws: TargetError.self) { try Self.policy.connectHost(for: try Self.url(text)) }
        do {
            _ = try Self.policy.connectHost(for: try Self.url(text))
        } catch let error as TargetError {
            #expect(error.code == "target_address_not_allowed")
            #expect(error.status == .unprocessableContent)
        }
    }

    @Test("a public host is reached at the address that was vetted; verify-full keeps the name")
    func publicHost() throws {
        #expect(try Self.policy.connectHost(for: try Self.url("postgresql://u:p@db.example.com/db")) == "140.82.121.4")
        #expect(try Self.policy.connectHost(for: try Self.url("postgresql://u:p@db.example.com/db?sslmode=verify-full"))
                == "db.example.com")
    }

    @Test("trusted hosts and the unrestricted policy connect by name; an unknown name is unreachable")
    func trustedAndUnresolved() throws {
        #expect(try Self.policy.connectHost(for: try Self.url("postgresql://u:p@replica.internal/db")) == "replica.internal")
        #expect(try TargetNetworkPolicy.unrestricted.connectHost(for: try Self.url("postgresql://u:p@127.0.0.1/db")) == "127.0.0.1")
        do {
            _ = try Self.policy.connectHost(for: try Self.url("postgresql://u:p@nowhere.example.com/db"))
            Issue.record("an unresolvable host was accepted")
        } catch let error as TargetError {
            #expect(error.code == "target_unreachable")
        }
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
