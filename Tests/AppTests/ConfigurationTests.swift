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
}
