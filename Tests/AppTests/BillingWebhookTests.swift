@testable import App
@testable import Billing
@testable import Database
import Foundation
import PostgresNIO
import Testing

extension BillingTests {
    @Suite("Stripe webhook") struct Webhooks {
        // MARK: - Signatures

        @Test("bad signature, missing header, stale timestamp and an unknown secret → 400, nothing stored")
        func refusals() async throws {
            try await withTestApp { test in
                let payload = StripeEvents.event(type: "customer.created", created: unixTime(), object: ["id": "cus_x"])
                let tampered = try await test.client.deliver(
                    payload, signature: "t=\(unixTime()),v1=" + String(repeating: "ab", count: 32))
                #expect(tampered.status == .badRequest)
                #expect(tampered.errorCode == "invalid_signature")

                let missing = try await test.client.call(.post, "/webhooks/stripe", rawBody: payload)
                #expect(missing.status == .badRequest)
                #expect(missing.errorCode == "invalid_signature")

                let stale = try await test.client.deliver(payload, timestamp: Date().addingTimeInterval(-301))
                #expect(stale.status == .badRequest)
                #expect(stale.errorCode == "invalid_signature")

                let unknownSecret = try await test.client.deliver(payload, secret: "whsec_someone_else")
                #expect(unknownSecret.status == .badRequest)

                let modifiedBody = StripeEvents.event(type: "customer.created", created: unixTime(), object: ["id": "cus_y"])
                let header = StripeSignatureVerifier.sign(payload: Array(payload.utf8), secret: StripeTestKeys.webhookSecret)
                let swapped = try await test.client.deliver(modifiedBody, signature: header)
                #expect(swapped.status == .badRequest)

                #expect(try await test.billingCount("SELECT count(*)::int FROM stripe_events") == 0)
            }
        }

        @Test("rotated secrets: the previous secret and a header carrying several v1 signatures are accepted")
        func rotation() async throws {
            try await withTestApp { test in
                let first = StripeEvents.event(type: "customer.created", created: unixTime(), object: ["id": "cus_a"])
                let previous = try await test.client.deliver(first, secret: StripeTestKeys.previousWebhookSecret)
                #expect(previous.status == .ok, "\(previous.text)")

                let second = StripeEvents.event(type: "customer.created", created: unixTime(), object: ["id": "cus_b"])
                let now = Date()
                let wrong = StripeSignatureVerifier.sign(payload: Array(second.utf8), secret: "whsec_retired", timestamp: now)
                let right = StripeSignatureVerifier.sign(payload: Array(second.utf8), secret: StripeTestKeys.webhookSecret, timestamp: now)
                let v1 = right.split(separator: ",").last!
                let both = try await test.client.deliver(second, signature: wrong + "," + v1)
                #expect(both.status == .ok, "\(both.text)")
                #expect(try await test.billingCount("SELECT count(*)::int FROM stripe_events") == 2)
            }
        }

        @Test("stripe-python's Webhook.construct_event accepts the deliveries these tests sign")
        func pythonAcceptsTestDeliveries() async throws {
            let payload = StripeEvents.event(
                type: "customer.subscription.updated", created: unixTime(),
                object: StripeEvents.subscription(id: "sub_py", customer: "cus_py", status: "active",
                                                  price: StripeTestKeys.pricePro, periodEnd: unixTime(86400)))
            let header = StripeSignatureVerifier.sign(payload: Array(payload.utf8), secret: StripeTestKeys.webhookSecret)
            let (status, output) = try await offPool { () throws -> (Int32, String) in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["python3", "-c", """
                    import os, sys
                    try:
                        import stripe
                    except ImportError:
                        sys.exit(3)
                    event = stripe.Webhook.construct_event(os.environ["PAYLOAD"], os.environ["SIG_HEADER"], os.environ["SECRET"])
                    print(event["type"])
                    """]
                var environment = ProcessInfo.processInfo.environment
                environment["PAYLOAD"] = payload
                environment["SIG_HEADER"] = header
                environment["SECRET"] = StripeTestKeys.webhookSecret
                process.environment = environment
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                try process.run()
                let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                return (process.terminationStatus, output)
            }
            try #require(status != 3, "Python package `stripe` is not installed (pip install stripe)")
            #expect(status == 0, "stripe-python rejected the delivery: \(output)")
            #expect(output.contains("customer.subscription.updated"))
        }

