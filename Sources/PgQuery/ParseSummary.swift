import Foundation

/// The facts the scanner needs about a parsed script, read straight from the parser's tree by
/// ``RawTreeReader`` or from libpg_query's JSON output by ``ParseTreeReader``, without building a
/// ``ParseTree`` (see ``PgQuery/summarize(_:)``).
///
/// It answers the same questions as ``ParseTree`` (statement kind, tables) plus the few shape
/// questions the SQL classifier asks, at a fraction of the cost.
package struct ParseSummary: Sendable, Equatable {
    /// The top-level statements, in order.
    package var statements: [Statement]
    /// The fingerprint of the whole parsed text, the number ``PgQuery/fingerprint(_:)`` spells (`nil`
    /// for an empty text).
    package var fingerprintHash: UInt64?
    /// ``fingerprintHash`` as ``PgQuery/fingerprint(_:)`` returns it.
    package var fingerprint: String? { fingerprintHash.map(PgQuery.hex) }
    /// What ``PgQuery/normalize(_:)`` returns for the parsed text, when ``PgQuery/summarize(_:normalizing:)``
    /// was asked for it and could work it out from the same parse (a single statement that
    /// ``RawTreeReader`` read); `nil` otherwise.
    package var normalized: String?

    /// A table (or view) reference: a `RangeVar` of the tree.
    package struct Relation: Sendable, Equatable {
        /// Schema name when qualified.
        package var schema: String?
        /// Relation name.
        var name: String
        /// Alias given in the query (`FROM users u`).
        package var alias: String?

        /// `schema.name` or `name`.
        var qualifiedName: String { schema.map { "\($0).\(name)" } ?? name }
    }

    /// One top-level statement.
    package struct Statement: Sendable, Equatable {
        /// The node type, e.g. `SelectStmt`, `InsertStmt`, `CreateStmt`.
        package var nodeType: String
        /// UTF-8 byte offset of the statement in the parsed text.
        package var location: Int
        /// UTF-8 byte length of the statement; 0 means "to the end of the text".
        package var length: Int
        /// A short snake_case kind such as `select`, `insert`, `with`, `create_table`.
        package var kind: String
        /// Every `RangeVar`, in document order, CTE references included.
        package var relations: [Relation]
        /// Names of the common table expressions defined anywhere in the statement.
        var cteNames: Set<String>
        /// A SELECT reads from somewhere: it has a FROM, WITH, VALUES, INTO or set operation.
        package var selectHasSource: Bool
        /// A target of the statement's own target list is something other than a bare column.
        package var computesTarget: Bool
        /// Names of the single-part column references (`u`) found in the statement's own target list.
        package var targetColumnNames: [String]
        /// Whether `pg_query_normalize` may replace something in this statement (a constant
        /// outside a type name, an option value, a connection string or a NOTIFY payload).
        package var mayHaveConstants: Bool

        /// The sorted, de-duplicated real tables referenced (CTE names excluded, and the aliases a
        /// locking clause names: `FOR UPDATE OF p`).
        package var tables: [String] {
            let hasCTEs = !cteNames.isEmpty  // most statements have none: no name is hashed then
            var names = relations.compactMap {
                $0.schema != nil || !hasCTEs || !cteNames.contains($0.name) ? $0.qualifiedName : nil
            }
            guard names.count > 1 else { return names }
            for relation in relations where relation.schema == nil && relation.alias == nil
                && relations.contains(where: { $0.alias == relation.name && $0.name != relation.name }) {
                names.removeAll { $0 == relation.name }
            }
            names.sort()
            var kept = 1
            for index in 1..<names.count where names[index] != names[kept - 1] {
                names.swapAt(kept, index)
                kept += 1
            }
            names.removeLast(names.count - kept)
            return names
        }
    }
}
