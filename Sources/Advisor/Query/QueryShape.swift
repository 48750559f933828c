import Foundation
import PgQuery

/// A table (or view) named in a query, with its alias.
public struct TableRef: Sendable, Hashable {
    public var schema: String?
    public var name: String
    public var alias: String?

    /// `schema.name` or `name`, unquoted.
    public var displayName: String { schema.map { "\($0).\(name)" } ?? name }
}

/// How a column is used by a query, which decides where it goes in an index.
public enum ColumnRole: Int, Sendable, Comparable {
    case equality, join, range, order

    public static func < (lhs: ColumnRole, rhs: ColumnRole) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A plain column (no function or cast around it) that an index could serve.
public struct ColumnUse: Sendable, Hashable {
    /// The table when the reference is qualified or the query reads a single table.
    public var table: TableRef?
    public var column: String
    public var role: ColumnRole
}

/// The index-relevant facts of one statement: its tables and the columns its predicates, joins
/// and ORDER BY use.
public struct QueryShape: Sendable {
    public private(set) var tables: [TableRef] = []
    public private(set) var uses: [ColumnUse] = []
    /// Highest `$n` parameter number (0 without parameters).
    public private(set) var parameterCount = 0

    /// Reads the shape of every SELECT (and UPDATE/DELETE WHERE clause) in `tree`.
    public init(tree: ParseTree) {
        let ctes = tree.cteNames
        var maxParameter = 0
        tree.root.walk { key, value in
            if key == "ParamRef", let number = value["number"]?.intValue { maxParameter = max(maxParameter, number) }
        }
        parameterCount = maxParameter
        for statement in tree.statements {
            collect(statement: .object([JSONMember(statement.nodeType, statement.body)]), ctes: ctes)
        }
    }

    // MARK: - Walk

    private mutating func collect(statement root: JSONValue, ctes: Set<String>) {
        var scopes: [JSONValue] = []
        root.walk { key, value in
            if ["SelectStmt", "UpdateStmt", "DeleteStmt"].contains(key) { scopes.append(value) }
        }
        for scope in scopes {
            var scopeTables: [TableRef] = []
            for clause in ["fromClause", "relation", "usingClause"] {
                guard let value = scope[clause] else { continue }
                Self.rangeVars(in: value, ctes: ctes, into: &scopeTables)
            }
            for table in scopeTables where !tables.contains(table) { tables.append(table) }
            let resolver = Resolver(tables: scopeTables)
            if let whereClause = scope["whereClause"] { predicates(whereClause, resolver) }
            scope["fromClause"]?.walk { key, value in
                if key == "JoinExpr", let quals = value["quals"] { predicates(quals, resolver) }
            }
            for sort in scope["sortClause"]?.arrayValue ?? [] {
                if let node = sort.node("SortBy")?["node"], let use = resolver.use(node, role: .order) { add(use) }
            }
        }
    }

    /// RangeVars of a FROM clause, not descending into subqueries (their own scope).
    private static func rangeVars(in value: JSONValue, ctes: Set<String>, into tables: inout [TableRef]) {
        if let name = value["relname"]?.stringValue {
            let schema = value["schemaname"]?.stringValue
            if schema != nil || !ctes.contains(name) {
                tables.append(TableRef(schema: schema, name: name, alias: value["alias"]?["aliasname"]?.stringValue))
            }
            return
        }
        switch value {
        case .array(let elements):
            for element in elements { rangeVars(in: element, ctes: ctes, into: &tables) }
        case .object(let members):
            for member in members where member.key != "RangeSubselect" && member.key != "quals" {
                rangeVars(in: member.value, ctes: ctes, into: &tables)
            }
        default:
            break
        }
    }

    private mutating func add(_ use: ColumnUse) {
        if !uses.contains(use) { uses.append(use) }
    }

    private mutating func predicates(_ expression: JSONValue, _ resolver: Resolver) {
        guard let (type, body) = expression.node else { return }
        switch type {
        case "BoolExpr":
            for argument in body["args"]?.arrayValue ?? [] { predicates(argument, resolver) }
        case "A_Expr":
            comparison(body, resolver)
        case "SubLink":
            if let test = body["testexpr"], let use = resolver.use(test, role: .equality) { add(use) }
        case "NullTest":
            if let argument = body["arg"], let use = resolver.use(argument, role: .equality) { add(use) }
        default:
            break
        }
    }

    private mutating func comparison(_ body: JSONValue, _ resolver: Resolver) {
        let kind = body["kind"]?.stringValue ?? ""
        let left = body["lexpr"] ?? .null
        let right = body["rexpr"] ?? .null
        switch kind {
        case "AEXPR_OP":
            guard let op = body.operatorName else { return }
            let role: ColumnRole
            switch op {
            case "=": role = .equality
            case "<", ">", "<=", ">=": role = .range
            default: return
            }
            let leftUse = resolver.use(left, role: role)
            let rightUse = resolver.use(right, role: role)
            if let leftUse, let rightUse {
                if op == "=", leftUse.table != rightUse.table {
                    add(ColumnUse(table: leftUse.table, column: leftUse.column, role: .join))
                    add(ColumnUse(table: rightUse.table, column: rightUse.column, role: .join))
                }
            } else if let use = leftUse ?? rightUse, !Self.hasColumns(leftUse == nil ? left : right) {
                add(use)
            }
        case "AEXPR_IN":
            if let use = resolver.use(left, role: .equality) { add(use) }
        case "AEXPR_BETWEEN", "AEXPR_BETWEEN_SYM":
            if let use = resolver.use(left, role: .range) { add(use) }
        default:
            break
        }
    }

    private static func hasColumns(_ value: JSONValue) -> Bool {
        value.contains(nodeType: "ColumnRef")
    }

    // MARK: - Resolution

    /// Maps `alias.column` references to the tables of one scope.
    struct Resolver {
        package let tables: [TableRef]

        func use(_ expression: JSONValue, role: ColumnRole) -> ColumnUse? {
            guard let fields = expression.columnRefFields, let column = fields.last, column != "*" else { return nil }
            let qualifier = fields.dropLast()
            if qualifier.isEmpty {
                return ColumnUse(table: tables.count == 1 ? tables[0] : nil, column: column, role: role)
            }
            let name = qualifier.last!
            let schema = qualifier.count >= 2 ? qualifier[qualifier.count - 2] : nil
            let table = tables.first { $0.alias == name } ?? tables.first { table in
                table.alias == nil && table.name == name && (schema == nil || table.schema == schema)
            }
            guard let table else { return nil }
            return ColumnUse(table: table, column: column, role: role)
        }
    }
}
