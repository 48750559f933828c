@testable import Extraction
import SourceLexing
import SQLScripts
import SQLText
import Testing

/// Classes of miss found by a sweep of 44 more real files (stored procedures, SQLite and MySQL DDL,
/// UI labels, test assertions, Spring SpEL, postgres.js helpers, Go builders, Ruby `<<`), one table
/// per class; each source is cut down from the real file it was found in.
@Suite("Sweep classes")
struct SweepClassTests {
    /// A piece of source, and what is reported on each of its lines (`nil`: nothing at all).
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let language: SQLLanguage
        let source: String
        /// Line → kind reported there.
        let expected: [Int: FindingKind]

        var testDescription: String { name }

        /// Scans `source` and expects exactly `expected`, with fragments when `includingFragments`.
        func expectReported(includingFragments: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
            var options = ExtractionOptions()
            options.includeFragments = includingFragments
            let found = CodeScanner(options: options).extract(fromSource: source, path: "snippet", language: language)
            let byLine = Dictionary(found.map { ($0.line, $0.kind) }, uniquingKeysWith: { first, _ in first })
            #expect(byLine == expected, "\(found.map { "\($0.line) \($0.kind) \($0.sql)" })", sourceLocation: sourceLocation)
        }
    }

    static let cases: [Case] = [
        // 1. Stored procedures: T-SQL EXEC/EXECUTE and JDBC call escapes, handed to entry points.
        Case(name: "dapper exec", language: .csharp, source: """
        var errores = await db.QueryAsync<dynamic>("EXEC dbo.sp_LogError_Listar @Top = 50");
        """, expected: [1: .static]),
        Case(name: "ef core execute raw", language: .csharp, source: """
        await Database.ExecuteSqlRawAsync("EXECUTE dbo.usp_DoSomething @p1", p1);
        """, expected: [1: .static]),
        Case(name: "jdbc call escape", language: .java, source: """
        statement = connection.prepareCall("{call findUserByUserName(? )}");
        """, expected: [1: .static]),
        Case(name: "jdbc function escape", language: .java, source: """
        CallableStatement cs = conn.prepareCall("{? = call order_total(?)}");
        """, expected: [1: .static]),
        // 2. SQLite and MySQL table definitions that PostgreSQL's parser rejects.
        Case(name: "android execSQL", language: .kotlin, source: """
        db.execSQL("create table $TABLE_NAME (id INTEGER PRIMARY KEY AUTOINCREMENT,receipient_id LONG,message TEXT)")
        """, expected: [1: .dynamic]),
        Case(name: "sqlite3_exec", language: .swift, source: """
        if sqlite3_exec(db, "create table if not exists test (id integer primary key autoincrement, name text)", nil, nil, nil) != SQLITE_OK {}
        """, expected: [1: .static]),
        Case(name: "mysql alter in an array", language: .typescript, source: """
        const alters = [['Service', 'image', 'ALTER TABLE `Service` MODIFY COLUMN `image` LONGTEXT NOT NULL']];
        """, expected: [1: .static]),
        Case(name: "mysql temporary table in a sql variable", language: .php, source: """
        <?php
        $sql = "CREATE TEMPORARY TABLE " . Common::prefixTable("tmp") . " (
                idaction INTEGER(10) UNSIGNED NOT NULL, PRIMARY KEY (idaction))";
        """, expected: [2: .dynamic]),
        // Python `%(name)s` where no parameter may stand (Django's schema templates) are format holes
        // when the text parses so; where a value stands they stay parameters.
        Case(name: "django schema templates", language: .python, source: """
        class Editor:
            sql_delete_column = "ALTER TABLE %(table)s DROP COLUMN %(column)s CASCADE"
            sql_rename_table = "ALTER TABLE %(old_table)s RENAME TO %(new_table)s"
        def f(cur):
            cur.execute("SELECT * FROM users WHERE id = %(id)s", {"id": 1})
        """, expected: [2: .dynamic, 3: .dynamic, 5: .static]),
        // 4. Spring Data SpEL splices the entity's table name.
        Case(name: "spel entity name", language: .java, source: """
        @Query(value = "SELECT * FROM #{#entityName} WHERE is_active=true", nativeQuery = true)
        """, expected: [1: .dynamic]),
        // 5. postgres.js helpers splice text in a `sql` template.
        Case(name: "postgres.js identifier and nested templates", language: .typescript, source: """
        const rows = await sql`
          SELECT * FROM ${sql(schema)}.prospects
          ORDER BY ${asc ? sql`created ASC` : sql`created DESC`}
          LIMIT ${perPage}`;
        """, expected: [1: .dynamic]),
        // 6. Go's strings.Builder.
        Case(name: "go strings builder", language: .go, source: """
        var sb strings.Builder
        sb.WriteString("SELECT id, name FROM users ")
        sb.WriteString(" WHERE ")
        sb.WriteString(strings.Join(conditions, " AND "))
        rows, err := db.Query(sb.String(), args...)
        """, expected: [2: .dynamic]),
        Case(name: "go builder of one piece", language: .go, source: """
        var sb strings.Builder
        sb.WriteString("SELECT * FROM users WHERE id = $1")
        err := db.QueryRow(sb.String(), id).Scan(&u)
        """, expected: [2: .static]),
        // 7. UI labels are not SQLAlchemy's text().
        Case(name: "swiftui text", language: .swift, source: """
        .default(Text("Delete from Playlist")) { remove() }
        """, expected: [:]),
        Case(name: "compose text", language: .kotlin, source: """
        Text(text = "Select from library", style = MaterialTheme.typography.titleMedium)
        """, expected: [:]),
        Case(name: "sqlalchemy text stays sql", language: .python, source: """
        rows = conn.execute(text("delete from sessions where expires < now()"))
        """, expected: [1: .static]),
        // 8. Ruby appends with <<.
        Case(name: "ruby << append", language: .ruby, source: """
        sql = "SELECT m.movie_id FROM movies m WHERE 1=1"
        sql << " AND g.genre_name = ?"
        DB.fetch(sql, *args).all
        """, expected: [1: .dynamic]),
        // 9. The SQL a test expects is not SQL the code runs.
        Case(name: "xctest assertion", language: .swift, source: """
        XCTAssertEqual(output?.sql, "SELECT * FROM `planets` WHERE name = ?")
        """, expected: [:]),
        Case(name: "jest expectation", language: .typescript, source: """
        expect(query.sql).toBe("SELECT id FROM users WHERE id = $1");
        """, expected: [:]),
    ]

    @Test(arguments: cases)
    func reported(_ item: Case) {
        item.expectReported()
    }

    /// JDBC call escapes are read as the call the driver makes.
    @Test(arguments: [
        ("{call findUser(?)}", "CALL findUser(?)"),
        (" { ? = call order_total( ? ) } ", "SELECT order_total( ? ) "),
        ("{CALL refresh()};", "CALL refresh()"),
        ("{callback}", nil),
        ("{ \"select\": 1 }", nil),
        ("call f()", nil),
    ] as [(String, String?)])
    func jdbcEscapes(text: String, expected: String?) {
        #expect(JDBCEscape.rewrite(Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) } == expected)
    }

    /// Stored-procedure calls that do not parse as PostgreSQL are reported as T-SQL, with their kind.
    @Test func execIsTSQL() throws {
        let finding = try #require(extract(#"cmd = new SqlCommand("EXEC dbo.usp_Report @From, @To", conn);"#, .csharp).first)
        #expect(finding.dialect == "tsql" && finding.statementType == "exec" && finding.parseError != nil)
        let call = try #require(extract(#"ps = conn.prepareCall("{call refresh_stats(?)}");"#, .java).first)
        #expect(call.statementType == "call" && call.parseError == nil && call.sql == "CALL refresh_stats($1)")
    }
}

