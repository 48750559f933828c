import CustomerDatabase
import Foundation
import PgQuery

/// What a rule may look at: the parse tree, its index-relevant shape and, when the project has a
/// database, the catalog of the tables the query reads.
public struct RuleContext: Sendable {
    public let tree: ParseTree
    public let shape: QueryShape
    public let catalog: SchemaCatalog?
    /// The query text the tree was parsed from.
    public let sql: String

    public init(tree: ParseTree, shape: QueryShape, catalog: SchemaCatalog?, sql: String) {
        self.tree = tree
        self.shape = shape
        self.catalog = catalog
        self.sql = sql
    }

    /// Every `SelectStmt` body in the tree.
    var selects: [JSONValue] { tree.root.nodes(named: "SelectStmt") }

    /// Every WHERE clause, JOIN condition and HAVING clause in the tree.
    var predicates: [JSONValue] {
        var found: [JSONValue] = []
        tree.root.walk { key, value in
            if key == "whereClause" || key == "havingClause" { found.append(value) }
            if key == "JoinExpr", let quals = value["quals"] { found.append(quals) }
        }
        return found
    }
}

/// A static check on a query: an id, how serious a hit is, what it means and how to fix it.
public struct Rule: Sendable {
    public let id: String
    public let severity: Severity
    public let message: String
    public let fix: String
    /// Returns one detail per hit (e.g. the column involved); empty when the rule does not apply.
    let check: @Sendable (RuleContext) -> [String]
    /// A rewrite proposed for a hit, if the rule has one.
    let rewrite: (@Sendable (RuleContext) -> RuleRewrite?)?

    init(id: String, severity: Severity, message: String, fix: String,
         rewrite: (@Sendable (RuleContext) -> RuleRewrite?)? = nil,
         check: @escaping @Sendable (RuleContext) -> [String]) {
        self.id = id
        self.severity = severity
        self.message = message
        self.fix = fix
        self.rewrite = rewrite
        self.check = check
    }

    /// The rule's findings for `context`.
    public func findings(_ context: RuleContext) -> [Finding] {
        let details = check(context)
        guard !details.isEmpty else { return [] }
        let unique = Array(NSOrderedSet(array: details.filter { !$0.isEmpty })) as? [String] ?? []
        let suffix = unique.isEmpty ? "" : " (\(unique.joined(separator: ", ")))"
        return [Finding(rule: id, severity: severity, message: message + suffix, fix: fix)]
    }
}

/// A rewrite proposed by a rule, before verification.
public struct RuleRewrite: Sendable, Equatable {
    public let sql: String
    public let rationale: String
}
