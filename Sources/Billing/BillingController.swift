import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird
import PostgresNIO

/// `/billing/*`: the organization's plan and usage, Stripe Checkout and the customer portal.
public struct BillingController: Sendable {
    let database: Database
    let quotas: QuotaStore
    let stripe: StripeClient
    let settings: StripeSettings

    public init(database: Database, quotas: QuotaStore, stripe: StripeClient, settings: StripeSettings) {
        self.database = database
        self.quotas = quotas
        self.stripe = stripe
        self.settings = settings
    }

    public func register(_ routes: RouteRegistrar) {
        routes.tenant(.get, "/billing/plan", minimum: .viewer) { _, context in try await plan(context) }
        routes.tenant(.post, "/billing/checkout", minimum: .admin, database: .callsOutside) { request, context in
            let body = try await request.decodeJSON(CheckoutBody.self, context: context)
            return try await checkout(body, context)
        }
        routes.tenant(.post, "/billing/portal", minimum: .admin, database: .callsOutside) { _, context in try await portal(context) }
    }

    // MARK: - Shapes

    struct Quota: Encodable {
        let limit: Int
        let used: Int
    }
    struct PlanStatus: ResponseEncodable {
        let plan: String
        let status: String?
        let current_period_end: Date?
        let quotas: [String: Quota]
        let period_start: Date
        let resets_at: Date

        enum CodingKeys: String, CodingKey { case plan, status, current_period_end, quotas, period_start, resets_at }

        /// Writes `status` and `current_period_end` as null rather than leaving them out.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(plan, forKey: .plan)
            try container.encode(status, forKey: .status)
            try container.encode(current_period_end, forKey: .current_period_end)
            try container.encode(quotas, forKey: .quotas)
            try container.encode(period_start, forKey: .period_start)
            try container.encode(resets_at, forKey: .resets_at)
        }
    }
    struct CheckoutBody: Decodable { let plan: String }
    struct SessionURL: ResponseEncodable { let url: String }

    // MARK: - Plan and usage

    private func plan(_ context: TenantRequestContext) async throws -> PlanStatus {
        return try await database.withTenant(context.scope) { transaction in
            guard let row = try await BillingStore(transaction).plan(of: context.organizationID) else {
                throw AppError.notFound("Organization")
            }
            let plan = Plan(rawValue: row.plan) ?? .free
            let usage = try await quotas.usage(organizationID: context.organizationID, plan: plan, on: transaction)
            return PlanStatus(
                plan: plan.rawValue, status: row.subscriptionStatus, current_period_end: row.currentPeriodEnd,
                quotas: Dictionary(uniqueKeysWithValues: usage.quotas.map { ($0.key.rawValue, Quota(limit: $0.value.limit, used: $0.value.used)) }),
                period_start: usage.period.start, resets_at: usage.period.end)
        }
    }

    // MARK: - Checkout and portal

    private func checkout(_ body: CheckoutBody, _ context: TenantRequestContext) async throws -> SessionURL {
        guard let plan = Plan(rawValue: body.plan), plan != .free else {
            throw AppError.invalidField("plan", "must be \"pro\" or \"team\"")
        }
        guard settings.secretKey != nil, let price = settings.priceIDs[plan] else { throw AppError.billingNotConfigured }
        let organizationID = context.organizationID
        let billing = try await billingState(context)
        if let status = billing.status, SubscriptionOrder.paidStatuses.contains(status) {
            throw AppError.conflict(
                "The organization already has a subscription; change its plan in the billing portal.", code: "subscription_exists")
        }
        var fields: [(String, String)] = [
            ("mode", "subscription"),
            ("line_items[0][price]", price),
            ("line_items[0][quantity]", "1"),
            ("success_url", "\(settings.frontendURL)/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}"),
            ("cancel_url", "\(settings.frontendURL)/billing?checkout=cancelled"),
            ("client_reference_id", organizationID.uuidString),
            ("metadata[organization_id]", organizationID.uuidString),
            ("subscription_data[metadata][organization_id]", organizationID.uuidString),
        ]
        if let customer = billing.customer {
            fields.append(("customer", customer))
        } else {
            fields.append(("customer_email", context.user.email))
        }
        let session = try await stripe.createSession("/v1/checkout/sessions", fields)
        // The session is remembered for this organization: its completion event is applied to
        // this organization only, whatever the event's metadata says.
        try await database.withTenant(context.scope) { transaction in
            try await BillingStore(transaction).rememberCheckout(
                session.id, organizationID: organizationID, createdBy: context.user.id, plan: plan.rawValue)
            try await AuditLog.record(on: transaction, organizationID: organizationID, actorID: context.user.id,
                                      action: "billing.checkout_started", target: session.id, details: ["plan": plan.rawValue])
        }
        return SessionURL(url: session.url)
    }

    private func portal(_ context: TenantRequestContext) async throws -> SessionURL {
        guard settings.secretKey != nil else { throw AppError.billingNotConfigured }
        guard let customer = try await billingState(context).customer else {
            throw AppError.conflict("The organization has no Stripe customer yet; start a subscription first.",
                                    code: "no_stripe_customer")
        }
        let session = try await stripe.createSession("/v1/billing_portal/sessions", [
            ("customer", customer), ("return_url", "\(settings.frontendURL)/billing"),
        ])
        try await audit(context, action: "billing.portal_opened", target: session.id)
        return SessionURL(url: session.url)
    }

    /// The organization's Stripe customer and subscription status, read in a short transaction
    /// (no connection is held while Stripe is called).
    private func billingState(_ context: TenantRequestContext) async throws -> (customer: String?, status: String?) {
        let row = try await database.withTenant(context.scope) { transaction in
            try await BillingStore(transaction).stripeState(of: context.organizationID)
        }
        guard let row else { throw AppError.notFound("Organization") }
        return (row.customerID, row.subscriptionStatus)
    }

    private func audit(_ context: TenantRequestContext, action: String, target: String?, details: [String: String] = [:]) async throws {
        try await database.withTenant(context.scope) { transaction in
            try await AuditLog.record(on: transaction, organizationID: context.organizationID,
                                      actorID: context.user.id, action: action, target: target, details: details)
        }
    }
}
