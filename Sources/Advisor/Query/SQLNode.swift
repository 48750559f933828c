import Foundation
import PgQuery

/// Small readers over libpg_query parse-tree nodes (`{"NodeType": {fields…}}`).
extension JSONValue {
    /// The node's type and body when this is a wrapped node such as `{"ColumnRef": {…}}`.
    var node: (type: String, body: JSONValue)? {
        guard case .object(let members) = self, members.count == 1 else { return nil }
        return (members[0].key, members[0].value)
    }

    /// The body when this is a node of `type`.
    func node(_ type: String) -> JSONValue? {
        guard let node, node.type == type else { return nil }
        return node.body
    }

    /// The names of a `ColumnRef` (`["o", "id"]`), `"*"` for `A_Star`.
    var columnRefFields: [String]? {
        guard let body = node("ColumnRef") else { return nil }
        return body["fields"]?.arrayValue.map { field in
            ParseTree.stringNodeValue(field) ?? (field["A_Star"] != nil ? "*" : "?")
        }
    }

    /// The operator name of an `A_Expr` body (`=`, `<`, `~~` …).
    var operatorName: String? {
        self["name"]?.arrayValue.compactMap(ParseTree.stringNodeValue).last
    }

    /// The dotted name of a `FuncCall` body, lower-cased (`lower`, `pg_catalog.random`).
    var functionName: String? {
        self["funcname"]?.arrayValue.compactMap(ParseTree.stringNodeValue).joined(separator: ".").lowercased()
    }

    /// A constant's text: strings, integers, floats (for `A_Const` bodies).
    var constantText: String? {
        if let text = self["sval"]?["sval"]?.stringValue { return text }
        if let value = self["ival"]?["ival"]?.intValue { return String(value) }
        if self["ival"] != nil, self["isnull"] == nil { return "0" }
        return self["fval"]?["fval"]?.stringValue
    }

    /// Whether the subtree holds any node of `type`.
    func contains(nodeType type: String) -> Bool {
        var found = false
        walk { key, _ in if key == type { found = true } }
        return found
    }
}
