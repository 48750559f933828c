import Foundation

/// A parsed SQL script: the JSON parse tree returned by libpg_query plus helpers to walk it.
public struct ParseTree: Sendable, Equatable {
    /// The whole document (`{"version": …, "stmts": […]}`).
    public let root: JSONValue

    /// Creates a tree from a decoded document.
    public init(root: JSONValue) {
        self.root = root
    }

    // MARK: - Statements

    /// One top-level statement: its node name (e.g. `SelectStmt`) and its body.
    public struct StatementNode: Sendable, Equatable {
        /// The node type, e.g. `SelectStmt`, `InsertStmt`, `CreateStmt`.
        public let nodeType: String
        /// The node's fields.
        public let body: JSONValue

        /// A short snake_case kind such as `select`, `insert`, `with`, `create_table`.
        public var kind: String { StatementKind.name(nodeType: nodeType, body: body) }
    }

    /// The top-level statements, in order.
    public var statements: [StatementNode] {
        root["stmts"]?.arrayValue.compactMap { entry in
            guard let node = entry["stmt"]?.members.first else { return nil }
            return StatementNode(nodeType: node.key, body: node.value)
        } ?? []
    }

    /// The kind of the first statement (`select`, `insert`, …), or `nil` for an empty script.
    public var statementKind: String? { statements.first?.kind }

    // MARK: - Relations

    /// A table (or view) reference found in the tree.
    public struct RangeVar: Sendable, Hashable {
        /// Schema name when qualified.
        public let schema: String?
        /// Relation name.
        public let name: String

        /// `schema.name` or `name`.
        public var qualifiedName: String { schema.map { "\($0).\(name)" } ?? name }
    }

    /// Every `RangeVar` in the tree, in no particular order, including CTE references. Fields typed
    /// `RangeVar` (such as `DeleteStmt.relation`) are printed without the node wrapper, so any object
    /// with a `relname` counts.
    public var rangeVars: [RangeVar] {
        root.objects(containing: "relname").compactMap { node in
            guard let name = node["relname"]?.stringValue else { return nil }
            return RangeVar(schema: node["schemaname"]?.stringValue, name: name)
        }
    }

    /// Names of the common table expressions defined anywhere in the tree.
    public var cteNames: Set<String> {
        Set(root.nodes(named: "CommonTableExpr").compactMap { $0["ctename"]?.stringValue })
    }

    /// The sorted, de-duplicated real tables referenced (CTE names excluded).
    /// A locking clause's `FOR UPDATE OF p` names an alias, which is no table either.
    public var tables: [String] {
        let ctes = cteNames
        let relations = root.objects(containing: "relname")
        let aliases = Set(relations.compactMap { node -> String? in
            guard let alias = node["alias"]?["aliasname"]?.stringValue, alias != node["relname"]?.stringValue else {
                return nil
            }
            return alias
        })
        let names = relations.compactMap { node -> String? in
            guard let name = node["relname"]?.stringValue else { return nil }
            let relation = RangeVar(schema: node["schemaname"]?.stringValue, name: name)
            return relation.schema != nil || !ctes.contains(name) && !aliases.contains(name) ? relation.qualifiedName : nil
        }
        return Array(Set(names)).sorted()
    }

    // MARK: - Functions

    /// The names of every function called (`FuncCall` nodes), qualified with a dot when needed.
    public var functionCalls: [String] {
        root.nodes(named: "FuncCall").map { call in
            call["funcname"]?.arrayValue.compactMap(Self.stringNodeValue).joined(separator: ".") ?? ""
        }
    }

    /// Reads a `String` node (`{"String": {"sval": …}}`, or `str` on older grammars).
    package static func stringNodeValue(_ node: JSONValue) -> String? {
        guard let string = node["String"] else { return nil }
        return string["sval"]?.stringValue ?? string["str"]?.stringValue
    }
}
