import Core
import CustomerDatabase
import Foundation
import PgQuery

/// The answer of the optimizer: findings, verified index recommendations and rewrites.
public struct OptimizationReport: Codable, Sendable, Equatable {
    /// libpg_query fingerprint of the query.
    public var fingerprint: String
    public var findings: [Finding]
    public var index_recommendations: [IndexRecommendation]
    public var rewrites: [Rewrite]

    public init(fingerprint: String, findings: [Finding] = [], index_recommendations: [IndexRecommendation] = [],
                rewrites: [Rewrite] = []) {
        self.fingerprint = fingerprint
        self.findings = findings
        self.index_recommendations = index_recommendations
        self.rewrites = rewrites
    }
}

/// How serious a finding is.
public enum Severity: String, Codable, Sendable, Comparable {
    case info, low, medium, high

    private var rank: Int { [.info: 0, .low: 1, .medium: 2, .high: 3][self] ?? 0 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One observation about the query (a rule hit, or a note about the analysis itself).
public struct Finding: Codable, Sendable, Equatable {
    /// Stable id, e.g. `select_star`, `ai_unavailable`.
    public var rule: String
    public var severity: Severity
    public var message: String
    public var fix: String

    public init(rule: String, severity: Severity, message: String, fix: String) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.fix = fix
    }
}

/// An index that made the planner's cost drop, checked with a hypothetical (HypoPG) index.
public struct IndexRecommendation: Codable, Sendable, Equatable {
    /// `schema.table` of the table that gets the index.
    public var table: String
    public var columns: [String]
    public var create_sql: String
    public var cost_before: Double
    public var cost_after: Double
    public var improvement_pct: Double
    /// `hypopg` when the planner used the hypothetical index, `unverified` for AI suggestions.
    public var verified: String
}

/// A rewritten query, labelled with where it came from and how it was checked.
public struct Rewrite: Codable, Sendable, Equatable {
    public var sql: String
    public var rationale: String
    /// `rules` or `ai`.
    public var source: String
    /// `planner` (costs compared), `unverified` (no database or the planner refused it) or
    /// `rejected` (invalid SQL, another statement kind or other tables: never run).
    public var verified: String
    @NullableCodable public var cost_before: Double?
    @NullableCodable public var cost_after: Double?
    /// Why a rewrite is unverified or rejected.
    @NullableCodable public var reason: String?

    public init(sql: String, rationale: String, source: String, verified: String,
                cost_before: Double? = nil, cost_after: Double? = nil, reason: String? = nil) {
        self.sql = sql
        self.rationale = rationale
        self.source = source
        self.verified = verified
        self.cost_before = cost_before
        self.cost_after = cost_after
        self.reason = reason
    }
}

/// Like ``Nullable`` but also decodable, so reports round-trip through the history table.
@propertyWrapper
public struct NullableCodable<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension KeyedDecodingContainer {
    /// A missing key decodes as `nil` for ``NullableCodable`` fields.
    public func decode<Value>(_ type: NullableCodable<Value>.Type, forKey key: Key) throws -> NullableCodable<Value> {
        try decodeIfPresent(type, forKey: key) ?? NullableCodable(wrappedValue: nil)
    }
}
