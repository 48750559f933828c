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
    /// Why the advisor recommends no index (or no further index) for parts of the query.
    public var why_not: [WhyNot]
    public var rewrites: [Rewrite]
    /// Where the time went; nil only for reports stored before timings existed.
    @NullableCodable public var timings: AnalysisTimings?

    public init(fingerprint: String, findings: [Finding] = [], index_recommendations: [IndexRecommendation] = [],
                why_not: [WhyNot] = [], rewrites: [Rewrite] = [], timings: AnalysisTimings? = nil) {
        self.fingerprint = fingerprint
        self.findings = findings
        self.index_recommendations = index_recommendations
        self.why_not = why_not
        self.rewrites = rewrites
        self.timings = timings
    }

    enum CodingKeys: String, CodingKey {
        case fingerprint, findings, index_recommendations, why_not, rewrites, timings
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fingerprint = try container.decode(String.self, forKey: .fingerprint)
        findings = try container.decode([Finding].self, forKey: .findings)
        index_recommendations = try container.decode([IndexRecommendation].self, forKey: .index_recommendations)
        why_not = try container.decodeIfPresent([WhyNot].self, forKey: .why_not) ?? []
        rewrites = try container.decode([Rewrite].self, forKey: .rewrites)
        _timings = try container.decode(NullableCodable<AnalysisTimings>.self, forKey: .timings)
    }
}

/// Where the time of one analysis went.
public struct AnalysisTimings: Codable, Sendable, Equatable {
    /// Time spent on the target database once connected: catalog, baseline plan, HypoPG trials.
    public var analysis_ms: Double
    /// Statements planned (`EXPLAIN`) during the analysis.
    public var planner_calls: Int
    /// Time to open the connection (TLS, authentication, session settings); nil without a database.
    @NullableCodable public var connect_ms: Double?

    public init(analysis_ms: Double, planner_calls: Int, connect_ms: Double? = nil) {
        self.analysis_ms = analysis_ms
        self.planner_calls = planner_calls
        self.connect_ms = connect_ms
    }
}

/// Why no index is recommended for (part of) a query.
public struct WhyNot: Codable, Sendable, Equatable {
    public enum Reason: String, Codable, Sendable {
        /// An existing index already serves the candidate.
        case alreadyIndexed = "already_indexed"
        /// The table is so small that a sequential scan reads it in a few pages.
        case smallTable = "small_table"
        /// The planner keeps its sequential scan even with the index.
        case seqScanPreferred = "seq_scan_preferred"
        /// The planner uses the index, but the saving is below the thresholds (numbers in the message).
        case belowThreshold = "below_threshold"
        /// The predicate cannot be served by an index on plain columns (functions, `<>`, short patterns).
        case notIndexable = "not_indexable"
        /// The right index needs an extension that is not installed (pg_trgm).
        case needsExtension = "needs_extension"
        /// HypoPG is missing, so B-tree candidates could not be costed.
        case hypopgUnavailable = "hypopg_unavailable"
    }

    public var reason: Reason
    /// `schema.table` concerned, when one is.
    @NullableCodable public var table: String?
    public var columns: [String]
    public var message: String

    public init(reason: Reason, table: String?, columns: [String], message: String) {
        self.reason = reason
        self.table = table
        self.columns = columns
        self.message = message
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

/// The index advisor's answer for one statement (``QueryOptimizer/adviseIndexes(for:target:)``).
public struct IndexAdvice: Sendable {
    /// Verified (HypoPG) and rule-based (GIN, unverified) recommendations, in the order accepted.
    public var recommendations: [IndexRecommendation] = []
    /// Why nothing (more) is recommended.
    public var whyNot: [WhyNot] = []
    /// Notes about the analysis itself (HypoPG created temporarily, or unavailable).
    public var notes: [Finding] = []
    public var timings: AnalysisTimings?
    /// The catalog entries read and the plan without new indexes.
    public var catalog: SchemaCatalog?
    public var baseline: PlanEstimate?

    public init(recommendations: [IndexRecommendation] = [], whyNot: [WhyNot] = [], notes: [Finding] = [],
                timings: AnalysisTimings? = nil) {
        self.recommendations = recommendations
        self.whyNot = whyNot
        self.notes = notes
        self.timings = timings
    }
}

/// An index that made the planner's cost drop, checked with a hypothetical (HypoPG) index, or
/// (for GIN, which HypoPG cannot simulate) recommended by rule from the planner's row estimate.
public struct IndexRecommendation: Codable, Sendable, Equatable {
    /// `schema.table` of the table that gets the index.
    public var table: String
    /// Key columns in order (plain names).
    public var columns: [String]
    /// The index in short: `tickets(assignee_id, created_at DESC)`, `tickets USING gin (attrs)`.
    public var definition: String
    /// `btree` or `gin`.
    public var method: String
    /// Every statement to run, in order (several for a partitioned table).
    public var statements: [String]
    /// The statements joined with `;\n` (one statement for ordinary tables).
    public var create_sql: String
    /// Planner cost of the query before this index (after the indexes listed before it).
    public var cost_before: Double
    /// Planner cost with the hypothetical index; nil when it could not be costed (GIN).
    @NullableCodable public var cost_after: Double?
    @NullableCodable public var improvement_pct: Double?
    /// `hypopg` when the planner used the hypothetical index, `unverified` when it could not be
    /// costed (GIN: `reason` says on what the recommendation rests).
    public var verified: String
    /// Why it is unverified, or how to run the statements (partitioned tables).
    @NullableCodable public var reason: String?

    public init(table: String, columns: [String], definition: String, method: String, statements: [String], cost_before: Double,
                cost_after: Double?, improvement_pct: Double?, verified: String, reason: String? = nil) {
        self.table = table
        self.columns = columns
        self.definition = definition
        self.method = method
        self.statements = statements
        self.create_sql = statements.joined(separator: ";\n")
        self.cost_before = cost_before
        self.cost_after = cost_after
        self.improvement_pct = improvement_pct
        self.verified = verified
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case table, columns, definition, method, statements, create_sql, cost_before, cost_after, improvement_pct, verified, reason
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        table = try container.decode(String.self, forKey: .table)
        columns = try container.decode([String].self, forKey: .columns)
        create_sql = try container.decode(String.self, forKey: .create_sql)
        definition = try container.decodeIfPresent(String.self, forKey: .definition) ?? "\(table)(\(columns.joined(separator: ", ")))"
        method = try container.decodeIfPresent(String.self, forKey: .method) ?? "btree"
        statements = try container.decodeIfPresent([String].self, forKey: .statements) ?? [create_sql]
        cost_before = try container.decode(Double.self, forKey: .cost_before)
        _cost_after = try container.decode(NullableCodable<Double>.self, forKey: .cost_after)
        _improvement_pct = try container.decode(NullableCodable<Double>.self, forKey: .improvement_pct)
        verified = try container.decode(String.self, forKey: .verified)
        _reason = try container.decode(NullableCodable<String>.self, forKey: .reason)
    }
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
