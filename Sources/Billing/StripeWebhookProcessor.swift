import Core
import Database
import Foundation
import Logging
import PostgresNIO

/// Records and applies verified Stripe events.
///
/// Each event is stored once in `stripe_events` and applied in the same transaction, so a 2xx
/// answer means both happened and a failure leaves nothing behind (Stripe then retries). Events
/// may arrive more than once and in any order:
/// - a repeated event id changes nothing;
/// - subscription state only moves forward: an event older (by Stripe's `created`) than the last
///   one applied to the organization is recorded as `stale`; on a tie the status that comes later
///   in a subscription's life wins; a late end of a replaced subscription cannot cancel the new one;
/// - an invoice keeps one row; `paid` is final and an older event cannot overwrite a newer one;
/// - an event whose organization is not known yet (its customer is linked by a later
///   `checkout.session.completed`) is recorded as `unmatched` and applied when the link arrives.
///
/// Trust: a signed event is still only believed as far as dbooster's own records go.
/// - the organization of a subscription or invoice event comes from dbooster's customer (or
///   subscription) → organization link, never from the event's metadata;
/// - `checkout.session.completed` is applied only for a session dbooster created
///   (`POST /billing/checkout`, stored in `stripe_checkout_sessions`) and only to the organization
///   that created it; it links a customer to an organization that has none, and never replaces an
///   existing link or takes a customer linked to another organization (`rejected`);
/// - an event whose `livemode` differs from the secret key's mode is recorded as `livemode_mismatch`.
public struct StripeWebhookProcessor: Sendable {
    let database: Database
    let settings: StripeSettings

    public init(database: Database, settings: StripeSettings) {
        self.database = database
        self.settings = settings
    }

    /// What happened to a delivery.
    public enum Outcome: String, Sendable {
        /// The event changed dbooster's state.
        case applied
        /// Older than the state already applied; recorded, nothing changed.
        case stale
        /// A type dbooster does not act on; recorded.
        case ignored
        /// Its organization is unknown so far; recorded, applied once the customer is linked.
        case unmatched
        /// A known type whose object could not be read; recorded and logged.
        case malformed
        /// The event id was seen before; nothing changed.
        case duplicate
        /// It contradicts dbooster's own records (a checkout session dbooster did not create for
        /// that organization, a customer linked elsewhere); recorded, nothing changed.
        case rejected
        /// Live-mode event for a test-mode deployment, or the reverse; recorded, nothing changed.
        case livemodeMismatch = "livemode_mismatch"
    }

    /// The envelope of a delivery could not be read (no `id`, `type` or `created`).
    public struct InvalidEvent: Error {}

    // MARK: - Entry point

    /// Stores and applies one verified delivery, in one transaction.
    public func handle(payload: Data) async throws -> Outcome {
        guard let envelope = try? JSONDecoder().decode(StripeEventEnvelope.self, from: payload),
              !envelope.id.isEmpty, envelope.id.count <= 255 else { throw InvalidEvent() }
        let json = String(decoding: payload, as: UTF8.self)
        let created = Date(timeIntervalSince1970: TimeInterval(envelope.created))
        return try await database.withSystem { transaction in
            let stored = try await transaction.query("""
                INSERT INTO stripe_events (id, type, created, livemode, api_version, payload)
                VALUES (\(envelope.id), \(envelope.type), \(created), \(envelope.livemode ?? false),
                        \(envelope.api_version), \(json)::jsonb)
                ON CONFLICT (id) DO NOTHING RETURNING id
                """).first(as: String.self)
            guard stored != nil else { return Outcome.duplicate }
            guard (envelope.livemode ?? false) == settings.isLiveMode else {
                database.logger.warning("Stripe event \(envelope.id) has livemode \(envelope.livemode ?? false); ignored")
                try await record(.livemodeMismatch, eventID: envelope.id, on: transaction)
                return Outcome.livemodeMismatch
            }
            let outcome = try await apply(type: envelope.type, created: created, payload: payload, on: transaction)
            try await record(outcome, eventID: envelope.id, on: transaction)
            return outcome
        }
    }

    // MARK: - Dispatch

    private func apply(type: String, created: Date, payload: Data, on transaction: Transaction) async throws -> Outcome {
        switch type {
        case "checkout.session.completed":
            guard let session = decode(StripeCheckoutSession.self, payload) else { return .malformed }
            return try await checkoutCompleted(session, on: transaction)
        case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted":
            guard let subscription = decode(StripeSubscription.self, payload) else { return .malformed }
            return try await subscriptionChanged(
                subscription, deleted: type == "customer.subscription.deleted", created: created, on: transaction)
        case "invoice.paid", "invoice.payment_failed":
            guard let invoice = decode(StripeInvoice.self, payload) else { return .malformed }
            return try await invoiceSettled(invoice, paid: type == "invoice.paid", created: created, on: transaction)
        default:
            return .ignored
        }
    }

