import SourceLexing

/// Names that identify raw-SQL entry points, string formatting, and non-SQL text.
package enum CallNames {
    /// Lower-cased callee names whose string arguments are SQL.
    package static let entryPoints: NameSet = [
        // Python: DB-API, psycopg, asyncpg, SQLAlchemy/SQLModel, Django
        "execute", "executemany", "executescript", "execute_sql", "mogrify", "copy_expert", "text", "raw",
        "fetch", "fetchrow", "fetchval", "fetchone", "fetchall", "fetchset", "fetchcursor", "sql", "literal",
        // Go: database/sql, sqlx, pgx
        "exec", "query", "queryrow", "querycontext", "queryrowcontext", "execcontext", "queryx", "queryrowx",
        "queryxcontext", "queryrowxcontext", "namedexec", "namedquery", "namedexeccontext", "mustexec",
        "select", "get", "selectcontext", "getcontext", "preparex", "preparecontext", "queue",
        // JavaScript/TypeScript: node-postgres, knex, Prisma, Sequelize, TypeORM, pg-promise
        "$queryraw", "$executeraw", "$queryrawunsafe", "$executerawunsafe", "any", "one", "none", "many",
        "oneornone", "manyornone", "unsafe",
        // JVM: JDBC, JdbcTemplate, JdbcClient, JPA native queries
        "preparestatement", "preparecall", "createnativequery", "executequery", "executeupdate", "createsqlquery",
        "queryforobject", "queryforlist", "queryformap", "queryforrowset", "queryforstream", "update",
        "batchupdate", "addbatch", "prepare",
        // Ruby: ActiveRecord
        "find_by_sql", "count_by_sql", "exec_query", "exec_update", "exec_delete", "exec_insert", "select_all",
        "select_one", "select_value", "select_values", "select_rows", "exec_params",
        // PHP: PDO, Laravel, Doctrine DBAL, WordPress $wpdb
        "statement", "unprepared", "insert", "delete", "addsql", "selectone", "executestatement", "fetchallassociative",
        "fetchassociative", "fetchone", "fetchfirstcolumn", "get_var", "get_results", "get_row", "get_col",
        // C#: ADO.NET, Dapper, EF Core
        "sqlcommand", "npgsqlcommand", "querysingle", "querysingleordefault", "queryfirst", "queryfirstordefault",
        "querymultiple", "queryasync", "querysingleasync", "queryfirstasync", "queryfirstordefaultasync",
        "querysingleordefaultasync", "querymultipleasync", "executeasync", "executescalar", "executescalarasync",
        "executereader", "executereaderasync", "executenonquery", "executenonqueryasync", "fromsqlraw",
        "fromsqlinterpolated", "executesqlraw", "executesqlinterpolated", "executesqlrawasync", "sqlquery",
        "sqlqueryraw", "executesql", "executesqlasync", "executesqlinterpolatedasync", "fromsql",
        // Swift: GRDB
        "fetchall", "fetchcursor", "sqlrequest", "makestatement", "cachedstatement",
        // Android SQLiteDatabase, the SQLite C API (Swift, C)
        "execsql", "rawquery", "compilestatement", "sqlite3_exec", "sqlite3_prepare", "sqlite3_prepare_v2",
        "sqlite3_prepare_v3",
    ]

    /// Lower-cased annotations whose string argument is SQL: MyBatis `@Select`/`@Insert`/`@Update`/
    /// `@Delete`, JDBI `@SqlQuery`/`@SqlUpdate`/`@SqlBatch`.
    package static let sqlAnnotations: NameSet = [
        "select", "insert", "update", "delete", "sqlquery", "sqlupdate", "sqlbatch",
    ]

    /// EF Core methods that take a `FormattableString`: the holes of `$"…"` become parameters
    /// (`FromSql`, `SqlQuery`, `ExecuteSql[Async]`, `*Interpolated`); their `*Raw` twins splice text.
    package static let interpolationBinders: NameSet = ["fromsql", "sqlquery", "executesql", "executesqlasync"]

    /// Lower-cased methods that add a piece to a string builder (C# `StringBuilder.Append`, Java's `append`).
    package static let builderAppends: NameSet = ["append", "appendline", "appendformat", "writestring"]

    /// Callees that splice their string argument with run-time values.
    package static let formatters: NameSet = ["sprintf", "format", "formatted", "fprintf", "format_map"]
    /// Lower-cased methods that only re-indent or trim a literal (Kotlin, Java, Python, Ruby, JS).
    package static let textShapers: NameSet = ["trimindent", "trimmargin", "stripindent", "strip", "trim"]

    /// String builders whose constructor takes a statement's first piece.
    package static let builderTypes: NameSet = ["StringBuilder", "StringBuffer", "stringbuilder", "stringbuffer"]

    /// Callees whose string arguments are messages, not SQL.
    package static let nonSQL: NameSet = [
        "log", "debug", "info", "warn", "warning", "error", "fatal", "trace", "critical", "exception",
        "print", "println", "printf", "puts", "echo", "alert", "confirm", "prompt", "t", "_", "gettext",
        "ngettext", "translate", "i18n", "it", "describe", "test", "flash", "notice", "toast", "raise", "panic",
        "errorf", "fatalf", "infof", "debugf", "warnf", "logf", "assert", "message", "label", "title",
        "placeholder", "button", "tooltip", "settext", "showmessage", "createquery", "createtypedquery",
        "tobe", "toequal", "tostrictequal", "fail", "xctfail", "xctskip", "precondition", "preconditionfailure",
    ]

    /// Lower-cased tags of JavaScript template literals whose holes are bound parameters.
    /// postgres.js calls its connection whatever the code names it: a transaction (`tx`), a
    /// reserved connection (`reserved`), the pool (`db`, `pg`).
    package static let sqlTags: NameSet = ["sql", "$queryraw", "$executeraw", "raw", "query", "unsafe", "sqlfragment",
                                           "tx", "trx", "reserved", "db", "pg", "postgres"]

    /// Whether a variable or label name suggests it holds SQL.
    package static func isSQLName(_ lowercasedName: String) -> Bool {
        lowercasedName.withUTF8Bytes { bytes in
            ASCII.contains(bytes, "sql") || ASCII.contains(bytes, "query") || ASCII.contains(bytes, "statement")
                || ASCII.hasSuffix(bytes, "stmt") || ASCII.hasSuffix(bytes, "_q")
                || (bytes.count == 1 && bytes[0] == UInt8(ascii: "q"))
        }
    }

    /// Whether a callee name is a message/exception sink, or a test's assertion (`XCTAssertEqual(sql,
    /// "SELECT …")`, `assertEquals`, `expect(…).toBe("…")`: the SQL a test expects, not SQL it runs).
    package static func isNonSQLSink(_ lowercasedName: String) -> Bool {
        lowercasedName.withUTF8Bytes {
            ASCII.hasSuffix($0, "error") || ASCII.hasSuffix($0, "exception") || ASCII.hasPrefix($0, "assert")
                || ASCII.hasPrefix($0, "xctassert")
        } || nonSQL.contains(lowercasedName)
    }
}
