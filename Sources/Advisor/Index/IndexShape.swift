import Foundation
import PgQuery

/// The index-relevant facts of one statement with every column resolved to the real table that
/// stores it: views (their definitions are parsed), subqueries in FROM and CTEs are followed down
/// to base tables, `ORDER BY 1` and `ORDER BY alias` resolve through the select list, and
/// correlated references count as parameters of the inner query.
public struct IndexShape: Sendable {
    /// One key of an ORDER BY.
    public struct SortKey: Sendable, Hashable {
        public var column: String
        public var descending: Bool
    }

    /// An operator that only a non-B-tree index serves (`LIKE '%x%'`, jsonb `@>`, array `&&`).
    public struct OperatorUse: Sendable, Hashable {
        public var column: String
        /// `~~` (LIKE), `~~*` (ILIKE), `@>`, `<@`, `?`, `?|`, `?&`, `&&`.
        public var op: String
        /// The constant on the other side, when it is a string literal.
        public var constant: String?
    }

    /// How the query uses one real table's columns, in order of appearance.
    public struct TableUses: Sendable {
        public var equality: [String] = []
        public var join: [String] = []
        public var range: [String] = []
        public var isNull: [String] = []
        /// ORDER BY keys that all belong to this table (a prefix when later keys do not).
        public var orderings: [[SortKey]] = []
        public var operators: [OperatorUse] = []

        mutating func add(_ column: String, to list: WritableKeyPath<TableUses, [String]>) {
            if !self[keyPath: list].contains(column) { self[keyPath: list].append(column) }
        }
    }

    /// Uses per real table, keyed `schema.name`.
    public private(set) var tables: [String: TableUses] = [:]
    /// Real tables in order of first appearance.
    public private(set) var tableOrder: [String] = []
    /// Columns seen under a function call or cast in a predicate (an index on the plain column
    /// cannot serve them).
    public private(set) var wrappedColumns: [String] = []

    /// Reads `tree` with `catalog` (which must hold the query's tables and, for views, their
    /// base tables).
    public init(tree: ParseTree, catalog: SchemaCatalog) {
        var builder = Builder(catalog: catalog)
        for statement in tree.statements {
            builder.statement(statement.nodeType, statement.body)
        }
        tables = builder.tables
        tableOrder = builder.order
        wrappedColumns = builder.wrapped
    }
}

// MARK: - Scopes

/// One FROM scope: its sources and the scope it is nested in (for correlated references).
private final class Scope {
    let parent: Scope?
    var sources: [Source] = []

    init(parent: Scope?) {
        self.parent = parent
    }
}

/// A FROM item: a real table, or a derived relation (subquery, CTE, view) with its output columns.
private struct Source {
    var name: String
    var schema: String?
    var alias: String?
    var table: SchemaCatalog.Table?
    var derived: Derived?

    struct Derived {
        var columns: [String: JSONValue]
        var star: Bool
        var scope: Scope
    }

    func matches(qualifier: String, schema qualifierSchema: String?) -> Bool {
        if let alias { return alias == qualifier && qualifierSchema == nil }
        return name == qualifier && (qualifierSchema == nil || qualifierSchema == schema || qualifierSchema == table?.schema)
    }
}

private struct Builder {
    let catalog: SchemaCatalog
    var tables: [String: IndexShape.TableUses] = [:]
    var order: [String] = []
    var wrapped: [String] = []
    var depth = 0

    init(catalog: SchemaCatalog) {
        self.catalog = catalog
    }

    mutating func statement(_ type: String, _ body: JSONValue) {
        switch type {
        case "SelectStmt":
            _ = select(body, parent: nil, ctes: [:])
        case "UpdateStmt", "DeleteStmt":
            let ctes = collectCTEs(body, [:])
            let scope = Scope(parent: nil)
            var quals: [JSONValue] = []
            if let relation = body["relation"] { addSource(.object([JSONMember("RangeVar", relation)]), scope, ctes, &quals) }
            for item in (body["fromClause"]?.arrayValue ?? []) + (body["usingClause"]?.arrayValue ?? []) {
                addSource(item, scope, ctes, &quals)
            }
            if let whereClause = body["whereClause"] { quals.append(whereClause) }
            for qual in quals { predicate(qual, scope, ctes) }
        case "InsertStmt":
            if let query = body["selectStmt"]?.node("SelectStmt") { _ = select(query, parent: nil, ctes: collectCTEs(body, [:])) }
        default:
            break
        }
    }

    // MARK: SELECT