    private func decode<Object: Decodable & Sendable>(_ type: Object.Type, _ payload: Data) -> Object? {
        do {
            return try JSONDecoder().decode(StripeEventData<Object>.self, from: payload).object
        } catch {
            database.logger.error("Unreadable Stripe \(Object.self): \(error)")
            return nil
        }
    }

    private func record(_ outcome: Outcome, eventID: String, on transaction: Transaction) async throws {
        try await transaction.query("""
            UPDATE stripe_events SET outcome = \(outcome.rawValue), processed_at = clock_timestamp() WHERE id = \(eventID)
            """)
    }

    // MARK: - checkout.session.completed

    private func checkoutCompleted(_ session: StripeCheckoutSession, on transaction: Transaction) async throws -> Outcome {
        // Only a session dbooster created, for the organization that created it.
        guard let organizationID = try await transaction.query("""
            SELECT organization_id FROM stripe_checkout_sessions WHERE id = \(session.id) LIMIT 1
            """).first(as: UUID.self) else {
            database.logger.warning("checkout.session.completed for unknown session \(session.id); rejected")
            return .rejected
        }
        let claimed = session.metadata?["organization_id"] ?? session.client_reference_id
        if let claimed, UUID(uuidString: claimed) != organizationID {
            database.logger.warning("checkout session \(session.id) claims organization \(claimed); rejected")
            return .rejected
        }
        let customer = session.customer?.value
        let subscription = session.subscription?.value
        guard let row = try await transaction.query("""
            SELECT id, stripe_customer_id FROM organizations WHERE id = \(organizationID) FOR UPDATE
            """).first(as: (UUID, String?).self) else { return .rejected }
        let existing = row.1
        if let existing, let customer, existing != customer { return .rejected }
        if let customer, existing == nil, try await self.organization(customer: customer, on: transaction) != nil {
            return .rejected
        }
        try await transaction.query("""
            UPDATE organizations SET
                stripe_customer_id = COALESCE(stripe_customer_id, \(customer)),
                stripe_subscription_id = CASE WHEN subscription_updated_at IS NULL
                    THEN COALESCE(\(subscription), stripe_subscription_id) ELSE stripe_subscription_id END
            WHERE id = \(organizationID)
            """)
        try await transaction.query("""
            UPDATE stripe_checkout_sessions SET completed_at = clock_timestamp()
            WHERE organization_id = \(organizationID) AND id = \(session.id)
            """)
        try await AuditLog.record(
            on: transaction, organizationID: organizationID, actorID: nil,
            action: "billing.checkout_completed", target: session.id,
            details: ["customer": customer ?? "", "subscription": subscription ?? ""])
        if let customer { try await replayUnmatched(customer: customer, on: transaction) }
        return .applied
    }

    /// Applies the events recorded as `unmatched` for a customer that has just been linked.
    private func replayUnmatched(customer: String, on transaction: Transaction) async throws {
        let rows = try await transaction.query("""
            SELECT id, type, created, payload::text FROM stripe_events
            WHERE outcome = 'unmatched' AND payload -> 'data' -> 'object' ->> 'customer' = \(customer)
            ORDER BY created, received_at
            """).all(as: (String, String, Date, String).self)
        for (id, type, created, payload) in rows {
            let outcome = try await apply(type: type, created: created, payload: Data(payload.utf8), on: transaction)
            try await record(outcome, eventID: id, on: transaction)
        }
    }

    // MARK: - customer.subscription.*

