import Foundation
import PgQuery

/// Parse-tree questions several rules ask.
enum RuleHelpers {
    /// `alias.column` text of a ColumnRef.
    static func columnText(_ node: JSONValue) -> String? {
        node.columnRefFields?.joined(separator: ".")
    }

    /// Every ColumnRef's text inside `node`.
    static func columns(in node: JSONValue) -> [String] {
        var found: [String] = []
        node.walk { key, value in
            if key == "ColumnRef", let text = columnText(.object([JSONMember(key, value)])) { found.append(text) }
        }
        return found
    }

    /// Every `A_Expr` body inside `node` (`node` included).
    static func expressions(in node: JSONValue) -> [JSONValue] {
        var found: [JSONValue] = []
        node.walk { key, value in if key == "A_Expr" { found.append(value) } }
        return found
    }

    /// Comparison operators an index can serve.
    static let comparisons: Set<String> = ["=", "<", ">", "<=", ">=", "<>", "!="]

    /// Whether `node` is an integer constant equal to one of `values`.
    static func isInteger(_ node: JSONValue, in values: Set<Int>) -> Bool {
        guard let constant = node.node("A_Const"), let text = constant.constantText, let value = Int(text) else { return false }
        return values.contains(value)
    }

    /// Whether `node` calls `count`.
    static func isCount(_ node: JSONValue) -> Bool {
        if let select = node.node("SubLink")?["subselect"]?.node("SelectStmt"),
           let targets = select["targetList"]?.arrayValue, targets.count == 1,
           let value = targets[0].node("ResTarget")?["val"] {
            return isCount(value)
        }
        return node.node("FuncCall")?.functionName.map { $0 == "count" || $0 == "pg_catalog.count" } ?? false
    }

    /// The table of a column text (`o.id` → the table aliased `o`), using the shape's tables.
    static func table(for column: String, context: RuleContext) -> TableRef? {
        let parts = column.split(separator: ".").map(String.init)
        if parts.count == 1 { return context.shape.tables.count == 1 ? context.shape.tables[0] : nil }
        let qualifier = parts[parts.count - 2]
        return context.shape.tables.first { $0.alias == qualifier }
            ?? context.shape.tables.first { $0.alias == nil && $0.name == qualifier }
    }
}