    /// Walks one SELECT (and its set-operation branches); returns its scope and output columns.
    mutating func select(_ body: JSONValue, parent: Scope?, ctes: [String: JSONValue]) -> (Scope, [String: JSONValue], Bool) {
        depth += 1
        defer { depth -= 1 }
        let ctes = collectCTEs(body, ctes)
        if let left = body["larg"], let right = body["rarg"] {
            let result = select(left, parent: parent, ctes: ctes)
            _ = select(right, parent: parent, ctes: ctes)
            return result
        }
        let scope = Scope(parent: parent)
        guard depth < 12 else { return (scope, [:], false) }
        var quals: [JSONValue] = []
        for item in body["fromClause"]?.arrayValue ?? [] { addSource(item, scope, ctes, &quals) }
        if let whereClause = body["whereClause"] { quals.append(whereClause) }
        for qual in quals { predicate(qual, scope, ctes) }
        for clause in ["targetList", "havingClause"] {
            if let value = body[clause] { sublinks(in: value, scope, ctes) }
        }
        let targets = body["targetList"]?.arrayValue.compactMap { $0.node("ResTarget") } ?? []
        ordering(body["sortClause"]?.arrayValue ?? [], targets: targets, scope)
        var columns: [String: JSONValue] = [:]
        var star = false
        for target in targets {
            guard let value = target["val"] else { continue }
            if let name = target["name"]?.stringValue {
                columns[name] = value
            } else if let fields = value.columnRefFields, let last = fields.last {
                if last == "*" { star = true } else { columns[last] = value }
            }
        }
        return (scope, columns, star)
    }

    func collectCTEs(_ body: JSONValue, _ outer: [String: JSONValue]) -> [String: JSONValue] {
        var ctes = outer
        for cte in body["withClause"]?["ctes"]?.arrayValue ?? [] {
            guard let cte = cte.node("CommonTableExpr"), let name = cte["ctename"]?.stringValue,
                  let query = cte["ctequery"]?.node("SelectStmt") else { continue }
            ctes[name] = query
        }
        return ctes
    }

    mutating func addSource(_ item: JSONValue, _ scope: Scope, _ ctes: [String: JSONValue], _ quals: inout [JSONValue]) {
        guard let (type, body) = item.node else { return }
        switch type {
        case "RangeVar":
            guard let name = body["relname"]?.stringValue else { return }
            let schema = body["schemaname"]?.stringValue
            let alias = body["alias"]?["aliasname"]?.stringValue
            if schema == nil, let query = ctes[name] {
                var inner = ctes
                inner[name] = nil
                let (innerScope, columns, star) = select(query, parent: nil, ctes: inner)
                scope.sources.append(Source(name: name, alias: alias, derived: .init(columns: columns, star: star, scope: innerScope)))
                return
            }
            let reference = TableRef(schema: schema, name: name, alias: alias)
            guard let table = catalog.table(reference) else {
                scope.sources.append(Source(name: name, schema: schema, alias: alias))
                return
            }
            if table.kind == "v", let definition = table.viewDefinition,
               let tree = try? PgQuery.parse(definition), let query = tree.statements.first, query.nodeType == "SelectStmt" {
                var (innerScope, columns, star) = select(query.body, parent: nil, ctes: [:])
                // A view declared with column names renames its query's outputs in order.
                let outputs = query.body["targetList"]?.arrayValue.compactMap { $0.node("ResTarget")?["val"] } ?? []
                if !table.columns.isEmpty, outputs.count == table.columns.count, !outputs.contains(where: { $0.columnRefFields?.last == "*" }) {
                    columns = Dictionary(zip(table.columns.map(\.name), outputs), uniquingKeysWith: { first, _ in first })
                    star = false
                }
                scope.sources.append(Source(name: name, schema: schema, alias: alias,
                                            derived: .init(columns: columns, star: star, scope: innerScope)))
                return
            }
            scope.sources.append(Source(name: name, schema: schema, alias: alias, table: table))
            note(table)
        case "RangeSubselect":
            guard let query = body["subquery"]?.node("SelectStmt") else { return }
            let lateral = body["lateral"] == .bool(true)
            let (innerScope, columns, star) = select(query, parent: lateral ? scope : nil, ctes: ctes)
            let alias = body["alias"]?["aliasname"]?.stringValue
            scope.sources.append(Source(name: alias ?? "", alias: alias, derived: .init(columns: columns, star: star, scope: innerScope)))
        case "JoinExpr":
            if let left = body["larg"] { addSource(left, scope, ctes, &quals) }
            if let right = body["rarg"] { addSource(right, scope, ctes, &quals) }
            if let condition = body["quals"] { quals.append(condition) }
        default:
            break
        }
    }