    private func subscriptionChanged(
        _ subscription: StripeSubscription, deleted: Bool, created: Date, on transaction: Transaction
    ) async throws -> Outcome {
        let customer = subscription.customer?.value
        let organizationID: UUID
        switch try await linkedOrganization(customer: customer, subscription: subscription.id, on: transaction) {
        case .none: return .unmatched
        case .conflict: return .rejected
        case .organization(let id): organizationID = id
        }
        if let claimed = subscription.metadata?["organization_id"], UUID(uuidString: claimed) != organizationID {
            database.logger.warning("subscription \(subscription.id) claims organization \(claimed); applied to the linked one")
        }

        guard let current = try await transaction.query("""
            SELECT plan, subscription_status, stripe_subscription_id, subscription_updated_at
            FROM organizations WHERE id = \(organizationID) FOR UPDATE
            """).first(as: (String, String?, String?, Date?).self) else { return .unmatched }
        let status = deleted ? "canceled" : subscription.status
        if SubscriptionOrder.isStale(
            event: (subscription.id, status, created),
            current: (current.2, current.1, current.3)) { return .stale }

        let plan = deleted ? Plan.free : SubscriptionOrder.plan(
            status: status, prices: subscription.priceIDs, settings: settings)
        try await transaction.query("""
            UPDATE organizations SET
                plan = \(plan.rawValue), subscription_status = \(status), stripe_subscription_id = \(subscription.id),
                current_period_end = \(subscription.periodEnd), subscription_updated_at = \(created)
            WHERE id = \(organizationID)
            """)
        try await AuditLog.record(
            on: transaction, organizationID: organizationID, actorID: nil,
            action: deleted ? "billing.subscription_canceled" : "billing.subscription_updated", target: subscription.id,
            details: ["plan_from": current.0, "plan_to": plan.rawValue, "status": status])
        return .applied
    }

    // MARK: - invoice.paid / invoice.payment_failed

    private func invoiceSettled(
        _ invoice: StripeInvoice, paid: Bool, created: Date, on transaction: Transaction
    ) async throws -> Outcome {
        let organizationID: UUID
        switch try await linkedOrganization(customer: invoice.customer?.value, subscription: invoice.subscriptionID, on: transaction) {
        case .none: return .unmatched
        case .conflict: return .rejected
        case .organization(let id): organizationID = id
        }

        let status = paid ? "paid" : "failed"
        let amount = max(0, (paid ? invoice.amount_paid : invoice.amount_due) ?? 0)
        let currency = (invoice.currency ?? "usd").uppercased()
        let paidAt = paid ? Date(timeIntervalSince1970: TimeInterval(invoice.status_transitions?.paid_at ?? Int(created.timeIntervalSince1970))) : nil
        let changed = try await transaction.query("""
            INSERT INTO payment_history AS p (organization_id, amount, currency, status, paid_at, stripe_invoice_id, event_created)
            VALUES (\(organizationID), \(amount), \(currency), \(status), \(paidAt), \(invoice.id), \(created))
            ON CONFLICT (organization_id, stripe_invoice_id) DO UPDATE SET
                amount = EXCLUDED.amount, currency = EXCLUDED.currency, status = EXCLUDED.status,
                paid_at = EXCLUDED.paid_at, event_created = EXCLUDED.event_created, updated_at = now()
            WHERE p.status <> 'paid' AND (p.event_created IS NULL OR p.event_created <= EXCLUDED.event_created)
            RETURNING p.id
            """).first(as: UUID.self)
        guard changed != nil else { return .stale }

        let money = MoneyFormat.string(amount: amount, currency: currency)
        try await AuditLog.record(
            on: transaction, organizationID: organizationID, actorID: nil,
            action: paid ? "billing.invoice_paid" : "billing.payment_failed", target: invoice.id,
            details: ["amount": money, "status": status])
        if !paid {
            let admins = try await transaction.query("""
                SELECT user_id FROM memberships WHERE organization_id = \(organizationID) AND role = 'admin'
                """).all(as: UUID.self)
            for admin in admins {
                try await Notifications.send(
                    on: transaction, organizationID: organizationID, userID: admin,
                    kind: "payment_failed", title: "Payment failed",
                    body: "Stripe could not collect \(money) for invoice \(invoice.id). Please update the payment method in the billing portal.")
            }
        }
        return .applied
    }

    // MARK: - Finding the organization

    /// The organization an object belongs to by dbooster's own links.
    enum Link { case none, conflict, organization(UUID) }

    /// The organization linked to `customer`; else the one whose subscription is `subscription`,
    /// provided it is not linked to another customer.
    private func linkedOrganization(customer: String?, subscription: String?, on transaction: Transaction) async throws -> Link {
        if let byCustomer = try await organization(customer: customer, on: transaction) { return .organization(byCustomer) }
        guard let subscription, let row = try await transaction.query("""
            SELECT id, stripe_customer_id FROM organizations WHERE stripe_subscription_id = \(subscription)
            ORDER BY created_at LIMIT 1
            """).first(as: (UUID, String?).self) else { return .none }
        if let linked = row.1, let customer, linked != customer { return .conflict }
        return .organization(row.0)
    }

    private func organization(customer: String?, on transaction: Transaction) async throws -> UUID? {
        guard let customer else { return nil }
        return try await transaction.query(
            "SELECT id FROM organizations WHERE stripe_customer_id = \(customer)").first(as: UUID.self)
    }
}
