import CustomerDatabase
import Foundation
import PgQuery

/// What the advisor knows about the tables a query reads, read from the target's catalogs.
public struct SchemaCatalog: Sendable {
    /// One index of a table.
    public struct Index: Sendable, Equatable {
        public var name: String
        /// Key columns in order; `nil` for an expression key.
        public var columns: [String?]
        public var isUnique: Bool
        public var isPartial: Bool
        public var method: String
        public var definition: String
    }

    /// One foreign key of a table.
    public struct ForeignKey: Sendable, Equatable {
        public var columns: [String]
        public var referencedTable: String
        public var referencedColumns: [String]
    }

    /// One table, view, materialized view or partitioned table.
    public struct Table: Sendable {
        public var oid: String
        public var schema: String
        public var name: String
        /// `r` table, `p` partitioned, `v` view, `m` materialized view, `f` foreign.
        public var kind: String
        public var rowEstimate: Double
        public var columns: [(name: String, type: String)]
        public var indexes: [Index]
        public var foreignKeys: [ForeignKey]
        /// For a partitioned table: its leaf partitions as (schema, name).
        public var partitions: [(schema: String, name: String)] = []
        /// For a partitioned table: whether some partition is itself partitioned.
        public var multiLevel = false
        /// For a view: its defining query (`pg_get_viewdef`).
        public var viewDefinition: String?
        /// Pages on disk (`relpages`; for a partitioned table, the sum over its partitions).
        public var pages: Double = 0
        /// Whether the table was never analysed (`reltuples` = -1).
        public var neverAnalyzed = false

        /// `"schema"."name"` quoted as PostgreSQL needs it.
        public var quotedName: String { Identifier.qualified(schema, name) }
        public var columnNames: Set<String> { Set(columns.map(\.name)) }
    }

    /// Tables keyed by how the query names them (`TableRef.displayName`) and by their real
    /// `schema.name`.
    public var tables: [String: Table] = [:]
    /// Extensions installed on the target (`pg_trgm`, `hypopg` …).
    public var extensions: Set<String> = []

    public init() {}

    /// The table a query reference points at, if loaded.
    public func table(_ reference: TableRef) -> Table? {
        tables[reference.displayName] ?? tables["\(reference.schema ?? "public").\(reference.name)"]
    }

    /// The loaded table with real name `schema.name`.
    public func table(schema: String, name: String) -> Table? {
        tables["\(schema).\(name)"]
    }
}

/// Quoting of SQL identifiers and literals.
public enum Identifier {
    /// `name` quoted only when it needs quoting (upper case, spaces, keywords-like characters).
    public static func quote(_ name: String) -> String {
        let plain = name.first.map { $0.isLowercase || $0 == "_" } ?? false
            && name.allSatisfy { ($0.isLowercase && $0.isASCII) || ($0.isNumber && $0.isASCII) || $0 == "_" }
            && !reserved.contains(name)
        return plain ? name : "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `schema.name` with each part quoted as needed.
    public static func qualified(_ schema: String, _ name: String) -> String {
        "\(quote(schema)).\(quote(name))"
    }

    /// A string literal.
    public static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private static let reserved: Set<String> = [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "both", "case", "cast", "check", "collate",
        "column", "constraint", "create", "default", "desc", "distinct", "do", "else", "end", "except", "false", "for",
        "foreign", "from", "grant", "group", "having", "in", "into", "is", "join", "leading", "limit", "not", "null",
        "offset", "on", "only", "or", "order", "primary", "references", "select", "table", "then", "to", "true",
        "union", "unique", "user", "using", "when", "where", "with", "window",
    ]
}