    mutating func note(_ table: SchemaCatalog.Table) {
        let key = "\(table.schema).\(table.name)"
        if tables[key] == nil {
            tables[key] = IndexShape.TableUses()
            order.append(key)
        }
    }

    // MARK: Predicates

    mutating func predicate(_ expression: JSONValue, _ scope: Scope, _ ctes: [String: JSONValue]) {
        guard let (type, body) = expression.node else { return }
        switch type {
        case "BoolExpr":
            if body["boolop"]?.stringValue == "NOT_EXPR" { return }
            for argument in body["args"]?.arrayValue ?? [] { predicate(argument, scope, ctes) }
        case "A_Expr":
            comparison(body, scope, ctes)
        case "SubLink":
            if let test = body["testexpr"], let column = local(test, scope) { add(column, \.equality) }
            if let query = body["subselect"]?.node("SelectStmt") { _ = select(query, parent: scope, ctes: ctes) }
        case "NullTest":
            if body["nulltesttype"]?.stringValue == "IS_NULL", let argument = body["arg"], let column = local(argument, scope) {
                add(column, \.isNull)
            }
        default:
            sublinks(in: expression, scope, ctes)
        }
    }

    mutating func comparison(_ body: JSONValue, _ scope: Scope, _ ctes: [String: JSONValue]) {
        let kind = body["kind"]?.stringValue ?? ""
        let left = body["lexpr"] ?? .null
        let right = body["rexpr"] ?? .null
        sublinks(in: left, scope, ctes)
        sublinks(in: right, scope, ctes)
        switch kind {
        case "AEXPR_OP", "AEXPR_LIKE", "AEXPR_ILIKE":
            guard let op = body.operatorName else { return }
            let leftColumn = local(left, scope), rightColumn = local(right, scope)
            let leftFree = !refersTo(scope, left), rightFree = !refersTo(scope, right)
            switch op {
            case "=", "<", ">", "<=", ">=":
                let role: WritableKeyPath<IndexShape.TableUses, [String]> = op == "=" ? \.equality : \.range
                if let leftColumn, let rightColumn {
                    if op == "=", leftColumn.table != rightColumn.table {
                        add(leftColumn, \.join)
                        add(rightColumn, \.join)
                    }
                } else if let leftColumn, rightFree {
                    add(leftColumn, role)
                } else if let rightColumn, leftFree {
                    add(rightColumn, role)
                } else {
                    wrappedUse(left, scope)
                    wrappedUse(right, scope)
                }
            case "~~", "~~*", "@>", "<@", "?", "?|", "?&", "&&":
                if let leftColumn, rightFree {
                    addOperator(leftColumn, op, right.node("A_Const")?.constantText ?? Self.castConstant(right))
                }
            default:
                break
            }
        case "AEXPR_IN", "AEXPR_OP_ANY":
            if let column = local(left, scope), !refersTo(scope, right) { add(column, \.equality) }
        case "AEXPR_BETWEEN", "AEXPR_BETWEEN_SYM":
            if let column = local(left, scope), !refersTo(scope, right) { add(column, \.range) } else { wrappedUse(left, scope) }
        default:
            break
        }
    }

    /// The string constant under a cast (`'{"a":1}'::jsonb`).
    static func castConstant(_ value: JSONValue) -> String? {
        value.node("TypeCast")?["arg"]?.node("A_Const")?.constantText
    }

    /// Follows SubLinks in an expression (without entering their subqueries' own SubLinks twice).
    mutating func sublinks(in value: JSONValue, _ scope: Scope, _ ctes: [String: JSONValue]) {
        switch value {
        case .object(let members):
            for member in members {
                if member.key == "SubLink" {
                    if let query = member.value["subselect"]?.node("SelectStmt") { _ = select(query, parent: scope, ctes: ctes) }
                } else {
                    sublinks(in: member.value, scope, ctes)
                }
            }
        case .array(let elements):
            for element in elements { sublinks(in: element, scope, ctes) }
        default:
            break
        }
    }

    mutating func wrappedUse(_ value: JSONValue, _ scope: Scope) {
        guard value.columnRefFields == nil else { return }
        value.walk { key, node in
            if key == "ColumnRef", let column = self.local(.object([JSONMember("ColumnRef", node)]), scope) {
                if !self.wrapped.contains(column.column) { self.wrapped.append(column.column) }
            }
        }
    }

    // MARK: ORDER BY

