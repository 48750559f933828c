import Foundation

// The parts of Stripe's event payloads dbooster reads. Every field is optional where Stripe's API
// versions differ, so that both the current (2025-03-31.basil and later) and older shapes decode.

// MARK: - Envelope

/// The envelope of every event: enough to store it and choose a handler.
struct StripeEventEnvelope: Decodable, Sendable {
    let id: String
    let type: String
    /// Seconds since 1970 when Stripe created the event.
    let created: Int
    let livemode: Bool?
    let api_version: String?
}

/// `data.object` of an event, decoded as `Object`.
struct StripeEventData<Object: Decodable & Sendable>: Decodable, Sendable {
    struct Payload: Decodable, Sendable { let object: Object }
    let data: Payload
    var object: Object { data.object }
}

/// An id that Stripe sends either as a string or, when expanded, as an object with an `id`.
struct StripeID: Decodable, Sendable, Equatable {
    let value: String

    init(from decoder: any Decoder) throws {
        if let string = try? decoder.singleValueContainer().decode(String.self) {
            value = string
        } else {
            struct Expanded: Decodable { let id: String }
            value = try Expanded(from: decoder).id
        }
    }
}

// MARK: - Objects

/// `checkout.session.*`.
struct StripeCheckoutSession: Decodable, Sendable {
    let id: String
    let mode: String?
    let customer: StripeID?
    let subscription: StripeID?
    let client_reference_id: String?
    let metadata: [String: String]?
}

/// `customer.subscription.*`.
struct StripeSubscription: Decodable, Sendable {
    struct Price: Decodable, Sendable { let id: String }
    struct Item: Decodable, Sendable {
        let price: Price?
        /// The legacy plan object, still sent alongside `price`.
        let plan: Price?
        /// Since 2025-03-31.basil the period lives on each item.
        let current_period_end: Int?
    }
    struct Items: Decodable, Sendable { let data: [Item] }

    let id: String
    let customer: StripeID?
    let status: String
    let items: Items?
    /// Top-level plan of single-item subscriptions (older API versions).
    let plan: Price?
    /// Before 2025-03-31.basil the period lived on the subscription.
    let current_period_end: Int?
    let metadata: [String: String]?

    /// The price ids of every item (and the legacy top-level plan).
    var priceIDs: [String] {
        let fromItems = (items?.data ?? []).flatMap { [$0.price?.id, $0.plan?.id].compactMap { $0 } }
        return fromItems + [plan?.id].compactMap { $0 }
    }

    /// The period end from the items (current placement) or the top level (older placement).
    var periodEnd: Date? {
        let seconds = (items?.data ?? []).compactMap(\.current_period_end).max() ?? current_period_end
        return seconds.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }
}

/// `invoice.*`.
struct StripeInvoice: Decodable, Sendable {
    struct SubscriptionDetails: Decodable, Sendable {
        let subscription: StripeID?
        let metadata: [String: String]?
    }
    struct Parent: Decodable, Sendable { let subscription_details: SubscriptionDetails? }
    struct StatusTransitions: Decodable, Sendable { let paid_at: Int? }

    let id: String
    let customer: StripeID?
    /// Before 2025-03-31.basil.
    let subscription: StripeID?
    /// Since 2025-03-31.basil.
    let parent: Parent?
    /// The subscription's metadata on older API versions.
    let subscription_details: SubscriptionDetails?
    let amount_paid: Int?
    let amount_due: Int?
    let currency: String?
    let status_transitions: StatusTransitions?

    /// The invoice's subscription from either placement.
    var subscriptionID: String? { parent?.subscription_details?.subscription?.value ?? subscription?.value }

    /// The subscription's metadata from either placement.
    var subscriptionMetadata: [String: String] {
        parent?.subscription_details?.metadata ?? subscription_details?.metadata ?? [:]
    }
}