/// SQL Server scripts: `GO` lines separate batches; a routine's batch is one statement.
@Suite("T-SQL batches")
struct TSQLBatchTests {
    @Test func goLinesSeparateBatches() throws {
        let script = Array("-- c\nUSE [LeafDB]\nGO\nSET ANSI_NULLS ON\n  go 2 \nCREATE PROCEDURE p AS\nBEGIN\n SET NOCOUNT ON;\n SELECT 1;\nEND\nGO\n".utf8)
        let batches = try #require(TSQLBatches.batches(script))
        let texts = batches.map { String(decoding: script[$0], as: UTF8.self) }
        #expect(texts == ["-- c\nUSE [LeafDB]\n", "SET ANSI_NULLS ON\n",
                          "CREATE PROCEDURE p AS\nBEGIN\n SET NOCOUNT ON;\n SELECT 1;\nEND\n", ""])
        #expect(batches.map { TSQLBatches.isRoutine(script, $0) } == [false, false, true, false])
        #expect(TSQLBatches.batches(Array("SELECT 1;\nSELECT 2; -- go\n".utf8)) == nil)
    }

    /// A script: each batch's statements on their lines, a routine as one statement, and statements
    /// that open with a word PostgreSQL does not know (`USE`), which its scanner split drops.
    @Test func scriptsAreReadBatchByBatch() {
        let script = """
        USE [LeafDB]
        GO
        /* header */
        CREATE PROCEDURE [app].[sp_Map] @source nvarchar(50) AS
        BEGIN
            SET NOCOUNT ON;
            SELECT TOP (1) [TargetCode] FROM [app].[Map] WHERE SourceCode LIKE @source + '%'
        END
        GO
        SELECT 1;
        """
        let found = extract(script, .sql)
        #expect(found.map(\.line) == [1, 4, 10], "\(found.map(\.sql))")
        #expect(found.map(\.statementType) == ["use", "create_procedure", "select"])
        #expect(found.prefix(2).allSatisfy { $0.dialect == "tsql" })
        #expect(extract("USE shop;\nSELECT 1; -- done; really\n", .sql).map(\.line) == [1, 2])
    }
}

