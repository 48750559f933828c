import CustomerDatabase
import Foundation

/// Turns the columns a query filters, joins and sorts on into index candidates, dexter-style:
/// one per column, then multi-column ones with equality (and join) columns first and one range
/// or ORDER BY column last. Columns on views map to their base tables; candidates an existing
/// index already covers (same leading columns) are dropped.
public struct CandidateGenerator: Sendable {
    /// At most this many key columns per candidate.
    public var maximumColumns = 3

    public init() {}

    public func candidates(shape: QueryShape, catalog: SchemaCatalog) -> [IndexCandidate] {
        var perTable: [String: (table: SchemaCatalog.Table, uses: [(String, ColumnRole)])] = [:]
        for use in shape.uses {
            guard let (table, column) = physicalColumn(use, shape: shape, catalog: catalog) else { continue }
            let key = "\(table.schema).\(table.name)"
            var entry = perTable[key] ?? (table, [])
            if !entry.uses.contains(where: { $0.0 == column && $0.1 == use.role }) { entry.uses.append((column, use.role)) }
            perTable[key] = entry
        }
        var result: [IndexCandidate] = []
        for key in perTable.keys.sorted() {
            guard let (table, uses) = perTable[key] else { continue }
            let leading = unique(uses.filter { $0.1 == .equality || $0.1 == .join }.map(\.0))
            let trailing = unique(uses.filter { $0.1 == .range || $0.1 == .order }.map(\.0)).filter { !leading.contains($0) }
            var sets: [[String]] = unique(uses.map(\.0)).map { [$0] }
            if leading.count > 1 { sets.append(Array(leading.prefix(maximumColumns))) }
            for first in leading {
                for last in trailing { sets.append([first, last]) }
            }
            if leading.count >= 2 {
                let pair = Array(leading.prefix(2))
                for last in trailing { sets.append(pair + [last]) }
            }
            for columns in unique(sets) where !covered(columns, by: table) {
                result.append(IndexCandidate(schema: table.schema, table: table.name, columns: columns))
            }
        }
        return result
    }

    /// The physical table and column behind a use: views resolve to base tables, unqualified
    /// columns to the single table of the query that has them.
    private func physicalColumn(_ use: ColumnUse, shape: QueryShape, catalog: SchemaCatalog) -> (SchemaCatalog.Table, String)? {
        let table: SchemaCatalog.Table?
        if let reference = use.table {
            table = catalog.table(reference)
        } else {
            let owners = shape.tables.compactMap { catalog.table($0) }.filter { $0.columnNames.contains(use.column) }
            table = Set(owners.map(\.oid)).count == 1 ? owners.first : nil
        }
        guard let table else { return nil }
        if table.kind == "v" {
            guard let base = table.viewColumns[use.column], let baseTable = catalog.table(schema: base.schema, name: base.name),
                  baseTable.kind == "r" || baseTable.kind == "p" || baseTable.kind == "m" else { return nil }
            return (baseTable, use.column)
        }
        guard ["r", "p", "m"].contains(table.kind), table.columnNames.contains(use.column) else { return nil }
        return (table, use.column)
    }

    /// Whether a usable (non-partial, B-tree) index starts with exactly these columns.
    private func covered(_ columns: [String], by table: SchemaCatalog.Table) -> Bool {
        table.indexes.contains { index in
            index.method == "btree" && !index.isPartial && index.columns.count >= columns.count
                && Array(index.columns.prefix(columns.count)) == columns.map(Optional.some)
        }
    }

    private func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen: Set<T> = []
        return values.filter { seen.insert($0).inserted }
    }
}
