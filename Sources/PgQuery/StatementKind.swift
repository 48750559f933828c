import Foundation

/// Maps parse-tree node types to the short statement kinds reported to users.
enum StatementKind {
    private static let explicit: [String: String] = [
        "SelectStmt": "select", "InsertStmt": "insert", "UpdateStmt": "update", "DeleteStmt": "delete",
        "MergeStmt": "merge", "CreateStmt": "create_table", "CreateTableAsStmt": "create_table_as",
        "IndexStmt": "create_index", "ViewStmt": "create_view", "AlterTableStmt": "alter_table",
        "DropStmt": "drop", "TruncateStmt": "truncate", "CreateFunctionStmt": "create_function",
        "CreateSchemaStmt": "create_schema", "CreateSeqStmt": "create_sequence", "CreateExtensionStmt": "create_extension",
        "CreateEnumStmt": "create_type", "CompositeTypeStmt": "create_type", "CreateTrigStmt": "create_trigger",
        "VariableSetStmt": "set", "VariableShowStmt": "show", "TransactionStmt": "transaction",
        "CopyStmt": "copy", "ExplainStmt": "explain", "GrantStmt": "grant", "GrantRoleStmt": "grant",
        "CommentStmt": "comment", "RenameStmt": "alter", "DoStmt": "do", "CallStmt": "call",
        "VacuumStmt": "vacuum", "LockStmt": "lock", "RefreshMatViewStmt": "refresh_materialized_view",
        "PrepareStmt": "prepare", "ExecuteStmt": "execute", "CreatePolicyStmt": "create_policy",
        "AlterEnumStmt": "alter_type", "CreateRoleStmt": "create_role", "AlterSeqStmt": "alter_sequence",
    ]

    /// The kind for a statement node: `with` for a SELECT carrying a WITH clause.
    static func name(nodeType: String, body: JSONValue) -> String {
        name(nodeType: nodeType, hasWithClause: body["withClause"] != nil, objtype: body["objtype"]?.stringValue)
    }

    /// The kind from the facts it depends on: the node type, whether the node has a WITH clause,
    /// and its `objtype` field.
    static func name(nodeType: String, hasWithClause: Bool, objtype: String?) -> String {
        // The everyday kinds first: comparing short strings is cheaper than hashing one.
        switch nodeType {
        case "SelectStmt": return hasWithClause ? "with" : "select"
        case "InsertStmt": return "insert"
        case "UpdateStmt": return "update"
        case "DeleteStmt": return "delete"
        case "CreateTableAsStmt" where objtype == "OBJECT_MATVIEW": return "create_materialized_view"
        default: break
        }
        if let known = explicit[nodeType] { return known }
        return snakeCase(nodeType.hasSuffix("Stmt") ? String(nodeType.dropLast(4)) : nodeType)
    }

    private static func snakeCase(_ name: String) -> String {
        var output = ""
        for character in name {
            if character.isUppercase, !output.isEmpty { output.append("_") }
            output.append(contentsOf: character.lowercased())
        }
        return output
    }
}