/// T-SQL batches written without `;` in code: cut at the lines that open statements.
@Suite("T-SQL statements without semicolons")
struct TSQLStatementTests {
    @Test func linesThatOpenStatementsCutTheBatch() throws {
        let batch = Array("""
        DECLARE @Rows TABLE ([Key] NVARCHAR(100) NOT NULL)
        SET XACT_ABORT ON -- a comment's 'quote'
        BEGIN TRAN
        UPDATE [Counter]
        SET [Value] = 1
        INSERT INTO [Log] ([Key])
        SELECT [Key] FROM @Rows
        COMMIT TRAN
        """.utf8)
        #expect(TSQLStatements.isBatch(batch))
        let pieces = try #require(TSQLStatements.split(batch, in: 0..<batch.count))
        let firstWords = pieces.map { String(decoding: batch[$0], as: UTF8.self).split(separator: " ").first.map(String.init) }
        #expect(firstWords == ["DECLARE", "SET", "BEGIN", "UPDATE", "INSERT", "COMMIT"])
        let control = Array("DECLARE @n INT\nIF @n = 0\nBEGIN\nSELECT 1\nEND\n".utf8)
        #expect(TSQLStatements.split(control, in: 0..<control.count) == nil)
        #expect(!TSQLStatements.isBatch(Array("SELECT 1\nSELECT 2\n".utf8)))
    }

    /// Each statement on its line, dynamic only when a run-time piece is in it (Hangfire's
    /// aggregation batch).
    @Test func eachStatementHasItsOwnKind() {
        let source = """
        var sql = $@"DECLARE @RecordsToAggregate TABLE ([Key] NVARCHAR(100) NOT NULL)
        SET XACT_ABORT ON
        BEGIN TRAN
        DELETE TOP (@count) C FROM [{schemaName}].[Counter] C
        SET NOCOUNT ON
        COMMIT TRAN";
        connection.Execute(sql);
        """
        let found = CodeScanner(options: ExtractionOptions()).extract(fromSource: source, path: "snippet", language: .csharp)
        #expect(found.map(\.line) == [1, 2, 3, 4, 5, 6], "\(found.map(\.sql))")
        #expect(found.map(\.kind) == [.static, .static, .static, .dynamic, .static, .static])
    }
}
