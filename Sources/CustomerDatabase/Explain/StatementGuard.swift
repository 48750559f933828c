import Foundation
import PgQuery

/// Decides whether a customer query may be run with `EXPLAIN ANALYZE`, from libpg_query's parse
/// tree (so comments, quoting and `;` tricks are seen exactly as PostgreSQL sees them).
///
/// Refusals are 422 with one of these codes: `empty_query`, `syntax_error`,
/// `multiple_statements`, `statement_not_allowed` (transaction control, SET/RESET, COPY, DDL,
/// DO/CALL, LISTEN/NOTIFY, VACUUM, LOCK, PREPARE/EXECUTE, EXPLAIN, SELECT INTO, …),
/// `writes_not_allowed` (INSERT/UPDATE/DELETE/MERGE, data-modifying CTEs, without the project's
/// opt-in), `function_not_allowed` (functions whose effects escape a rollback or reach outside the
/// database) and `parameters_not_supported` (`$1`).
public enum StatementGuard {
    /// The longest query accepted, in bytes.
    public static let maximumLength = 100_000

    /// Checks `sql`; `allowWrites` is the project's opt-in for rolled-back writes.
    public static func check(_ sql: String, allowWrites: Bool) throws -> ExplainStatement {
        guard sql.utf8.count <= maximumLength else {
            throw TargetError.refusedQuery("query_too_long", "The query is longer than \(maximumLength) bytes.")
        }
        let tree: ParseTree
        do {
            tree = try PgQuery.parse(sql)
        } catch {
            throw TargetError.refusedQuery("syntax_error", "The query does not parse: \(error.message).")
        }
        let statements = tree.statements
        guard let statement = statements.first else {
            throw TargetError.refusedQuery("empty_query", "The query is empty (or only comments).")
        }
        guard statements.count == 1 else {
            throw TargetError.refusedQuery("multiple_statements",
                                        "Send exactly one statement; this text holds \(statements.count).")
        }
        let access = try access(of: statement)
        try requireWritesAllowed(access, allowWrites: allowWrites)
        if let name = tree.functionCalls.first(where: isForbidden) {
            throw TargetError.refusedQuery("function_not_allowed",
                "The function \(name) is not allowed in an explained query: its effects escape a rolled-back transaction or reach outside the database.")
        }
        if !tree.root.nodes(named: "ParamRef").isEmpty {
            throw TargetError.refusedQuery("parameters_not_supported",
                "EXPLAIN ANALYZE needs real values: replace the $n parameters with literals (the optimizer handles parameters).")
        }
        let fingerprint = (try? PgQuery.fingerprint(sql)) ?? ""
        return ExplainStatement(sql: text(of: sql), kind: statement.kind, access: access, fingerprint: fingerprint)
    }

    /// Refuses a writing statement unless the project opted in to rolled-back writes.
    public static func requireWritesAllowed(_ access: ExplainStatement.Access, allowWrites: Bool) throws {
        if access == .write && !allowWrites {
            throw TargetError.refusedQuery("writes_not_allowed",
                "This statement modifies data. Explaining INSERT, UPDATE and DELETE (always rolled back) must be enabled for the project with allow_writes.")
        }
    }

    // MARK: - Statement kinds

    private static let writeNodes: Set<String> = ["InsertStmt", "UpdateStmt", "DeleteStmt", "MergeStmt"]

    private static func access(of statement: ParseTree.StatementNode) throws -> ExplainStatement.Access {
        switch statement.nodeType {
        case "SelectStmt":
            if statement.body["intoClause"] != nil {
                throw TargetError.refusedQuery("statement_not_allowed", "SELECT INTO creates a table; it is not allowed.")
            }
            let modifies = writeNodes.contains { !statement.body.nodes(named: $0).isEmpty }
            return modifies ? .write : .read
        case let type where writeNodes.contains(type):
            return .write
        default:
            throw TargetError.refusedQuery("statement_not_allowed",
                "Only SELECT, WITH, INSERT, UPDATE and DELETE can be explained; \(refusedClass(statement.nodeType)) is not allowed.")
        }
    }

    /// A human name for a refused statement type.
    static func refusedClass(_ nodeType: String) -> String {
        switch nodeType {
        case "TransactionStmt": "transaction control"
        case "VariableSetStmt", "VariableShowStmt", "AlterSystemStmt": "changing or showing settings"
        case "CopyStmt": "COPY"
        case "DoStmt", "CallStmt": "DO/CALL"
        case "ListenStmt", "NotifyStmt", "UnlistenStmt": "LISTEN/NOTIFY"
        case "VacuumStmt", "ClusterStmt", "ReindexStmt": "maintenance (VACUUM, ANALYZE, CLUSTER, REINDEX)"
        case "LockStmt": "LOCK"
        case "PrepareStmt", "ExecuteStmt", "DeallocateStmt": "PREPARE/EXECUTE"
        case "ExplainStmt": "EXPLAIN inside EXPLAIN"
        case "TruncateStmt": "TRUNCATE"
        case "DeclareCursorStmt", "FetchStmt", "ClosePortalStmt": "cursors"
        case "GrantStmt", "GrantRoleStmt", "CreateRoleStmt", "AlterRoleStmt", "DropRoleStmt": "privilege changes"
        case "CheckPointStmt", "DiscardStmt", "LoadStmt": "session and server commands"
        default: "DDL and other utility statements"
        }
    }

    // MARK: - Functions

    /// Exact names refused wherever they appear.
    private static let forbiddenNames: Set<String> = [
        "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile", "pg_promote",
        "set_config", "nextval", "setval", "pg_notify", "pg_stat_file", "pg_logdir_ls", "pg_switch_wal",
        "pg_current_logfile", "pg_import_system_collations", "pg_log_backend_memory_contexts",
        "pg_truncate_visibility_map", "txid_current", "pg_current_xact_id", "pg_signal_backend",
        "loread", "lowrite", "pg_stat_statements_reset",
        // These run SQL passed to them as text, which the parse tree cannot see.
        "ts_stat", "ts_rewrite", "connectby",
    ]
    /// Name prefixes refused wherever they appear.
    private static let forbiddenPrefixes = [
        "pg_advisory_", "pg_try_advisory_", "dblink", "lo_", "pg_read_", "pg_ls_", "pg_file_",
        "pg_stat_reset", "pg_create_", "pg_drop_replication", "pg_replication_", "pg_logical_", "pg_wal_",
        "pg_backup_", "pg_start_backup", "pg_stop_backup", "query_to_xml", "table_to_xml", "cursor_to_xml",
        "schema_to_xml", "database_to_xml", "pg_export_snapshot", "crosstab",
    ]

    /// Whether a called function (possibly schema-qualified) is refused.
    static func isForbidden(_ qualifiedName: String) -> Bool {
        let name = qualifiedName.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return forbiddenNames.contains(name) || forbiddenPrefixes.contains { name.hasPrefix($0) }
    }

    // MARK: - Text

    /// The statement's own text as the parser delimits it (no trailing `;`, nothing after it).
    private static func text(of sql: String) -> String {
        let statement = (try? PgQuery.split(sql).first?.text) ?? sql
        var text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix(";") { text = String(text.dropLast()).trimmingCharacters(in: .whitespacesAndNewlines) }
        return text
    }
}
