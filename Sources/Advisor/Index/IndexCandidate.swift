import Foundation

/// An index the advisor may recommend: a physical table, its key columns in order (with their
/// sort direction), the access method and, for GIN, the operator class.
public struct IndexCandidate: Sendable, Hashable {
    public var schema: String
    public var table: String
    public var columns: [String]
    /// One flag per column: `DESC` in the index (B-tree only).
    public var descending: [Bool]
    /// `btree` or `gin`.
    public var method: String
    /// Operator class of the (single) GIN column, e.g. `gin_trgm_ops`; nil for the default.
    public var opclass: String?

    public init(schema: String, table: String, columns: [String], descending: [Bool]? = nil,
                method: String = "btree", opclass: String? = nil) {
        self.schema = schema
        self.table = table
        self.columns = columns
        self.descending = descending ?? Array(repeating: false, count: columns.count)
        self.method = method
        self.opclass = opclass
    }

    /// `col`, `col DESC` or `col gin_trgm_ops`, quoted.
    var keyList: String {
        zip(columns, descending).map { column, descending in
            Identifier.quote(column) + (opclass.map { " \($0)" } ?? "") + (descending ? " DESC" : "")
        }.joined(separator: ", ")
    }

    /// `USING gin ` for non-B-tree methods.
    private var usingClause: String { method == "btree" ? "" : "USING \(method) " }

    /// `CREATE INDEX ON "schema"."table" (cols)` for `hypopg_create_index`.
    var hypotheticalSQL: String {
        "CREATE INDEX ON \(Identifier.qualified(schema, table)) \(usingClause)(\(keyList))"
    }

    /// The same index with every direction reversed (equivalent for the planner, which scans
    /// a B-tree both ways).
    var normalized: IndexCandidate {
        guard descending.first == true else { return self }
        var copy = self
        copy.descending = descending.map { !$0 }
        return copy
    }

    /// `table(col, col DESC)` or `table USING gin (col gin_trgm_ops)`: how the bench and reports
    /// name an index.
    public var label: String {
        "\(table)\(method == "btree" ? "" : " USING \(method) ")(\(zip(columns, descending).map { $0 + (opclass.map { " \($0)" } ?? "") + ($1 ? " DESC" : "") }.joined(separator: ", ")))"
    }

    /// A readable index name of at most 63 bytes: `idx_table_col_col[_desc]`, with a short hash
    /// when it has to be cut.
    public var baseName: String {
        var parts = ["idx", table] + zip(columns, descending).map { $1 ? "\($0)_desc" : $0 }
        if method != "btree" { parts.append(opclass == "gin_trgm_ops" ? "trgm" : method) }
        let raw = parts.joined(separator: "_").lowercased()
            .map { $0.isLetter || $0.isNumber || $0 == "_" ? String($0) : "_" }.joined()
        return Self.fit(raw, limit: 63)
    }

    /// `name` cut to `limit` UTF-8 bytes, ending with an 8-digit hash of the whole name when cut.
    static func fit(_ name: String, limit: Int) -> String {
        guard name.utf8.count > limit else { return name }
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let suffix = "_" + String(format: "%08x", hash)
        var prefix = ""
        for character in name {
            if (prefix + String(character)).utf8.count + suffix.utf8.count > limit { break }
            prefix.append(character)
        }
        return prefix + suffix
    }

    /// The statements that build the index without blocking writes, named `name`. A partitioned
    /// table refuses `CREATE INDEX CONCURRENTLY`, so there the index is created `ON ONLY` the
    /// parent, built concurrently on each partition and attached; with sub-partitions a plain
    /// `CREATE INDEX` (which blocks writes while it builds) is returned with a note.
    public func statements(name: String, partitions: [(schema: String, name: String)], multiLevel: Bool,
                           partitioned: Bool) -> (statements: [String], note: String?) {
        let target = Identifier.qualified(schema, table)
        guard partitioned else {
            return (["CREATE INDEX CONCURRENTLY \(Identifier.quote(name)) ON \(target) \(usingClause)(\(keyList))"], nil)
        }
        if multiLevel || partitions.isEmpty {
            return (["CREATE INDEX \(Identifier.quote(name)) ON \(target) \(usingClause)(\(keyList))"],
                    "A partitioned table refuses CREATE INDEX CONCURRENTLY and this one has sub-partitions: the plain statement blocks writes while it builds.")
        }
        var statements = ["CREATE INDEX \(Identifier.quote(name)) ON ONLY \(target) \(usingClause)(\(keyList))"]
        for (index, partition) in partitions.enumerated() {
            let child = Self.fit("\(name)_p\(index + 1)", limit: 63)
            statements.append("CREATE INDEX CONCURRENTLY \(Identifier.quote(child)) ON \(Identifier.qualified(partition.schema, partition.name)) \(usingClause)(\(keyList))")
            statements.append("ALTER INDEX \(Identifier.qualified(schema, name)) ATTACH PARTITION \(Identifier.qualified(partition.schema, child))")
        }
        return (statements, "A partitioned table refuses CREATE INDEX CONCURRENTLY: the index is created ON ONLY the parent, built concurrently on each partition and attached; run the statements one by one, outside a transaction.")
    }
}
