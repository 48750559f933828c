import Core
import Database
import Foundation
import HTTPSupport
import PostgresNIO

/// Per-organization monthly usage, counted in `usage_counters`.
public struct QuotaStore: Sendable {
    let database: Database
    let limits: QuotaLimits
    /// The current time (injectable for tests).
    let now: @Sendable () -> Date

    public init(database: Database, limits: QuotaLimits, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.limits = limits
        self.now = now
    }

    /// The gate handed to feature modules.
    public var gate: QuotaGate {
        QuotaGate { organizationID, kind in try await consume(organizationID: organizationID, kind: kind) }
    }

    // MARK: - Consuming

    /// Counts one unit of `kind`, or throws 402 `quota_exceeded`.
    ///
    /// The plan lookup, the limit check and the increment are one SQL statement: an upsert whose
    /// `DO UPDATE … WHERE used < limit` is evaluated on the locked, latest row version, so N
    /// concurrent calls against K remaining units succeed exactly K times.
    public func consume(organizationID: UUID, kind: QuotaKind) async throws {
        let period = UsagePeriod(containing: now())
        let (free, pro, team) = (limits.limit(.free, kind), limits.limit(.pro, kind), limits.limit(.team, kind))
        let counted = try await database.withTenant(TenantScope(organizationID: organizationID)) { transaction in
            try await transaction.query("""
                INSERT INTO usage_counters AS u (organization_id, period_start, kind, used)
                SELECT o.id, \(period.start), \(kind.rawValue), 1 FROM organizations o
                WHERE o.id = \(organizationID)
                  AND (CASE o.plan WHEN 'pro' THEN \(pro) WHEN 'team' THEN \(team) ELSE \(free) END) >= 1
                ON CONFLICT (organization_id, period_start, kind) DO UPDATE SET used = u.used + 1
                WHERE u.used < (SELECT CASE o.plan WHEN 'pro' THEN \(pro) WHEN 'team' THEN \(team) ELSE \(free) END
                                FROM organizations o WHERE o.id = u.organization_id)
                RETURNING u.used
                """).first(as: Int.self)
        }
        guard counted == nil else { return }
        let plan = try await database.withTenant(TenantScope(organizationID: organizationID)) { transaction in
            try await transaction.query("SELECT plan FROM organizations WHERE id = \(organizationID)")
                .first(as: String.self)
        }
        guard let plan, let known = Plan(rawValue: plan) else { throw AppError.notFound("Organization") }
        throw QuotaExceeded(kind: kind, plan: plan, limit: limits.limit(known, kind), resetsAt: period.end)
    }

    // MARK: - Reading

    /// Each kind's limit on `plan` and the organization's use of it in the current period.
    public func usage(
        organizationID: UUID, plan: Plan, on transaction: Transaction
    ) async throws -> (period: UsagePeriod, quotas: [QuotaKind: (limit: Int, used: Int)]) {
        let period = UsagePeriod(containing: now())
        let rows = try await transaction.query("""
            SELECT kind, used FROM usage_counters
            WHERE organization_id = \(organizationID) AND period_start = \(period.start)
            """).all(as: (String, Int).self)
        let used = Dictionary(rows, uniquingKeysWith: { first, _ in first })
        var quotas: [QuotaKind: (limit: Int, used: Int)] = [:]
        for kind in QuotaKind.allCases {
            quotas[kind] = (limits.limit(plan, kind), used[kind.rawValue] ?? 0)
        }
        return (period, quotas)
    }
}