        @Test("a signed body that is not an event → 400 invalid_event")
        func invalidEnvelope() async throws {
            try await withTestApp { test in
                let notJSON = try await test.client.deliver("{not json")
                #expect(notJSON.status == .badRequest)
                #expect(notJSON.errorCode == "invalid_event")
                let noID = try await test.client.deliver(#"{"type":"invoice.paid","created":1}"#)
                #expect(noID.errorCode == "invalid_event")
            }
        }

        // MARK: - Idempotency and unknown types

        @Test("unknown event types are recorded and acknowledged")
        func unknownType() async throws {
            try await withTestApp { test in
                let payload = StripeEvents.event(id: "evt_unknown_1", type: "radar.early_fraud_warning.created",
                                                 created: unixTime(), object: ["id": "issfr_1"])
                let response = try await test.client.deliver(payload)
                #expect(response.status == .ok)
                #expect(response.object["outcome"] as? String == "ignored")
                #expect(try await test.billingCount(
                    "SELECT count(*)::int FROM stripe_events WHERE id = 'evt_unknown_1' AND outcome = 'ignored' AND processed_at IS NOT NULL") == 1)
            }
        }

        @Test("checkout.session.completed links the organization; a repeated delivery answers 200 and changes nothing")
        func checkoutAndDuplicate() async throws {
            try await withTestApp { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                try await test.registerCheckout(organizationID: admin.organizationID, sessionID: "cs_test_first")
                let payload = StripeEvents.event(
                    id: "evt_checkout_1", type: "checkout.session.completed", created: unixTime(-60),
                    object: StripeEvents.checkoutSession(organizationID: admin.organizationID, customer: "cus_1", subscription: "sub_1",
                                                         sessionID: "cs_test_first"))
                let first = try await test.client.deliver(payload)
                #expect(first.status == .ok)
                #expect(first.object["outcome"] as? String == "applied")
                let linked = try await test.billing(of: admin.organizationID)
                #expect(linked.customer == "cus_1")
                #expect(linked.subscription == "sub_1")
                let audits = try await test.billingCount("SELECT count(*)::int FROM audit_log WHERE action LIKE 'billing.%'")
                #expect(audits == 1)

                let again = try await test.client.deliver(payload)
                #expect(again.status == .ok)
                #expect(again.object["outcome"] as? String == "duplicate")
                #expect(try await test.billing(of: admin.organizationID) == linked)
                #expect(try await test.billingCount("SELECT count(*)::int FROM audit_log WHERE action LIKE 'billing.%'") == audits)
                #expect(try await test.billingCount("SELECT count(*)::int FROM stripe_events") == 1)
            }
        }

        @Test("checkout.session.completed also finds the organization by client_reference_id")
        func checkoutByClientReference() async throws {
            try await withTestApp { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                try await test.registerCheckout(organizationID: admin.organizationID, sessionID: "cs_test_ref")
                let response = try await test.client.deliver(StripeEvents.event(
                    type: "checkout.session.completed", created: unixTime(),
                    object: StripeEvents.checkoutSession(organizationID: admin.organizationID, customer: "cus_ref",
                                                         subscription: "sub_ref", sessionID: "cs_test_ref", useClientReference: true)))
                #expect(response.status == .ok)
                #expect(try await test.billing(of: admin.organizationID).customer == "cus_ref")
            }
        }

        // MARK: - Subscriptions

