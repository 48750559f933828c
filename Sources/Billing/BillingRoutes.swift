import AsyncHTTPClient
import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird

/// Assembles the billing feature: the Stripe webhook, `/billing/*`, `/payment/*`, and the
/// ``QuotaGate`` that metered features call.
public struct BillingRoutes: Sendable {
    public let quotas: QuotaStore
    let database: Database
    let settings: StripeSettings
    let stripe: StripeClient

    public init(database: Database, settings: StripeSettings, limits: QuotaLimits, stripe: StripeClient) {
        self.database = database
        self.settings = settings
        self.quotas = QuotaStore(database: database, limits: limits)
        self.stripe = stripe
    }

    /// Counts metered work against the organization's plan.
    public var quotaGate: QuotaGate { quotas.gate }

    public func register(_ routes: RouteRegistrar) {
        StripeWebhookController(
            verifier: StripeSignatureVerifier(secrets: settings.webhookSecrets),
            processor: StripeWebhookProcessor(database: database, settings: settings)
        ).register(routes)
        BillingController(database: database, quotas: quotas, stripe: stripe, settings: settings).register(routes)
        PaymentsController(database: database).register(routes)
    }
}
