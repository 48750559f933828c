import Foundation

/// A B-tree index the advisor may try: a physical table and its key columns in order.
public struct IndexCandidate: Sendable, Hashable {
    public var schema: String
    public var table: String
    public var columns: [String]

    /// `CREATE INDEX ON "schema"."table" (cols)` for `hypopg_create_index`.
    var hypotheticalSQL: String {
        "CREATE INDEX ON \(Identifier.qualified(schema, table)) (\(columns.map(Identifier.quote).joined(separator: ", ")))"
    }

    /// The statement to run for real: built concurrently, with a readable name.
    public var createSQL: String {
        let raw = (["idx", table] + columns).joined(separator: "_").lowercased()
            .map { $0.isLetter || $0.isNumber || $0 == "_" ? String($0) : "_" }.joined()
        let name = String(raw.prefix(63))
        return "CREATE INDEX CONCURRENTLY \(Identifier.quote(name)) ON \(Identifier.qualified(schema, table)) "
            + "(\(columns.map(Identifier.quote).joined(separator: ", ")))"
    }
}