        @Test("subscription events set plan, status and period end; an older event after a newer one changes nothing")
        func outOfOrderSubscription() async throws {
            try await withTestApp { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                try await test.linkCustomer(organizationID: admin.organizationID, customer: "cus_o", subscription: "sub_o")
                let periodEnd = unixTime(30 * 86400)
                let created = StripeEvents.event(
                    type: "customer.subscription.created", created: unixTime(-300),
                    object: StripeEvents.subscription(id: "sub_o", customer: "cus_o", status: "active",
                                                      price: StripeTestKeys.pricePro, periodEnd: periodEnd))
                let upgraded = StripeEvents.event(
                    type: "customer.subscription.updated", created: unixTime(-100),
                    object: StripeEvents.subscription(id: "sub_o", customer: "cus_o", status: "active",
                                                      price: StripeTestKeys.priceTeam, periodEnd: periodEnd + 60))
                let olderPastDue = StripeEvents.event(
                    type: "customer.subscription.updated", created: unixTime(-200),
                    object: StripeEvents.subscription(id: "sub_o", customer: "cus_o", status: "past_due",
                                                      price: StripeTestKeys.pricePro, periodEnd: periodEnd))

                #expect(try await test.client.deliver(upgraded).object["outcome"] as? String == "applied")
                var state = try await test.billing(of: admin.organizationID)
                #expect(state.plan == "team")
                #expect(state.status == "active")
                #expect(state.periodEnd.map { Int($0.timeIntervalSince1970) } == periodEnd + 60)

                // Delivered late: both older than the upgrade.
                #expect(try await test.client.deliver(created).object["outcome"] as? String == "stale")
                #expect(try await test.client.deliver(olderPastDue).object["outcome"] as? String == "stale")
                state = try await test.billing(of: admin.organizationID)
                #expect(state.plan == "team")
                #expect(state.status == "active")

                let deleted = StripeEvents.event(
                    type: "customer.subscription.deleted", created: unixTime(-10),
                    object: StripeEvents.subscription(id: "sub_o", customer: "cus_o", status: "canceled",
                                                      price: StripeTestKeys.priceTeam, periodEnd: periodEnd + 60))
                #expect(try await test.client.deliver(deleted).status == .ok)
                state = try await test.billing(of: admin.organizationID)
                #expect(state.plan == "free")
                #expect(state.status == "canceled")

                // An update created before the deletion cannot bring the subscription back.
                #expect(try await test.client.deliver(olderPastDue).object["outcome"] as? String == "duplicate")
                let lateUpdate = StripeEvents.event(
                    type: "customer.subscription.updated", created: unixTime(-50),
                    object: StripeEvents.subscription(id: "sub_o", customer: "cus_o", status: "active",
                                                      price: StripeTestKeys.priceTeam, periodEnd: periodEnd))
                #expect(try await test.client.deliver(lateUpdate).object["outcome"] as? String == "stale")
                #expect(try await test.billing(of: admin.organizationID).plan == "free")
                #expect(try await test.billingCount(
                    "SELECT count(*)::int FROM audit_log WHERE action IN ('billing.subscription_updated', 'billing.subscription_canceled')") == 2)
            }
        }

        @Test("the pre-2025 placement: current_period_end and plan on the subscription itself")
        func legacySubscriptionPlacement() async throws {
            try await withTestApp { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                try await test.linkCustomer(organizationID: admin.organizationID, customer: "cus_l", subscription: "sub_l")
                let periodEnd = unixTime(20 * 86400)
                let response = try await test.client.deliver(StripeEvents.event(
                    type: "customer.subscription.created", created: unixTime(),
                    object: StripeEvents.subscription(id: "sub_l", customer: "cus_l", status: "trialing",
                                                      price: StripeTestKeys.pricePro, periodEnd: periodEnd,
                                                      organizationID: admin.organizationID, placement: .legacy)))
                #expect(response.object["outcome"] as? String == "applied")
                let state = try await test.billing(of: admin.organizationID)
                #expect(state.plan == "pro")
                #expect(state.status == "trialing")
                #expect(state.customer == "cus_l")
                #expect(state.periodEnd.map { Int($0.timeIntervalSince1970) } == periodEnd)
            }
        }

        @Test("an unknown price or an unpaid status gives the free plan")
        func unknownPrice() async throws {
            try await withTestApp { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                try await test.linkCustomer(organizationID: admin.organizationID, customer: "cus_u", subscription: "sub_u")
                _ = try await test.client.deliver(StripeEvents.event(
                    type: "customer.subscription.updated", created: unixTime(-5),
                    object: StripeEvents.subscription(id: "sub_u", customer: "cus_u", status: "active",
                                                      price: "price_someone_elses", periodEnd: unixTime(86400))))
                #expect(try await test.billing(of: admin.organizationID).plan == "free")
                _ = try await test.client.deliver(StripeEvents.event(
                    type: "customer.subscription.updated", created: unixTime(),
                    object: StripeEvents.subscription(id: "sub_u", customer: "cus_u", status: "unpaid",
                                                      price: StripeTestKeys.pricePro, periodEnd: unixTime(86400))))
                let state = try await test.billing(of: admin.organizationID)
                #expect(state.plan == "free")
                #expect(state.status == "unpaid")
            }
        }

        @Test("an event for a customer not linked yet is kept and applied when checkout completes")
        func unmatchedThenLinked() async throws {
            try await withTestApp { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                let early = try await test.client.deliver(StripeEvents.event(
                    type: "customer.subscription.created", created: unixTime(-30),
                    object: StripeEvents.subscription(id: "sub_e", customer: "cus_e", status: "active",
                                                      price: StripeTestKeys.priceTeam, periodEnd: unixTime(86400))))
                #expect(early.status == .ok)
                #expect(early.object["outcome"] as? String == "unmatched")
                #expect(try await test.billing(of: admin.organizationID).plan == "free")

                try await test.linkCustomer(organizationID: admin.organizationID, customer: "cus_e", subscription: "sub_e")
                #expect(try await test.billing(of: admin.organizationID).plan == "team")
                #expect(try await test.billingCount("SELECT count(*)::int FROM stripe_events WHERE outcome = 'unmatched'") == 0)
            }
        }

        // MARK: - Invoices

        @Test("invoice.paid in both placements records one payment per invoice", arguments: [
            StripeEvents.Placement.current, .legacy,
        ])
        func invoicePaid(placement: StripeEvents.Placement) async throws {
            try await withTestApp { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                try await test.linkCustomer(organizationID: admin.organizationID, customer: "cus_i", subscription: "sub_i")
                // The organization is found through its customer link (a contradicting customer is
                // rejected: see the webhook trust tests).
                let payload = StripeEvents.event(
                    type: "invoice.paid", created: unixTime(),
                    object: StripeEvents.invoice(id: "in_1", customer: "cus_i", subscription: "sub_i", amount: 2900,
                                                 paid: true, paidAt: 1_760_000_000, placement: placement))
                let response = try await test.client.deliver(payload)
                #expect(response.object["outcome"] as? String == "applied", "\(response.text)")
                let rows = try await test.database.withSystem { transaction in
                    try await transaction.query("""
                        SELECT amount, currency, status, paid_at, stripe_invoice_id, organization_id FROM payment_history
                        """).all(as: (Int, String, String, Date?, String, UUID).self)
                }
                #expect(rows.count == 1)
                let row = try #require(rows.first)
                #expect(row.0 == 2900)
                #expect(row.1 == "USD")
                #expect(row.2 == "paid")
                #expect(row.3.map { Int($0.timeIntervalSince1970) } == 1_760_000_000)
                #expect(row.4 == "in_1")
                #expect(row.5.uuidString.lowercased() == admin.organizationID.lowercased())

                // Another event about the same invoice (a new event id) keeps one row.
                _ = try await test.client.deliver(StripeEvents.event(
                    type: "invoice.paid", created: unixTime(),
                    object: StripeEvents.invoice(id: "in_1", customer: "cus_i", subscription: "sub_i", amount: 2900,
                                                 paid: true, placement: placement)))
                #expect(try await test.billingCount("SELECT count(*)::int FROM payment_history") == 1)
            }
        }

        @Test("invoice.payment_failed records a failed payment and notifies the organization's admins only")
        func paymentFailed() async throws {
            try await withTestApp { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                let member = try await BillingTests.addMember(test, to: admin, role: "member")
                try await test.linkCustomer(organizationID: admin.organizationID, customer: "cus_f", subscription: "sub_f")

                let failed = try await test.client.deliver(StripeEvents.event(
                    type: "invoice.payment_failed", created: unixTime(-100),
                    object: StripeEvents.invoice(id: "in_f", customer: "cus_f", subscription: "sub_f", amount: 9900, paid: false)))
                #expect(failed.object["outcome"] as? String == "applied")
                #expect(try await test.billingCount(
                    "SELECT count(*)::int FROM payment_history WHERE stripe_invoice_id = 'in_f' AND status = 'failed' AND paid_at IS NULL AND amount = 9900") == 1)

                let adminNotes = try await test.client.call(.get, "/notifications", token: admin.token)
                #expect(adminNotes.array.contains { $0["kind"] as? String == "payment_failed" })
                let memberNotes = try await test.client.call(.get, "/notifications", token: member.token)
                #expect(!memberNotes.array.contains { $0["kind"] as? String == "payment_failed" })
                #expect(try await test.billingCount("SELECT count(*)::int FROM audit_log WHERE action = 'billing.payment_failed'") == 1)

                // The retry succeeds: the same row becomes paid; a late copy of the failure does not undo it.
                _ = try await test.client.deliver(StripeEvents.event(
                    type: "invoice.paid", created: unixTime(-50),
                    object: StripeEvents.invoice(id: "in_f", customer: "cus_f", subscription: "sub_f", amount: 9900, paid: true)))
                let lateFailure = try await test.client.deliver(StripeEvents.event(
                    type: "invoice.payment_failed", created: unixTime(-200),
                    object: StripeEvents.invoice(id: "in_f", customer: "cus_f", subscription: "sub_f", amount: 9900, paid: false)))
                #expect(lateFailure.object["outcome"] as? String == "stale")
                #expect(try await test.billingCount(
                    "SELECT count(*)::int FROM payment_history WHERE stripe_invoice_id = 'in_f' AND status = 'paid'") == 1)
                #expect(try await test.billingCount("SELECT count(*)::int FROM notifications WHERE kind = 'payment_failed'") == 1)
            }
        }

        // MARK: - Failure during processing

        @Test("a database failure while processing answers non-2xx and stores nothing; the retry succeeds")
        func failureRollsBack() async throws {
            try await withTestApp { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                try await test.linkCustomer(organizationID: admin.organizationID, customer: "cus_d", subscription: "sub_d")
                let events = try await test.billingCount("SELECT count(*)::int FROM stripe_events")
                let audits = try await test.billingCount("SELECT count(*)::int FROM audit_log")
                // Make the payment insert fail inside the webhook's transaction.
                try await test.database.client.query(
                    "ALTER TABLE payment_history ADD CONSTRAINT test_refuse_all CHECK (amount < 0) NOT VALID")

                let payload = StripeEvents.event(
                    id: "evt_retry_1", type: "invoice.payment_failed", created: unixTime(),
                    object: StripeEvents.invoice(id: "in_d", customer: "cus_d", subscription: "sub_d", amount: 500, paid: false))
                let failed = try await test.client.deliver(payload)
                #expect(failed.status.code >= 500)
                #expect(failed.errorCode == "webhook_not_recorded")
                #expect(!failed.text.lowercased().contains("constraint"))
                #expect(try await test.billingCount("SELECT count(*)::int FROM stripe_events") == events)
                #expect(try await test.billingCount("SELECT count(*)::int FROM audit_log") == audits)
                #expect(try await test.billingCount("SELECT count(*)::int FROM notifications") == 0)
                #expect(try await test.billingCount("SELECT count(*)::int FROM payment_history") == 0)

                try await test.database.client.query("ALTER TABLE payment_history DROP CONSTRAINT test_refuse_all")
                let retried = try await test.client.deliver(payload)
                #expect(retried.status == .ok)
                #expect(retried.object["outcome"] as? String == "applied")
                #expect(try await test.billingCount("SELECT count(*)::int FROM payment_history") == 1)
                #expect(try await test.billingCount("SELECT count(*)::int FROM notifications") == 1)
            }
        }
    }

    // MARK: - Helpers

    /// Invites a new user into `admin`'s organization with `role`; they act there through
    /// `X-Organization-Id` (see ``TestUser/organizationID``, which is set to the admin's organization).
    static func addMember(_ test: TestContext, to admin: TestUser, role: String) async throws -> TestUser {
        let email = uniqueEmail(role)
        let invitation = try await test.client.call(
            .post, "/organizations/\(admin.organizationID)/invitations", token: admin.token, json: ["email": email, "role": role])
        #expect(invitation.status == .created, "\(invitation.text)")
        let user = try await test.client.signUp(email)
        let accepted = try await test.client.call(
            .post, "/invitations/accept", token: user.token, json: ["token": invitation.object["token"] as? String ?? ""])
        #expect(accepted.status == .ok, "\(accepted.text)")
        return TestUser(id: user.id, email: email, token: user.token, refreshToken: user.refreshToken,
                        organizationID: admin.organizationID)
    }
}
