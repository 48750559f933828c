@testable import App
@testable import Billing
@testable import Database
import Foundation
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing

/// The billing tests: webhooks, quotas, payments and checkout (`swift test --filter BillingTests`).
@Suite("Billing") struct BillingTests {}

// MARK: - Stripe events

/// Builds Stripe event payloads in the current (2025-03-31.basil and later) or the older shape.
enum StripeEvents {
    enum Placement: Sendable { case current, legacy }

    /// An event envelope around `object`, as JSON text (the exact bytes that get signed).
    static func event(id: String = "evt_\(UUID().uuidString.prefix(12))", type: String, created: Int,
                      object: [String: Any]) -> String {
        let event: [String: Any] = [
            "id": id, "object": "event", "type": type, "created": created, "livemode": false,
            "api_version": "2025-03-31.basil", "pending_webhooks": 1, "data": ["object": object],
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: event, options: [.sortedKeys]), as: UTF8.self)
    }

    static func checkoutSession(organizationID: String, customer: String, subscription: String,
                                sessionID: String = newSessionID(), useClientReference: Bool = false) -> [String: Any] {
        var session: [String: Any] = [
            "id": sessionID, "object": "checkout.session", "mode": "subscription",
            "customer": customer, "subscription": subscription, "payment_status": "paid", "status": "complete",
        ]
        if useClientReference {
            session["client_reference_id"] = organizationID
            session["metadata"] = [String: String]()
        } else {
            session["metadata"] = ["organization_id": organizationID]
        }
        return session
    }

    /// A fresh checkout session id.
    static func newSessionID() -> String { "cs_test_\(UUID().uuidString.prefix(12))" }

    static func subscription(id: String, customer: String, status: String, price: String, periodEnd: Int,
                             organizationID: String? = nil, placement: Placement = .current) -> [String: Any] {
        var item: [String: Any] = [
            "id": "si_\(UUID().uuidString.prefix(8))", "object": "subscription_item",
            "price": ["id": price, "object": "price", "recurring": ["interval": "month"]],
            "quantity": 1,
        ]
        var subscription: [String: Any] = [
            "id": id, "object": "subscription", "customer": customer, "status": status,
            "metadata": organizationID.map { ["organization_id": $0] } ?? [String: String](),
        ]
        switch placement {
        case .current:
            item["current_period_end"] = periodEnd
            item["current_period_start"] = periodEnd - 30 * 86400
        case .legacy:
            item["plan"] = ["id": price, "object": "plan"]
            subscription["current_period_end"] = periodEnd
            subscription["plan"] = ["id": price, "object": "plan"]
        }
        subscription["items"] = ["object": "list", "data": [item]]
        return subscription
    }

    static func invoice(id: String, customer: String, subscription: String, amount: Int, paid: Bool,
                        paidAt: Int? = nil, placement: Placement = .current) -> [String: Any] {
        var invoice: [String: Any] = [
            "id": id, "object": "invoice", "customer": customer, "currency": "usd",
            "amount_due": amount, "amount_paid": paid ? amount : 0, "status": paid ? "paid" : "open",
            "status_transitions": ["paid_at": paid ? (paidAt ?? 1_750_000_000) as Any : NSNull()],
        ]
        switch placement {
        case .current:
            invoice["parent"] = ["type": "subscription_details",
                                 "subscription_details": ["subscription": subscription, "metadata": [String: String]()]]
        case .legacy:
            invoice["subscription"] = subscription
        }
        return invoice
    }
}

// MARK: - Delivering

extension TestClientProtocol {
    /// Posts `payload` to the webhook, signed like Stripe with `secret` at `timestamp`.
    func deliver(_ payload: String, secret: String = StripeTestKeys.webhookSecret,
                 timestamp: Date = Date(), signature: String? = nil) async throws -> JSONResponse {
        let header = signature ?? StripeSignatureVerifier.sign(payload: Array(payload.utf8), secret: secret, timestamp: timestamp)
        return try await call(.post, "/webhooks/stripe", rawBody: payload, headers: [.init("Stripe-Signature")!: header])
    }
}

/// Seconds since 1970, `offset` from now.
func unixTime(_ offset: Int = 0) -> Int { Int(Date().timeIntervalSince1970) + offset }

// MARK: - Reading state

/// The billing columns of an organization.
struct OrganizationBilling: Sendable, Equatable {
    let plan: String
    let status: String?
    let customer: String?
    let subscription: String?
    let periodEnd: Date?
}

extension TestContext {
    func billing(of organizationID: String) async throws -> OrganizationBilling {
        let id = UUID(uuidString: organizationID)!
        let row = try await database.withSystem { transaction in
            try await transaction.query("""
                SELECT plan, subscription_status, stripe_customer_id, stripe_subscription_id, current_period_end
                FROM organizations WHERE id = \(id)
                """).first(as: (String, String?, String?, String?, Date?).self)
        }
        let found = try #require(row)
        return OrganizationBilling(plan: found.0, status: found.1, customer: found.2, subscription: found.3, periodEnd: found.4)
    }

    /// A count from a system-role query.
    func billingCount(_ query: PostgresQuery) async throws -> Int {
        try await database.withSystem { transaction in
            try await transaction.query(query).first(as: Int.self) ?? -1
        }
    }

    /// Records a checkout session as `POST /billing/checkout` does after Stripe created it.
    func registerCheckout(organizationID: String, sessionID: String) async throws {
        let id = UUID(uuidString: organizationID)!
        try await database.withSystem { transaction in
            try await transaction.query("""
                INSERT INTO stripe_checkout_sessions (organization_id, id, plan) VALUES (\(id), \(sessionID), 'pro')
                """)
        }
    }

    /// Links a Stripe customer and subscription to an organization through a checkout event for
    /// a session dbooster created.
    func linkCustomer(organizationID: String, customer: String, subscription: String) async throws {
        let sessionID = StripeEvents.newSessionID()
        try await registerCheckout(organizationID: organizationID, sessionID: sessionID)
        let response = try await client.deliver(StripeEvents.event(
            type: "checkout.session.completed", created: unixTime(-600),
            object: StripeEvents.checkoutSession(organizationID: organizationID, customer: customer, subscription: subscription,
                                                 sessionID: sessionID)))
        #expect(response.status == .ok, "checkout.session.completed: \(response.text)")
    }
}
