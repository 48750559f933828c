import Foundation

/// A metered kind of work, limited per organization and month by its billing plan.
public enum QuotaKind: String, Sendable, Codable, CaseIterable {
    case optimize
    case explain
    case scan
    /// One workload analysis (`POST /workload/analyze`).
    case workload
}

/// Counts one unit of metered work against an organization's quota.
///
/// Feature modules receive this from the application instead of importing Billing. Call
/// ``consume`` before doing the work; it throws ``QuotaExceeded`` (402 `quota_exceeded` over HTTP) when the
/// organization's plan allows no more of `kind` in the current period, and counts atomically, so
/// concurrent callers can never exceed the limit.
public struct QuotaGate: Sendable {
    /// Checks and counts one unit of `kind` for `organizationID`, or throws.
    public var consume: @Sendable (_ organizationID: UUID, _ kind: QuotaKind) async throws -> Void

    public init(consume: @escaping @Sendable (_ organizationID: UUID, _ kind: QuotaKind) async throws -> Void) {
        self.consume = consume
    }

    /// A gate that never refuses (for tools and tests that do not meter).
    public static let unlimited = QuotaGate { _, _ in }
}

/// The organization's plan allows no more of `kind` in the current period (402 over HTTP).
public struct QuotaExceeded: Error, Sendable, Equatable {
    public let kind: QuotaKind
    public let plan: String
    public let limit: Int
    public let resetsAt: Date

    public init(kind: QuotaKind, plan: String, limit: Int, resetsAt: Date) {
        self.kind = kind
        self.plan = plan
        self.limit = limit
        self.resetsAt = resetsAt
    }

    /// For people: what is used up, until when, and what to do.
    public var message: String {
        let reset = ISO8601DateFormatter().string(from: resetsAt)
        return "The \(plan) plan allows \(limit) \(kind.rawValue) requests per month; the quota resets at \(reset). Upgrade the plan for more."
    }
}
