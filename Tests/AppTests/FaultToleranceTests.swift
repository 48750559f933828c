@testable import App
@testable import Billing
@testable import Database
import Foundation
import PostgresNIO
import TestDatabaseSupport
import Testing

/// Staying up through faults and replicas, with real `dbooster` processes.
@Suite("Faults and replicas")
struct FaultToleranceTests {
    // MARK: - SIGTERM while the database is down

    @Test("serve and worker exit within 10 s of SIGTERM while their database is unreachable", .timeLimit(.minutes(1)),
          arguments: [["serve", "--host", "127.0.0.1", "--port", "0"], ["worker", "--workers", "2"]])
    func sigtermWithDatabaseDown(_ arguments: [String]) async throws {
        // A stopped database: nothing listens on its port, every connection attempt is refused.
        let stopped = try DBoosterProcess.freePort()
        var arguments = arguments
        if arguments[0] == "serve" { arguments[4] = "\(try DBoosterProcess.freePort())" }
        let process = try DBoosterProcess(arguments, environment: DBoosterProcess.environment(
            databaseURL: "postgresql://dbooster:dbooster@127.0.0.1:\(stopped)/dbooster"))
        // Let it start retrying connections.
        try await Task.sleep(for: .seconds(3))
        #expect(process.isRunning, "\(arguments[0]) exited by itself:\n\(process.output)")
        let seconds = await process.terminate(within: .seconds(10))
        #expect(seconds != nil, "\(arguments[0]) still ran 10 s after SIGTERM:\n\(process.output.suffix(2000))")
    }

    // MARK: - Two replicas

    @Test("two serve replicas on one database: refresh reuse, login rate limits, quotas and webhook idempotency hold across both",
          .timeLimit(.minutes(2)))
    func twoReplicas() async throws {
        try await withTestApp { test in
            let environment = DBoosterProcess.environment(databaseURL: test.config.databaseURL, [
                "LOGIN_RATE_LIMIT": "3", "SCAN_WORKERS": "0", "REFRESH_REUSE_GRACE_SECONDS": "0", "QUOTA_FREE_OPTIMIZE": "5",
                "STRIPE_WEBHOOK_SECRET": StripeTestKeys.webhookSecret,
            ])
            async let startA = ServeProcess.start(environment: environment)
            async let startB = ServeProcess.start(environment: environment)
            let (a, b) = try await (startA, startB)

            // Refresh-token reuse detection: rotate on A, replay the old token on B.
            let email = uniqueEmail("replica")
            let (signedUp, tokens) = try await a.call(.POST, "/auth/signup", json: ["email": email, "password": "correct horse battery"])
            #expect(signedUp == 201, "\(tokens)")
            let original = try #require(tokens["refresh_token"] as? String)
            let (rotated, pair) = try await a.call(.POST, "/auth/refresh", json: ["refresh_token": original])
            #expect(rotated == 200)
            let successor = try #require(pair["refresh_token"] as? String)
            let (replayed, _) = try await b.call(.POST, "/auth/refresh", json: ["refresh_token": original])
            #expect(replayed == 401, "B accepted a refresh token A had already rotated")
            let (afterTheft, _) = try await a.call(.POST, "/auth/refresh", json: ["refresh_token": successor])
            #expect(afterTheft == 401, "the family was not revoked across replicas")

            // Login rate limit: failures counted together, whichever replica sees them.
            var statuses: [Int] = []
            for attempt in 0..<5 {
                let replica = attempt.isMultiple(of: 2) ? a : b
                statuses.append(try await replica.call(.POST, "/auth/login", json: ["email": email, "password": "wrong \(attempt)"]).0)
            }
            #expect(statuses.prefix(3).allSatisfy { $0 == 401 } && statuses.suffix(2).allSatisfy { $0 == 429 }, "\(statuses)")

            // Quotas: 16 metered calls at once, half on each replica, with 5 left: exactly 5 run.
            let (quotaSignedUp, quotaUser) = try await b.call(
                .POST, "/auth/signup", json: ["email": uniqueEmail("replica-quota"), "password": "correct horse battery"])
            #expect(quotaSignedUp == 201, "\(quotaUser)")
            let bearer = ["Authorization": "Bearer \(try #require(quotaUser["access_token"] as? String))"]
            let optimized = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<16 {
                    group.addTask {
                        let (status, body) = try await (index.isMultiple(of: 2) ? a : b).call(
                            .POST, "/query/optimize", json: ["query": "SELECT * FROM orders WHERE customer_id = \(index)"],
                            headers: bearer)
                        return "\(status) \((body["error"] as? [String: Any])?["code"] as? String ?? "")"
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(optimized.filter { $0.hasPrefix("200") }.count == 5, "\(optimized)")
            #expect(optimized.filter { $0 == "402 quota_exceeded" }.count == 11, "\(optimized)")

            // Webhook idempotency: one event delivered ten times to both at once is applied once.
            let payload = StripeEvents.event(type: "customer.created", created: unixTime(), object: ["id": "cus_replica", "object": "customer"])
            let signature = StripeSignatureVerifier.sign(payload: Array(payload.utf8), secret: StripeTestKeys.webhookSecret, timestamp: Date())
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        let (status, body) = try await (index.isMultiple(of: 2) ? a : b).call(
                            .POST, "/webhooks/stripe", rawBody: payload, headers: ["Stripe-Signature": signature])
                        return status == 200 ? body["outcome"] as? String ?? "?" : "status \(status)"
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == "ignored" }.count == 1, "\(outcomes)")
            #expect(outcomes.filter { $0 == "duplicate" }.count == 9, "\(outcomes)")
            #expect(try await test.billingCount("SELECT count(*)::int FROM stripe_events") == 1)
            _ = await a.process.terminate(within: .seconds(10))
            _ = await b.process.terminate(within: .seconds(10))
        }
    }
}

/// The body's value, or nil when it did not finish within `limit` (it is then cancelled and
/// left behind, so that a request that ignores cancellation cannot hang the test).
func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T? {
    let once = ResumeOnce()
    return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T?, any Error>) in
        let work = Task {
            do {
                let value = try await body()
                if once.claim() { continuation.resume(returning: value) }
            } catch {
                if once.claim() { continuation.resume(throwing: error) }
            }
        }
        Task {
            try? await Task.sleep(for: limit)
            if once.claim() {
                work.cancel()
                continuation.resume(returning: nil)
            }
        }
    }
}

/// True for the first caller only.
final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false
    func claim() -> Bool {
        lock.withLock {
            defer { claimed = true }
            return !claimed
        }
    }
}

/// A flag set once, read from many tasks.
final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

/// Every answer under load, and which came after the database returned.
final class ResultLog: @unchecked Sendable {
    struct Entry: Sendable, CustomStringConvertible {
        let status: Int
        let code: String?
        let retryAfter: String?
        var description: String { "\(status) \(code ?? "-") retry-after=\(retryAfter ?? "-")" }
    }
    private let lock = NSLock()
    private var entries: [Entry] = []
    private var markIndex: Int?

    func append(_ status: Int, code: String?, retryAfter: String?) {
        lock.withLock { entries.append(Entry(status: status, code: code, retryAfter: retryAfter)) }
    }
    func mark() { lock.withLock { markIndex = entries.count } }
    var all: [Entry] { lock.withLock { entries } }
    var afterMark: [Entry] { lock.withLock { Array(entries[(markIndex ?? entries.count)...]) } }
}
