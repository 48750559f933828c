@testable import App
import Core
@testable import CustomerDatabase
import Foundation
@testable import HTTPSupport
import Insight
import Logging
import PostgresNIO
import Testing
import TestDatabaseSupport

/// The customer-database connection: session limits, URL parsing, unreachable servers and the
/// refusal of dbooster's own database.
@Suite("Target databases")
struct TargetDatabaseTests {
    let logger = Logger(label: "target-tests")

    @Test("a session has the time limits and application name set")
    func sessionSettings() async throws {
        let url = try TargetURL(parsing: try await SampleTargetDatabase.readerURL())
        let settings = TargetSettings(statementTimeout: .milliseconds(1500), lockTimeout: .milliseconds(700))
        let values = try await TargetDatabase(url: url, settings: settings, logger: logger).withConnection { connection in
            try await connection.query("""
                SELECT current_setting('statement_timeout'), current_setting('lock_timeout'),
                       current_setting('application_name'), current_user
                """, logger: logger).first(as: (String, String, String, String).self)
        }
        #expect(values?.0 == "1500ms")
        #expect(values?.1 == "700ms")
        #expect(values?.2 == "dbooster")
        #expect(values?.3 == "sample_reader")
    }

    @Test("settings from the environment, standard values otherwise")
    func settingsFromEnvironment() {
        let environment = ["TARGET_STATEMENT_TIMEOUT_MS": "2500", "TARGET_LOCK_TIMEOUT_MS": "-1", "TARGET_SESSION_LIMIT_MS": "x"]
        let settings = TargetSettings.from { environment[$0] }
        #expect(settings.statementTimeout == .milliseconds(2500))
        #expect(settings.lockTimeout == TargetSettings.standard.lockTimeout)
        #expect(settings.sessionLimit == TargetSettings.standard.sessionLimit)
        #expect(settings.connectTimeout == .seconds(5))
    }

    @Test("URLs are parsed without leaking the password")
    func urlParsing() throws {
        let url = try TargetURL(parsing: "postgresql://app%40x:s3cr%2Ft@db.example.com:6543/shop?sslmode=verify-full")
        #expect(url.username == "app@x")
        #expect(url.password == "s3cr/t")
        #expect(try TargetURL(parsing: "postgresql://u:p%2541@h/d").password == "p%41")
        #expect(url.port == 6543)
        #expect(url.database == "shop")
        #expect(url.tls == .verifyFull)
        #expect(!url.description.contains("s3cr"))
        #expect(try TargetURL(parsing: "postgres://u@h/d?sslmode=require").tls == .require)
        #expect(try TargetURL(parsing: "postgres://u@h/d?sslmode=disable").tls == .disable)
        #expect(throws: (any Error).self) { try TargetURL(parsing: "mysql://u@h/d") }
        #expect(throws: (any Error).self) { try TargetURL(parsing: "postgresql:///nohost") }
    }

    @Test("a missing database or a closed port is 502 target_unreachable without the password")
    func unreachable() async throws {
        _ = try await SampleTargetDatabase.readerURL()
        let badPassword = try TargetURL(parsing: SampleTargetDatabase.url(user: "sample_reader", password: "wrong-pw-123")
            .replacingOccurrences(of: "/dbooster_sample", with: "/no_such_database"))
        let closedPort = try TargetURL(parsing: "postgresql://u:hunter2-secret@127.0.0.1:1/x?sslmode=disable")
        for url in [badPassword, closedPort] {
            do {
                try await TargetDatabase(url: url, logger: logger).withConnection { _ in }
                Issue.record("connected to \(url)")
            } catch let error as TargetError {
                #expect(error.code == "target_unreachable")
                #expect(error.status == .badGateway)
                #expect(!error.message.contains("wrong-pw-123") && !error.message.contains("hunter2"))
            }
        }
    }

    @Test("dbooster's own database is refused by address and by instance id")
    func ownDatabase() async throws {
        try await TestDatabase.withDatabase { own in try await ownDatabase(own) }
    }

    private func ownDatabase(_ own: String) async throws {
        let ownURL = try TargetURL(parsing: own)
        let byAddress = OwnDatabaseGuard(ownURL: ownURL, instanceID: { nil })
        await #expect(throws: TargetError.self) {
            try await TargetDatabase(url: try TargetURL(parsing: own.replacingOccurrences(of: "127.0.0.1", with: "localhost")),
                                     ownDatabase: byAddress, logger: logger).withConnection { _ in }
        }
        // Reached under another address: the instance id stored by migration 0007 gives it away.
        let instance = try await TargetDatabase(url: ownURL, logger: logger).withConnection { connection in
            try await connection.query("SELECT instance_id FROM dbooster_instance", logger: logger).first(as: UUID.self)
        }
        let byInstance = OwnDatabaseGuard(ownURL: try TargetURL(parsing: "postgresql://x@elsewhere:1/other"), instanceID: { instance })
        do {
            try await TargetDatabase(url: ownURL, ownDatabase: byInstance, logger: logger).withConnection { _ in }
            Issue.record("own database accepted")
        } catch let error as TargetError {
            #expect(error.code == "own_database")
        }
        // The sample database is not refused by the same guard.
        let sample = try TargetURL(parsing: try await SampleTargetDatabase.readerURL())
        try await TargetDatabase(url: sample, ownDatabase: byInstance, logger: logger).withConnection { _ in }
    }

    @Test("a connection past its session limit is closed from dbooster's side")
    func sessionLimit() async throws {
        let url = try TargetURL(parsing: try await SampleTargetDatabase.readerURL())
        let settings = TargetSettings(statementTimeout: .seconds(30), sessionLimit: .milliseconds(400))
        let started = ContinuousClock.now
        await #expect(throws: (any Error).self) {
            try await TargetDatabase(url: url, settings: settings, logger: logger).withConnection { connection in
                try await connection.query("SELECT pg_sleep(4.5)", logger: logger)
            }
        }
        #expect(started.duration(to: .now) < .seconds(3))
        // The server notices the closed connection (client_connection_check_interval) and stops.
        var running = 1
        for _ in 0..<30 where running > 0 {
            try await Task.sleep(for: .milliseconds(100))
            running = try await SampleTargetDatabase.withSuperuser { connection in
                try await connection.query(
                    "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg\\_sleep(4.5)%' AND pid <> pg_backend_pid()",
                    logger: logger).first(as: Int.self) ?? 0
            }
        }
        #expect(running == 0)
    }
}
