import CustomerDatabase
import Foundation

/// Turns the columns a query filters, joins and sorts on into index candidates:
///
/// - B-tree: one per column; equality (and join) columns together; equality then one range
///   column; equality columns then the ORDER BY keys with their directions (so that the index
///   removes the sort), and the ORDER BY keys alone. `IS NULL` leads like an equality for
///   filtering, but the planner does not treat it as one for sort order.
/// - GIN (checked by rules, not HypoPG): `LIKE`/`ILIKE '%x%'` on text with `pg_trgm`
///   (`gin_trgm_ops`), jsonb `@>`/`?`/`?|`/`?&`, array `&&`/`@>`/`<@`.
///
/// Candidates an existing index already serves (same leading columns) are dropped and reported.
public struct CandidateGenerator: Sendable {
    /// At most this many key columns per candidate.
    public var maximumColumns = 4

    public init() {}

    /// What the generator found for one query.
    public struct Output: Sendable {
        /// B-tree candidates, to be costed with HypoPG.
        public var btree: [IndexCandidate] = []
        /// GIN candidates, with the scan they would replace to be judged by the planner's row estimate.
        public var gin: [IndexCandidate] = []
        /// Why some candidates were not generated.
        public var notes: [WhyNot] = []
    }

    public func candidates(shape: IndexShape, catalog: SchemaCatalog) -> Output {
        var output = Output()
        for key in shape.tableOrder {
            guard let uses = shape.tables[key], let table = catalog.tables[key] else { continue }
            var sets: [(columns: [String], descending: [Bool])] = []
            func plain(_ columns: [String]) { sets.append((columns, columns.map { _ in false })) }
            // A join column an existing index already leads (a primary key) is reached through that
            // index; appending it to another candidate would only buy an index-only scan.
            let indexedLeads = Set(table.indexes.filter { $0.method == "btree" && !$0.isPartial }.compactMap { $0.columns.first ?? nil })
            let equality = unique(uses.equality + uses.join.filter { !indexedLeads.contains($0) })
            let leading = unique(equality + uses.isNull)
            let ranges = uses.range.filter { !equality.contains($0) }
            for column in unique(leading + ranges) { plain([column]) }
            if equality.count > 1 { plain(Array(equality.prefix(maximumColumns))) }
            for first in leading {
                for last in ranges where last != first { plain([first, last]) }
            }
            if leading.count >= 2 {
                let pair = Array(leading.prefix(2))
                for last in ranges where !pair.contains(last) { plain(pair + [last]) }
            }
            for ordering in uses.orderings {
                let keys = ordering.filter { !uses.equality.contains($0.column) }
                guard !keys.isEmpty else { continue }
                let orderColumns = keys.map(\.column), orderDirections = keys.map(\.descending)
                sets.append((Array(orderColumns.prefix(maximumColumns)), Array(orderDirections.prefix(maximumColumns))))
                for first in leading where !orderColumns.contains(first) {
                    sets.append(([first] + orderColumns.prefix(maximumColumns - 1), [false] + orderDirections.prefix(maximumColumns - 1)))
                }
                let equalities = uses.equality.filter { !orderColumns.contains($0) }
                if equalities.count >= 2 {
                    let prefix = Array(equalities.prefix(2))
                    sets.append((prefix + orderColumns.prefix(maximumColumns - 2), [false, false] + orderDirections.prefix(maximumColumns - 2)))
                }
            }
            var seen: Set<IndexCandidate> = []
            for set in sets {
                let candidate = IndexCandidate(schema: table.schema, table: table.name, columns: set.columns, descending: set.descending)
                guard seen.insert(candidate.normalized).inserted else { continue }
                if let index = covering(candidate, table) {
                    output.notes.append(WhyNot(
                        reason: .alreadyIndexed, table: "\(table.schema).\(table.name)", columns: candidate.columns,
                        message: "\(candidate.label) is already served by the existing index \(index.name)."))
                    continue
                }
                output.btree.append(candidate)
            }
            gin(uses, table, catalog, &output)
        }
        if output.btree.isEmpty, output.gin.isEmpty, !shape.wrappedColumns.isEmpty {
            output.notes.append(WhyNot(
                reason: .notIndexable, table: nil, columns: shape.wrappedColumns,
                message: "The predicates on \(shape.wrappedColumns.joined(separator: ", ")) wrap the column in a function, cast or expression, so an index on the plain column cannot serve them."))
        }
        return output
    }

