@testable import App
import Foundation
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test("a missing required secret is a one-line error naming the key", arguments: ["DATABASE_URL", "JWT_SECRET", "ENCRYPTION_KEY"])
    func missing(_ key: String) throws {
        var environment = ["DATABASE_URL": "postgresql://a@b/c", "JWT_SECRET": String(repeating: "s", count: 40),
                           "ENCRYPTION_KEY": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="]
        environment[key] = nil
        do {
            _ = try AppConfig.load(environment: environment)
            Issue.record("loading without \(key) succeeded")
        } catch {
            let message = String(describing: error)
            #expect(message.contains(key))
            #expect(!message.contains("\n"))
        }
    }

    @Test("outside-service time limits: defaults, overrides in milliseconds, unusable values ignored",
          arguments: [
              ([:], 15_000, 10_000, 30_000, 60_000, 10_000),
              (["STRIPE_TIMEOUT_MS": "1000", "GITHUB_CONNECT_TIMEOUT_MS": "200", "GITHUB_TIMEOUT_MS": "1500",
                "GITHUB_READ_TIMEOUT_MS": "2500", "OAUTH_TIMEOUT_MS": "750"], 1000, 200, 1500, 2500, 750),
              (["STRIPE_TIMEOUT_MS": "0", "GITHUB_CONNECT_TIMEOUT_MS": "-5", "GITHUB_TIMEOUT_MS": "soon",
                "GITHUB_READ_TIMEOUT_MS": "", "OAUTH_TIMEOUT_MS": "-1"], 15_000, 10_000, 30_000, 60_000, 10_000),
          ] as [([String: String], Int, Int, Int, Int, Int)])
    func outsideTimeouts(_ settings: [String: String], stripe: Int, connect: Int, request: Int, read: Int, oauth: Int) throws {
        let environment = ["DATABASE_URL": "postgresql://a@b/c", "JWT_SECRET": String(repeating: "s", count: 40),
                           "ENCRYPTION_KEY": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="].merging(settings) { _, new in new }
        let config = try AppConfig.load(environment: environment)
        #expect(config.stripe.timeout == .milliseconds(stripe))
        #expect(config.oauthTimeout == .milliseconds(oauth))
        #expect(config.scans.gitHubTimeouts.connect == .milliseconds(connect))
        #expect(config.scans.gitHubTimeouts.request == .milliseconds(request))
        #expect(config.scans.gitHubTimeouts.read == .milliseconds(read))
    }
}
