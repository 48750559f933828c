@testable import App
@testable import Billing
@testable import Database
import Foundation
import PostgresNIO
import Testing

extension BillingTests {
    /// Signed events are believed only as far as dbooster's own records go.
    @Suite("Stripe webhook trust") struct WebhookTrust {
        // MARK: - checkout.session.completed

        /// How a completion event can try to claim an organization it should not.
        enum CheckoutAttack: String, CaseIterable, Sendable {
            /// A session dbooster never created (made in the Stripe dashboard, or by someone else's flow).
            case unknownSession
            /// A session created for another organization, metadata pointing at the victim.
            case otherOrganizationsSession
            /// The victim's own session, but metadata naming a third organization.
            case metadataDisagrees
            /// The victim already has a customer; the event brings another one.
            case replacesExistingCustomer
            /// The customer already belongs to another organization.
            case customerLinkedElsewhere
        }

        @Test("a completion event that contradicts dbooster's records is rejected and changes nothing",
              arguments: CheckoutAttack.allCases)
        func checkoutAttacks(_ attack: CheckoutAttack) async throws {
            try await withTestApp { test in
                let victim = try await test.client.signUp(uniqueEmail("victim"))
                let other = try await test.client.signUp(uniqueEmail("other"))
                var sessionID = StripeEvents.newSessionID()
                var customer = "cus_attacker"
                var claimed = victim.organizationID
                switch attack {
                case .unknownSession:
                    break
                case .otherOrganizationsSession:
                    try await test.registerCheckout(organizationID: other.organizationID, sessionID: sessionID)
                case .metadataDisagrees:
                    try await test.registerCheckout(organizationID: victim.organizationID, sessionID: sessionID)
                    claimed = other.organizationID
                case .replacesExistingCustomer:
                    try await test.linkCustomer(organizationID: victim.organizationID, customer: "cus_victim", subscription: "sub_victim")
                    sessionID = StripeEvents.newSessionID()
                    try await test.registerCheckout(organizationID: victim.organizationID, sessionID: sessionID)
                case .customerLinkedElsewhere:
                    try await test.linkCustomer(organizationID: other.organizationID, customer: "cus_other", subscription: "sub_other")
                    try await test.registerCheckout(organizationID: victim.organizationID, sessionID: sessionID)
                    customer = "cus_other"
                }
                let before = try await test.billing(of: victim.organizationID)
                let otherBefore = try await test.billing(of: other.organizationID)
                let response = try await test.client.deliver(StripeEvents.event(
                    type: "checkout.session.completed", created: unixTime(),
                    object: StripeEvents.checkoutSession(organizationID: claimed, customer: customer,
                                                         subscription: "sub_attacker", sessionID: sessionID)))
                #expect(response.status == .ok, "\(response.text)")
                #expect(response.object["outcome"] as? String == "rejected", "\(attack): \(response.text)")
                #expect(try await test.billing(of: victim.organizationID) == before)
                #expect(try await test.billing(of: other.organizationID) == otherBefore)
                #expect(try await test.billingCount(
                    "SELECT count(*)::int FROM stripe_events WHERE outcome = 'rejected' AND processed_at IS NOT NULL") == 1)
            }
        }

        @Test("POST /billing/checkout remembers the session, and its completion links that organization")
        func checkoutThroughTheAPI() async throws {
            try await withStripeStandIn { stripe in
                try await withTestApp(stripeBaseURL: stripe.baseURL) { test in
                    let admin = try await test.client.signUp(uniqueEmail("admin"))
                    let started = try await test.client.call(.post, "/billing/checkout", token: admin.token, json: ["plan": "pro"])
                    #expect(started.status == .ok, "\(started.text)")
                    let sessionID = try #require((started.object["url"] as? String)?.split(separator: "/").last.map(String.init))
                    #expect(try await test.billingCount(
                        "SELECT count(*)::int FROM stripe_checkout_sessions WHERE id = \(sessionID)") == 1)
                    let completed = try await test.client.deliver(StripeEvents.event(
                        type: "checkout.session.completed", created: unixTime(),
                        object: StripeEvents.checkoutSession(organizationID: admin.organizationID, customer: "cus_api",
                                                             subscription: "sub_api", sessionID: sessionID)))
                    #expect(completed.object["outcome"] as? String == "applied", "\(completed.text)")
                    #expect(try await test.billing(of: admin.organizationID).customer == "cus_api")
                }
            }
        }

        // MARK: - Subscriptions and invoices

        @Test("a subscription event goes to the customer's linked organization, whatever its metadata says")
        func subscriptionFollowsTheLink() async throws {
            try await withTestApp { test in
                let owner = try await test.client.signUp(uniqueEmail("owner"))
                let victim = try await test.client.signUp(uniqueEmail("victim"))
                try await test.linkCustomer(organizationID: owner.organizationID, customer: "cus_owner", subscription: "sub_owner")
                let response = try await test.client.deliver(StripeEvents.event(
                    type: "customer.subscription.updated", created: unixTime(),
                    object: StripeEvents.subscription(id: "sub_owner", customer: "cus_owner", status: "active",
                                                      price: StripeTestKeys.priceTeam, periodEnd: unixTime(86400),
                                                      organizationID: victim.organizationID)))
                #expect(response.object["outcome"] as? String == "applied")
                #expect(try await test.billing(of: owner.organizationID).plan == "team")
                #expect(try await test.billing(of: victim.organizationID).plan == "free")
            }
        }

        @Test("metadata alone links nothing: an unlinked customer's events wait as unmatched", arguments: [
            "customer.subscription.created", "invoice.paid",
        ])
        func metadataAloneIsNotALink(_ type: String) async throws {
            try await withTestApp { test in
                let victim = try await test.client.signUp(uniqueEmail("victim"))
                let object = type == "invoice.paid"
                    ? StripeEvents.invoice(id: "in_meta", customer: "cus_meta", subscription: "sub_meta", amount: 900, paid: true)
                    : StripeEvents.subscription(id: "sub_meta", customer: "cus_meta", status: "active",
                                                price: StripeTestKeys.priceTeam, periodEnd: unixTime(86400),
                                                organizationID: victim.organizationID)
                let response = try await test.client.deliver(StripeEvents.event(type: type, created: unixTime(), object: object))
                #expect(response.object["outcome"] as? String == "unmatched")
                let state = try await test.billing(of: victim.organizationID)
                #expect(state.plan == "free" && state.customer == nil)
                #expect(try await test.billingCount("SELECT count(*)::int FROM payment_history") == 0)
            }
        }

        @Test("a subscription linked to one organization cannot be moved by another customer's event")
        func subscriptionOfAnotherCustomer() async throws {
            try await withTestApp { test in
                let owner = try await test.client.signUp(uniqueEmail("owner"))
                try await test.linkCustomer(organizationID: owner.organizationID, customer: "cus_real", subscription: "sub_real")
                let response = try await test.client.deliver(StripeEvents.event(
                    type: "customer.subscription.updated", created: unixTime(),
                    object: StripeEvents.subscription(id: "sub_real", customer: "cus_stranger", status: "canceled",
                                                      price: StripeTestKeys.pricePro, periodEnd: unixTime(86400))))
                #expect(response.object["outcome"] as? String == "rejected")
                #expect(try await test.billing(of: owner.organizationID).status == nil)
            }
        }

        // MARK: - livemode

        @Test("an event whose livemode differs from the key's mode is recorded and ignored", arguments: [
            (nil as String?, true), (StripeTestKeys.secretKey, true), ("sk_live_dbooster", false),
        ])
        func livemode(_ key: String?, _ eventLivemode: Bool) async throws {
            var environment: [String: String] = [:]
            if let key { environment["STRIPE_SECRET_KEY"] = key }
            try await withTestApp(environment: environment) { test in
                let admin = try await test.client.signUp(uniqueEmail("mode"))
                let sessionID = StripeEvents.newSessionID()
                try await test.registerCheckout(organizationID: admin.organizationID, sessionID: sessionID)
                var payload = StripeEvents.event(
                    type: "checkout.session.completed", created: unixTime(),
                    object: StripeEvents.checkoutSession(organizationID: admin.organizationID, customer: "cus_mode",
                                                         subscription: "sub_mode", sessionID: sessionID))
                payload = payload.replacingOccurrences(of: "\"livemode\":false", with: "\"livemode\":\(eventLivemode)")
                let response = try await test.client.deliver(payload)
                #expect(response.status == .ok)
                #expect(response.object["outcome"] as? String == "livemode_mismatch", "\(response.text)")
                #expect(try await test.billing(of: admin.organizationID).customer == nil)
                #expect(try await test.billingCount(
                    "SELECT count(*)::int FROM stripe_events WHERE outcome = 'livemode_mismatch'") == 1)
            }
        }
    }
}
