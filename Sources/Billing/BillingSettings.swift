import Core
import Foundation

// MARK: - Plans

/// An organization's billing plan (`organizations.plan`).
public enum Plan: String, Sendable, Codable, CaseIterable, Comparable {
    case free
    case pro
    case team

    private var rank: Int {
        switch self {
        case .free: 0
        case .pro: 1
        case .team: 2
        }
    }

    public static func < (lhs: Plan, rhs: Plan) -> Bool { lhs.rank < rhs.rank }
}

// MARK: - Quota limits

/// Monthly limits per plan and kind of work.
public struct QuotaLimits: Sendable, Equatable {
    private var limits: [Plan: [QuotaKind: Int]]

    /// free 50/100/5/10, pro 1000/2000/100/200, team 10000/20000/1000/2000
    /// (optimize/explain/scan/workload).
    public static let defaults = QuotaLimits(limits: [
        .free: [.optimize: 50, .explain: 100, .scan: 5, .workload: 10],
        .pro: [.optimize: 1000, .explain: 2000, .scan: 100, .workload: 200],
        .team: [.optimize: 10000, .explain: 20000, .scan: 1000, .workload: 2000],
    ])

    /// The defaults, overridden by `QUOTA_<PLAN>_<KIND>` settings (e.g. `QUOTA_FREE_OPTIMIZE=20`).
    /// A value that is not a non-negative integer is ignored.
    public static func from(environment value: (String) -> String?) -> QuotaLimits {
        var limits = defaults
        for plan in Plan.allCases {
            for kind in QuotaKind.allCases {
                let key = "QUOTA_\(plan.rawValue.uppercased())_\(kind.rawValue.uppercased())"
                if let text = value(key), let number = Int(text), number >= 0 {
                    limits.limits[plan, default: [:]][kind] = number
                }
            }
        }
        return limits
    }

    /// The monthly limit of `kind` on `plan`.
    public func limit(_ plan: Plan, _ kind: QuotaKind) -> Int {
        limits[plan]?[kind] ?? 0
    }

    /// Sets one limit.
    public mutating func set(_ plan: Plan, _ kind: QuotaKind, _ limit: Int) {
        limits[plan, default: [:]][kind] = max(0, limit)
    }
}

// MARK: - Stripe

/// Stripe account settings. Without a secret key, checkout and the portal answer 503
/// `billing_not_configured`; without webhook secrets, every webhook delivery is refused.
public struct StripeSettings: Sendable {
    /// `sk_…`; nil when billing through Stripe is not set up.
    public var secretKey: String?
    /// `whsec_…` signing secrets; several while a secret is being rotated.
    public var webhookSecrets: [String]
    /// The recurring price ids of the paid plans.
    public var priceIDs: [Plan: String]
    /// `https://api.stripe.com`, or a local stand-in.
    public var apiURL: String
    /// Where Checkout and the portal send the user back to.
    public var frontendURL: String
    /// The longest one API call may take, connecting included (`STRIPE_TIMEOUT_MS`); then the
    /// request is answered 504 `stripe_timeout`.
    public var timeout: Duration

    /// 15 s: Stripe's own clients wait far longer, but a person is waiting on this call.
    public static let standardTimeout = Duration.seconds(15)

    public init(secretKey: String?, webhookSecrets: [String], priceIDs: [Plan: String], apiURL: String, frontendURL: String,
                timeout: Duration = standardTimeout) {
        self.secretKey = secretKey
        self.webhookSecrets = webhookSecrets
        self.priceIDs = priceIDs
        self.apiURL = apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL
        self.frontendURL = frontendURL.hasSuffix("/") ? String(frontendURL.dropLast()) : frontendURL
        self.timeout = timeout
    }

    /// Parses a comma-separated `STRIPE_WEBHOOK_SECRET`.
    public static func secrets(from value: String?) -> [String] {
        (value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Whether the secret key is a live-mode key (`sk_live_…`, `rk_live_…`); events whose
    /// `livemode` differs are recorded and ignored.
    public var isLiveMode: Bool {
        guard let secretKey else { return false }
        return secretKey.hasPrefix("sk_live_") || secretKey.hasPrefix("rk_live_")
    }

    /// The plan a price id stands for, if it is one of ours.
    public func plan(forPrice priceID: String) -> Plan? {
        priceIDs.first { $0.value == priceID }?.key
    }
}
