import Advisor
import Foundation

/// The answer of a workload analysis: the statements that take the database's time, where the
/// code issues them, the indexes that would cut that time (verified with HypoPG) and the indexes
/// that cost writes and space for nothing. The CLI (`--format json`) and the API print the same.
public struct WorkloadReport: Codable, Sendable, Equatable {
    /// The top statements, most total time first.
    public var queries: [WorkloadQuery]
    /// Index recommendations merged across statements, largest estimated saving first.
    public var index_recommendations: [WorkloadIndexRecommendation]
    public var unused_indexes: [UnusedIndex]
    public var duplicate_indexes: [DuplicateIndex]
    public var invalid_indexes: [InvalidIndex]
    /// How much workload was read and since when it has been collected.
    public var statistics: WorkloadStatistics
    /// Notes about the analysis itself (HypoPG missing, statements skipped…).
    public var notes: [Finding]
    public var timings: WorkloadTimings

    public init(queries: [WorkloadQuery] = [], index_recommendations: [WorkloadIndexRecommendation] = [],
                unused_indexes: [UnusedIndex] = [], duplicate_indexes: [DuplicateIndex] = [],
                invalid_indexes: [InvalidIndex] = [], statistics: WorkloadStatistics = WorkloadStatistics(),
                notes: [Finding] = [], timings: WorkloadTimings = WorkloadTimings()) {
        self.queries = queries
        self.index_recommendations = index_recommendations
        self.unused_indexes = unused_indexes
        self.duplicate_indexes = duplicate_indexes
        self.invalid_indexes = invalid_indexes
        self.statistics = statistics
        self.notes = notes
        self.timings = timings
    }
}

/// One normalised statement of the workload (rows of `pg_stat_statements` with the same
/// libpg_query fingerprint added together).
public struct WorkloadQuery: Codable, Sendable, Equatable {
    public var fingerprint: String
    /// The normalised text (`$n` for constants), as `pg_stat_statements` keeps it.
    public var query: String
    public var calls: Int
    public var total_ms: Double
    public var mean_ms: Double
    public var rows: Int
    public var shared_blks_hit: Int
    public var shared_blks_read: Int
    /// Share of the database's total execution time (0…1).
    public var share: Double
    /// Where the code issues it.
    public var locations: [CodeLocation]
    public var findings: [Finding]
    /// The advisor's verified indexes for this statement alone.
    public var index_recommendations: [IndexRecommendation]
}

/// A place in source code that issues a statement.
public struct CodeLocation: Codable, Sendable, Equatable, Hashable {
    /// `owner/name` of the scanned repository (API only).
    public var repository: String?
    public var file: String
    public var line: Int

    public init(repository: String? = nil, file: String, line: Int) {
        self.repository = repository
        self.file = file
        self.line = line
    }
}

/// One index proposed once for every statement it helps.
public struct WorkloadIndexRecommendation: Codable, Sendable, Equatable {
    /// `schema.table`.
    public var table: String
    public var columns: [String]
    public var create_sql: String
    /// Fingerprints of the statements whose plan uses it and gets cheaper.
    public var queries: [String]
    /// Estimate: Σ calls × mean time × (1 − cost after / cost before) over those statements.
    public var estimated_saving_ms: Double
    /// Sum of the planner's costs of those statements without and with the index.
    public var cost_before: Double
    public var cost_after: Double
    /// `hypopg`: every statement listed was re-planned with the hypothetical index.
    public var verified: String
}

/// An index no scan has used since the statistics were reset.
public struct UnusedIndex: Codable, Sendable, Equatable {
    /// `schema.index`.
    public var index: String
    public var table: String
    public var size_bytes: Int
    public var scans: Int
    /// Never run by dbooster.
    public var drop_sql: String
}

/// An index that another index makes useless.
public struct DuplicateIndex: Codable, Sendable, Equatable {
    public var index: String
    public var duplicate_of: String
    public var table: String
    public var size_bytes: Int
    /// `identical` or `prefix`, with the details in the sentence after the colon.
    public var reason: String
    public var drop_sql: String
}

/// An index left invalid by a failed `CREATE INDEX CONCURRENTLY`: maintained on writes, never used.
public struct InvalidIndex: Codable, Sendable, Equatable {
    public var index: String
    public var table: String
    public var size_bytes: Int
    public var drop_sql: String
}

/// What was read.
public struct WorkloadStatistics: Codable, Sendable, Equatable {
    /// Distinct statements (fingerprints) of this database in `pg_stat_statements`.
    public var statements: Int
    /// Their total execution time.
    public var total_ms: Double
    /// When `pg_stat_statements` was last reset (ISO 8601), if the server says.
    public var statements_since: String?
    /// When the database's index usage counters were last reset; nil means never.
    public var index_stats_since: String?
    /// For people: how long the statistics have been collecting.
    public var collecting: String

    public init(statements: Int = 0, total_ms: Double = 0, statements_since: String? = nil,
                index_stats_since: String? = nil, collecting: String = "") {
        self.statements = statements
        self.total_ms = total_ms
        self.statements_since = statements_since
        self.index_stats_since = index_stats_since
        self.collecting = collecting
    }
}

/// Where the time of the analysis went.
public struct WorkloadTimings: Codable, Sendable, Equatable {
    public var analysis_ms: Double
    public var read_ms: Double
    public var advisor_ms: Double

    public init(analysis_ms: Double = 0, read_ms: Double = 0, advisor_ms: Double = 0) {
        self.analysis_ms = analysis_ms
        self.read_ms = read_ms
        self.advisor_ms = advisor_ms
    }
}