    mutating func ordering(_ sorts: [JSONValue], targets: [JSONValue], _ scope: Scope) {
        var keys: [IndexShape.SortKey] = []
        var table: String?
        for sort in sorts {
            guard let sortBy = sort.node("SortBy"), var expression = sortBy["node"] else { break }
            if let position = expression.node("A_Const")?["ival"]?["ival"]?.intValue ?? (expression.node("A_Const")?["ival"] != nil ? 0 : nil) {
                guard position >= 1, position <= targets.count, let value = targets[position - 1]["val"] else { break }
                expression = value
            } else if let fields = expression.columnRefFields, fields.count == 1,
                      let target = targets.first(where: { $0["name"]?.stringValue == fields[0] }), let value = target["val"] {
                expression = value
            }
            guard let column = local(expression, scope), table == nil || table == column.table else { break }
            table = column.table
            keys.append(IndexShape.SortKey(column: column.column, descending: sortBy["sortby_dir"]?.stringValue == "SORTBY_DESC"))
        }
        guard let table, !keys.isEmpty else { return }
        if tables[table]?.orderings.contains(keys) == false { tables[table]?.orderings.append(keys) }
    }

    // MARK: Resolution

    struct Column: Equatable {
        var table: String
        var column: String
    }

    mutating func add(_ column: Column, _ list: WritableKeyPath<IndexShape.TableUses, [String]>) {
        tables[column.table]?.add(column.column, to: list)
    }

    mutating func addOperator(_ column: Column, _ op: String, _ constant: String?) {
        let use = IndexShape.OperatorUse(column: column.column, op: op, constant: constant)
        if tables[column.table]?.operators.contains(use) == false { tables[column.table]?.operators.append(use) }
    }

    /// The real column behind a plain column reference of this scope (not of an outer one).
    func local(_ expression: JSONValue, _ scope: Scope, hops: Int = 0) -> Column? {
        guard hops < 12, let fields = expression.columnRefFields, let column = fields.last, column != "*" else { return nil }
        let qualifier = fields.dropLast()
        if let name = qualifier.last {
            let schema = qualifier.count >= 2 ? qualifier[qualifier.count - 2] : nil
            guard let source = scope.sources.first(where: { $0.matches(qualifier: name, schema: schema) }) else { return nil }
            return resolve(column, in: source, hops: hops)
        }
        let owners = scope.sources.filter { has(column, $0, hops: hops) }
        guard owners.count == 1 else { return nil }
        return resolve(column, in: owners[0], hops: hops)
    }

    func has(_ column: String, _ source: Source, hops: Int) -> Bool {
        if let table = source.table { return table.columnNames.contains(column) }
        guard let derived = source.derived else { return false }
        if derived.columns[column] != nil { return true }
        return derived.star && derived.scope.sources.contains { has(column, $0, hops: hops + 1) }
    }

    func resolve(_ column: String, in source: Source, hops: Int) -> Column? {
        if let table = source.table {
            guard ["r", "p", "m"].contains(table.kind), table.columnNames.contains(column) else { return nil }
            return Column(table: "\(table.schema).\(table.name)", column: column)
        }
        guard let derived = source.derived else { return nil }
        if let expression = derived.columns[column] { return local(expression, derived.scope, hops: hops + 1) }
        guard derived.star else { return nil }
        return local(.object([JSONMember("ColumnRef", .object([JSONMember("fields", .array([
            .object([JSONMember("String", .object([JSONMember("sval", .string(column))]))])]))]))]), derived.scope, hops: hops + 1)
    }

    /// Whether an expression reads a column of this scope (a correlated outer column does not count).
    func refersTo(_ scope: Scope, _ expression: JSONValue) -> Bool {
        var found = false
        func visit(_ value: JSONValue) {
            guard !found else { return }
            switch value {
            case .object(let members):
                for member in members {
                    if member.key == "SubLink" { continue }
                    if member.key == "ColumnRef" {
                        let reference = JSONValue.object([member])
                        if let fields = reference.columnRefFields {
                            if fields.count >= 2, let name = fields.dropLast().last {
                                if scope.sources.contains(where: { $0.matches(qualifier: name, schema: nil) }) { found = true }
                            } else if scope.sources.contains(where: { has(fields.last ?? "", $0, hops: 0) }) || scope.parent == nil {
                                found = true
                            }
                        }
                        continue
                    }
                    visit(member.value)
                }
            case .array(let elements):
                elements.forEach(visit)
            default:
                break
            }
        }
        visit(expression)
        return found
    }
}
