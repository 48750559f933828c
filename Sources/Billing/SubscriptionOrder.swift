import Foundation

/// The rules that keep an organization's subscription state moving forward when Stripe delivers
/// events late, twice or out of order, and that turn a subscription into a plan.
enum SubscriptionOrder {
    /// Statuses in which a subscription gives access to its paid plan. `past_due` keeps it while
    /// Stripe retries the payment.
    static let paidStatuses: Set<String> = ["active", "trialing", "past_due"]

    /// Statuses a subscription does not come back from.
    static let terminalStatuses: Set<String> = ["canceled", "incomplete_expired"]

    /// The order in which statuses follow each other in a subscription's life; used only to break
    /// ties between events created in the same second.
    static func rank(_ status: String?) -> Int {
        switch status {
        case "incomplete": 0
        case "trialing": 1
        case "active": 2
        case "past_due", "unpaid", "paused": 3
        case "canceled", "incomplete_expired": 4
        default: -1
        }
    }

    /// Whether an event about subscription `event.id` must not overwrite the organization's state.
    static func isStale(
        event: (id: String, status: String, created: Date),
        current: (id: String?, status: String?, updatedAt: Date?)
    ) -> Bool {
        if let updatedAt = current.updatedAt {
            if event.created < updatedAt { return true }
            if event.created == updatedAt, event.id == current.id, rank(event.status) < rank(current.status) { return true }
        }
        // The late end of a subscription that has since been replaced by a live one.
        if let currentID = current.id, currentID != event.id,
           terminalStatuses.contains(event.status), paidStatuses.contains(current.status ?? "") {
            return true
        }
        return false
    }

    /// The plan a subscription in `status` with `prices` gives: the highest known plan among its
    /// prices while it is paid for, otherwise free.
    static func plan(status: String, prices: [String], settings: StripeSettings) -> Plan {
        guard paidStatuses.contains(status) else { return .free }
        return prices.compactMap(settings.plan(forPrice:)).max() ?? .free
    }
}