    // MARK: - GIN

    private func gin(_ uses: IndexShape.TableUses, _ table: SchemaCatalog.Table, _ catalog: SchemaCatalog, _ output: inout Output) {
        let key = "\(table.schema).\(table.name)"
        for use in uses.operators {
            let type = table.columns.first { $0.name == use.column }?.type ?? ""
            var candidate: IndexCandidate?
            switch use.op {
            case "~~", "~~*":
                guard ["text", "character varying", "character", "varchar"].contains(where: { type.hasPrefix($0) }),
                      let pattern = use.constant, pattern.hasPrefix("%") || pattern.hasPrefix("_") || use.op == "~~*" else { continue }
                guard Self.longestLiteralRun(pattern) >= 3 else {
                    output.notes.append(WhyNot(
                        reason: .notIndexable, table: key, columns: [use.column],
                        message: "The pattern \(Identifier.literal(pattern)) has no run of 3 plain characters, so a trigram index cannot narrow it down."))
                    continue
                }
                guard catalog.extensions.contains("pg_trgm") else {
                    output.notes.append(WhyNot(
                        reason: .needsExtension, table: key, columns: [use.column],
                        message: "A trigram GIN index (gin_trgm_ops) would serve \(use.op == "~~" ? "LIKE" : "ILIKE") \(Identifier.literal(pattern)) on \(use.column), but it needs the pg_trgm extension (CREATE EXTENSION pg_trgm)."))
                    continue
                }
                candidate = IndexCandidate(schema: table.schema, table: table.name, columns: [use.column], method: "gin", opclass: "gin_trgm_ops")
            case "@>", "<@", "?", "?|", "?&", "&&":
                if type == "jsonb", ["@>", "?", "?|", "?&"].contains(use.op) {
                    candidate = IndexCandidate(schema: table.schema, table: table.name, columns: [use.column], method: "gin")
                } else if type.hasSuffix("[]"), ["&&", "@>", "<@"].contains(use.op) {
                    candidate = IndexCandidate(schema: table.schema, table: table.name, columns: [use.column], method: "gin")
                }
            default:
                break
            }
            guard let candidate else { continue }
            if let existing = table.indexes.first(where: { $0.method == "gin" && !$0.isPartial && $0.columns == [use.column]
                && (candidate.opclass == nil ? !$0.definition.contains("_ops") || $0.definition.contains("jsonb_ops") : $0.definition.contains(candidate.opclass!)) }) {
                output.notes.append(WhyNot(reason: .alreadyIndexed, table: key, columns: [use.column],
                                           message: "\(candidate.label) is already served by the existing index \(existing.name)."))
                continue
            }
            if !output.gin.contains(candidate) { output.gin.append(candidate) }
        }
    }

    /// The longest run of characters in a LIKE pattern that are not wildcards.
    static func longestLiteralRun(_ pattern: String) -> Int {
        var best = 0, run = 0, escaped = false
        for character in pattern {
            if escaped { run += 1; escaped = false } else if character == "\\" { escaped = true } else if character == "%" || character == "_" { run = 0 } else { run += 1 }
            best = max(best, run)
        }
        return best
    }

    // MARK: - Helpers

    /// An existing usable (non-partial, B-tree) index whose leading columns are these columns.
    private func covering(_ candidate: IndexCandidate, _ table: SchemaCatalog.Table) -> SchemaCatalog.Index? {
        table.indexes.first { index in
            index.method == "btree" && !index.isPartial && index.columns.count >= candidate.columns.count
                && Array(index.columns.prefix(candidate.columns.count)) == candidate.columns.map(Optional.some)
        }
    }

    private func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen: Set<T> = []
        return values.filter { seen.insert($0).inserted }
    }
}
