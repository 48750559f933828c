import Foundation
import PgQuery

/// What ``SchemaReader`` reads from a target database's catalogs: user tables, views and
/// partitioned tables (partitions themselves are folded into their parent), their columns,
/// indexes and foreign keys. Names are raw (unquoted) identifiers.
public struct SchemaSnapshot: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public let name: String
        public let position: Int
        /// `format_type` of the column, e.g. `numeric(10,2)`.
        public let type: String
        public let isNullable: Bool
        public let isPrimaryKey: Bool
    }

    public struct Table: Sendable, Equatable {
        public let schema: String
        public let name: String
        /// `table`, `partitioned_table`, `view`, `materialized_view` or `foreign_table`.
        public let kind: String
        /// `reltuples` (summed over partitions); nil for views and never-analyzed tables.
        public let rowEstimate: Int64?
        public let columns: [Column]
    }

    public struct Index: Sendable, Equatable {
        public let schema: String
        public let table: String
        public let name: String
        /// Access method: `btree`, `hash`, `gin`, `gist`, `brin`, …
        public let method: String
        /// Key columns in order; an expression column is its SQL text, e.g. `lower(email)`.
        public let columns: [String]
        public let isUnique: Bool
        public let isPrimary: Bool
        /// The WHERE predicate of a partial index.
        public let predicate: String?
        public let hasExpressions: Bool
        /// `pg_get_indexdef`, e.g. `CREATE INDEX … USING btree (…)`.
        public let definition: String
    }

    public struct ForeignKey: Sendable, Equatable {
        public let name: String
        public let schema: String
        public let table: String
        public let columns: [String]
        public let referredSchema: String
        public let referredTable: String
        public let referredColumns: [String]
    }

    public let tables: [Table]
    public let indexes: [Index]
    public let foreignKeys: [ForeignKey]

    /// The table `schema.name`.
    public func table(_ schema: String, _ name: String) -> Table? {
        tables.first { $0.schema == schema && $0.name == name }
    }

    /// The indexes of `schema.table`.
    public func indexes(on schema: String, _ table: String) -> [Index] {
        indexes.filter { $0.schema == schema && $0.table == table }
    }
}
