@testable import App
@testable import Billing
import Core
@testable import Database
import Foundation
import HTTPSupport
import PostgresNIO
import Testing

extension BillingTests {
    @Suite("Quotas and plan") struct Quotas {
        /// Sets an organization's use of `kind` in the current month.
        static func setUsed(_ test: TestContext, organizationID: UUID, kind: QuotaKind, used: Int) async throws {
            let period = UsagePeriod(containing: Date())
            _ = try await test.database.withSystem { transaction in
                try await transaction.query("""
                    INSERT INTO usage_counters (organization_id, period_start, kind, used)
                    VALUES (\(organizationID), \(period.start), \(kind.rawValue), \(used))
                    ON CONFLICT (organization_id, period_start, kind) DO UPDATE SET used = EXCLUDED.used
                    """)
            }
        }

        static func gate(_ test: TestContext) -> QuotaGate {
            billingRoutes(config: test.config, database: test.database, httpClient: .shared).quotaGate
        }

        @Test("50 concurrent consumes with 10 left: exactly 10 succeed, the rest get 402 quota_exceeded")
        func race() async throws {
            try await withTestApp { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                let organizationID = try #require(UUID(uuidString: admin.organizationID))
                let limit = test.config.quotaLimits.limit(.free, .optimize)
                try await Self.setUsed(test, organizationID: organizationID, kind: .optimize, used: limit - 10)
                let gate = Self.gate(test)

                let results = await withTaskGroup(of: String.self) { group in
                    for _ in 0..<50 {
                        group.addTask {
                            do {
                                try await gate.consume(organizationID, .optimize)
                                return "ok"
                            } catch let error as QuotaExceeded {
                                return "\(error.status.code) \(error.code)"
                            } catch {
                                return "unexpected \(error)"
                            }
                        }
                    }
                    var results: [String] = []
                    for await result in group { results.append(result) }
                    return results
                }
                #expect(results.filter { $0 == "ok" }.count == 10)
                #expect(results.filter { $0 == "402 quota_exceeded" }.count == 40, "\(Set(results))")
                let used = try await test.billingCount(
                    "SELECT used FROM usage_counters WHERE organization_id = \(organizationID) AND kind = 'optimize'")
                #expect(used == limit)
                // Other kinds are counted separately.
                try await gate.consume(organizationID, .explain)
            }
        }

        @Test("the 402 names the plan and the reset time; a higher plan raises the limit")
        func exceededMessageAndUpgrade() async throws {
            try await withTestApp { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                let organizationID = try #require(UUID(uuidString: admin.organizationID))
                let freeLimit = test.config.quotaLimits.limit(.free, .scan)
                try await Self.setUsed(test, organizationID: organizationID, kind: .scan, used: freeLimit)
                let gate = Self.gate(test)
                do {
                    try await gate.consume(organizationID, .scan)
                    Issue.record("expected quota_exceeded")
                } catch let error as QuotaExceeded {
                    #expect(error.status.code == 402)
                    #expect(error.code == "quota_exceeded")
                    #expect(error.message.contains("free"))
                    let reset = ISO8601DateFormatter().string(from: UsagePeriod(containing: Date()).end)
                    #expect(error.message.contains(reset), "\(error.message)")
                }
                _ = try await test.database.withSystem { transaction in
                    try await transaction.query("UPDATE organizations SET plan = 'pro' WHERE id = \(organizationID)")
                }
                try await gate.consume(organizationID, .scan)
            }
        }

        @Test("a limit of zero refuses even the first use")
        func zeroLimit() async throws {
            try await withTestApp { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                let organizationID = try #require(UUID(uuidString: admin.organizationID))
                var limits = test.config.quotaLimits
                limits.set(.free, .explain, 0)
                let store = QuotaStore(database: test.database, limits: limits)
                await #expect(throws: QuotaExceeded.self) { try await store.consume(organizationID: organizationID, kind: .explain) }
                #expect(try await test.billingCount("SELECT count(*)::int FROM usage_counters") == 0)
            }
        }

        @Test("QUOTA_<PLAN>_<KIND> settings override the defaults")
        func configuredLimits() {
            let limits = QuotaLimits.from { key in ["QUOTA_PRO_SCAN": "7", "QUOTA_FREE_EXPLAIN": "nope"][key] }
            #expect(limits.limit(.pro, .scan) == 7)
            #expect(limits.limit(.free, .explain) == QuotaLimits.defaults.limit(.free, .explain))
            #expect(limits.limit(.team, .optimize) == 10000)
        }

        @Test("GET /billing/plan shows plan, status, period end and each quota's limit and use")
        func planShape() async throws {
            try await withTestApp { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                let organizationID = try #require(UUID(uuidString: admin.organizationID))
                try await Self.gate(test).consume(organizationID, .optimize)
                try await Self.gate(test).consume(organizationID, .optimize)

                let response = try await test.client.call(.get, "/billing/plan", token: admin.token)
                #expect(response.status == .ok)
                let body = response.object
                #expect(body["plan"] as? String == "free")
                #expect(body.keys.contains("status") && body["status"] is NSNull)
                #expect(body.keys.contains("current_period_end"))
                let quotas = try #require(body["quotas"] as? [String: [String: Int]])
                #expect(Set(quotas.keys) == ["optimize", "explain", "scan", "workload"])
                #expect(quotas["optimize"] == ["limit": 50, "used": 2])
                #expect(quotas["explain"] == ["limit": 100, "used": 0])
                #expect(quotas["scan"] == ["limit": 5, "used": 0])
                #expect(quotas["workload"] == ["limit": 10, "used": 0])
                #expect(body["resets_at"] is String)

                // After a subscription event the plan and limits follow.
                try await test.linkCustomer(organizationID: admin.organizationID, customer: "cus_p", subscription: "sub_p")
                _ = try await test.client.deliver(StripeEvents.event(
                    type: "customer.subscription.updated", created: unixTime(),
                    object: StripeEvents.subscription(id: "sub_p", customer: "cus_p", status: "active",
                                                      price: StripeTestKeys.pricePro, periodEnd: 1_790_000_000)))
                let upgraded = try await test.client.call(.get, "/billing/plan", token: admin.token).object
                #expect(upgraded["plan"] as? String == "pro")
                #expect(upgraded["status"] as? String == "active")
                #expect((upgraded["current_period_end"] as? String)?.hasPrefix("2026-") == true)
                #expect((upgraded["quotas"] as? [String: [String: Int]])?["optimize"] == ["limit": 1000, "used": 2])

                let anonymous = try await test.client.call(.get, "/billing/plan")
                #expect(anonymous.status == .unauthorized)
            }
        }
    }
}
