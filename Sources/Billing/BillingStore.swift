import Database
import Foundation
import PostgresNIO

/// The billing feature's SQL for its routes: an organization's plan and Stripe state, payment
/// details and history. Quotas are counted by ``QuotaStore``; webhook writes stay with
/// ``StripeWebhookProcessor``. Works inside the transaction it is given and returns named rows.
struct BillingStore: Sendable {
    let transaction: Transaction

    init(_ transaction: Transaction) {
        self.transaction = transaction
    }

    // MARK: - Organization plan

    struct PlanRow: Sendable {
        let plan: String
        let subscriptionStatus: String?
        let currentPeriodEnd: Date?
    }

    struct StripeState: Sendable {
        let customerID: String?
        let subscriptionStatus: String?
    }

    /// Remembers a Checkout session dbooster created for `organizationID`: only its completion
    /// event may change that organization's billing.
    func rememberCheckout(_ sessionID: String?, organizationID: UUID, createdBy userID: UUID, plan: String) async throws {
        try await transaction.query("""
            INSERT INTO stripe_checkout_sessions (organization_id, id, created_by, plan)
            VALUES (\(organizationID), \(sessionID), \(userID), \(plan))
            ON CONFLICT DO NOTHING
            """)
    }

    func plan(of organizationID: UUID) async throws -> PlanRow? {
        try await transaction.query("""
            SELECT plan, subscription_status, current_period_end FROM organizations WHERE id = \(organizationID)
            """).first(as: (String, String?, Date?).self)
            .map { PlanRow(plan: $0.0, subscriptionStatus: $0.1, currentPeriodEnd: $0.2) }
    }

    func stripeState(of organizationID: UUID) async throws -> StripeState? {
        try await transaction.query("""
            SELECT stripe_customer_id, subscription_status FROM organizations WHERE id = \(organizationID)
            """).first(as: (String?, String?).self)
            .map { StripeState(customerID: $0.0, subscriptionStatus: $0.1) }
    }

    // MARK: - Payment details and history

    struct PaymentDetailsRow: Sendable {
        let provider: String
        let identifier: String
    }

    struct PaymentRow: Sendable {
        let id: UUID
        /// In the currency's smallest unit.
        let amount: Int
        let currency: String
        let status: String
        let paidAt: Date?
    }

    func paymentDetails(of userID: UUID) async throws -> PaymentDetailsRow? {
        try await transaction.query("""
            SELECT provider, payment_identifier FROM user_payment_details WHERE user_id = \(userID)
            """).first(as: (String, String).self)
            .map { PaymentDetailsRow(provider: $0.0, identifier: $0.1) }
    }

    /// Creates or replaces the user's payment details.
    func savePaymentDetails(of userID: UUID, provider: String, identifier: String) async throws -> PaymentDetailsRow? {
        try await transaction.query("""
            INSERT INTO user_payment_details (user_id, provider, payment_identifier)
            VALUES (\(userID), \(provider), \(identifier))
            ON CONFLICT (user_id) DO UPDATE SET
                provider = EXCLUDED.provider, payment_identifier = EXCLUDED.payment_identifier, updated_at = now()
            RETURNING provider, payment_identifier
            """).first(as: (String, String).self)
            .map { PaymentDetailsRow(provider: $0.0, identifier: $0.1) }
    }

    /// The organization's latest 500 payments, newest first.
    func payments(of organizationID: UUID) async throws -> [PaymentRow] {
        try await transaction.query("""
            SELECT id, amount, currency, status, paid_at FROM payment_history
            WHERE organization_id = \(organizationID)
            ORDER BY COALESCE(paid_at, created_at) DESC, id LIMIT 500
            """).all(as: (UUID, Int, String, String, Date?).self)
            .map { PaymentRow(id: $0.0, amount: $0.1, currency: $0.2, status: $0.3, paidAt: $0.4) }
    }
}
