import Foundation

/// A metered kind of work, limited per organization and month by its billing plan.
public enum QuotaKind: String, Sendable, Codable, CaseIterable {
    case optimize
    case explain
    case scan
}

/// Counts one unit of metered work against an organization's quota.
///
/// Feature modules receive this from the application instead of importing Billing. Call
/// ``consume`` before doing the work; it throws 402 `quota_exceeded` (an ``AppError``) when the
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

extension AppError {
    /// 402 `quota_exceeded`: the plan's monthly limit for `kind` is used up until `resetsAt`.
    public static func quotaExceeded(kind: QuotaKind, plan: String, limit: Int, resetsAt: Date) -> AppError {
        let reset = ISO8601DateFormatter().string(from: resetsAt)
        return AppError(
            .init(code: 402, reasonPhrase: "Payment Required"), code: "quota_exceeded",
            message: "The \(plan) plan allows \(limit) \(kind.rawValue) requests per month; the quota resets at \(reset). Upgrade the plan for more.")
    }
}
