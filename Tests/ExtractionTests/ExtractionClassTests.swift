import Foundation
@testable import Extraction
@testable import PgQuery
@testable import SourceLexing
import Testing

/// One fixture per class of miss and error of the second version of the extractor.
@Suite("Extraction classes")
struct ExtractionClassTests {
    static let found: [Snippet] = [
        // 1. Literals opening with a SQL comment.
        Snippet(name: "sqlc comment prefix", language: .go, source: """
        const getAccount = `-- name: GetAccount :one
        SELECT id FROM accounts WHERE id = $1`
        """, expected: [Expected(1, .static, "select", ["accounts"])]),
        Snippet(name: "block comment prefix", language: .typescript, source: """
        db.query("/* report */ SELECT count(*) FROM orders");
        """, expected: [Expected(1, .static, "select", ["orders"])]),
        // 2. Short statements.
        Snippet(name: "transaction control", language: .typescript, source: """
        db.exec("BEGIN");
        db.exec("COMMIT");
        """, expected: [Expected(1, .static, "transaction"), Expected(2, .static, "transaction")]),
        Snippet(name: "pragma and set", language: .python, source: """
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("SET search_path TO app")
        """, expected: [Expected(1, .static, "pragma"), Expected(2, .static, "set")]),
        // 4. Placeholders of other tools.
        Snippet(name: "clickhouse typed parameter", language: .typescript, source: """
        client.query({ query: "SELECT * FROM t WHERE id = {id: UInt32}" });
        """, expected: [Expected(1, .static, "select", ["t"])]),
        // 5. Multi-statement literals in another dialect: one finding per statement, on its line.
        Snippet(name: "mysql schema", language: .php, source: """
        $pdo->exec(<<<SQL
        CREATE TABLE `a` (id int AUTO_INCREMENT);

        DROP TABLE b;
        SQL);
        """, expected: [Expected(1, .static, "create_table", ["a"]), Expected(4, .static, "drop")]),
        // 6. Statements extended later.
        Snippet(name: "python +=", language: .python, source: """
        sql = "SELECT id FROM users"
        if active:
            sql += " WHERE active"
        cur.execute(sql)
        """, expected: [Expected(1, .dynamic, "select", ["users"])]),
        Snippet(name: "quoted format hole", language: .python, source: """
        cur.execute("SELECT * FROM foo WHERE id = '%s'" % ident)
        """, expected: [Expected(1, .dynamic, "select", ["foo"])]),
    ]

    @Test(arguments: found)
    func findsEachClass(_ snippet: Snippet) {
        let findings = extract(snippet.source, snippet.language)
        let actual = findings.map { Expected($0.line, $0.kind, $0.statementType, $0.tables) }.map(\.description)
        #expect(actual == snippet.expected.map(\.description), "\(findings.map(\.sql))")
    }

    // 7. A lone word is never a finding.
    @Test(arguments: [
        (SQLLanguage.typescript, "type Kind = 'SELECT' | 'INSERT' | 'UPDATE';"),
        (.python, #"value = options.get("select")"#),
        (.python, #"mode = row.get("delete_cascade")"#),
        (.typescript, #"if (sql.startsWith('select')) { kind = 'SELECT' }"#),
        (.swift, #"let action = "COMMIT""#),
    ])
    func loneWordsAreNotStatements(language: SQLLanguage, source: String) {
        #expect(extract(source, language).isEmpty)
    }

    // 8. Fragments, only when asked for.
    @Test func fragmentsAreReportedOnRequest() {
        let source = """
        @records = @records.where("status LIKE ?", "%[active]%")
        drafts.order("created_at DESC")
        drafts.order("created_at")
        """
        #expect(extract(source, .ruby).isEmpty)
        var options = ExtractionOptions()
        options.includeFragments = true
        let findings = CodeScanner(options: options).extract(fromSource: source, path: "f.rb", language: .ruby)
        #expect(findings.map(\.line) == [1, 2])
        #expect(findings.allSatisfy { $0.kind == .fragment })
        #expect(findings.map(\.statementType) == ["where", "order_by"])
    }

    /// Normalised template placeholders fingerprint like the `$n` query PostgreSQL records.
    @Test(arguments: [
        ("SELECT * FROM users WHERE id = sqlc.arg(id)::uuid", "SELECT * FROM users WHERE id = $1::uuid"),
        ("SELECT * FROM users WHERE org = sqlc.narg('org') AND id = @id", "SELECT * FROM users WHERE org = $1 AND id = $2"),
        ("SELECT * FROM users WHERE id = {{user_id}}", "SELECT * FROM users WHERE id = $1"),
        ("SELECT * FROM users WHERE id = {{ user_id::int }}", "SELECT * FROM users WHERE id = $1"),
        ("SELECT * FROM users WHERE id = {id: UInt64}", "SELECT * FROM users WHERE id = $1"),
    ])
    func placeholdersFingerprintLikePostgres(source: String, recorded: String) throws {
        let analyses = StatementAnalyzer.analyze(Array(source.utf8), formatted: false, concatenated: false)
        let analysis = try #require(analyses.first)
        #expect(analysis.parseError == nil)
        #expect(!analysis.dynamic)
        #expect(analysis.fingerprint.map(PgQuery.hex) == (try PgQuery.fingerprint(recorded)))
    }

    /// Statements PostgreSQL rejects are reported with a guess at their dialect.
    @Test func otherDialectsAreNamed() throws {
        let findings = extract("cur.execute(\"SHOW TABLES LIKE 'x'\")\ncur.execute(\"SELECT * FROM `t` LIMIT 0, 10\")", .python)
        #expect(findings.map(\.dialect) == ["mysql", "mysql"])
        #expect(findings.allSatisfy { $0.parseError != nil })
    }
}

@Suite("Learned wrappers")
struct WrapperTests {
    /// 3. A function of the file that hands its parameter to a SQL entry point is an entry point:
    /// lower-case SQL passed to it is judged as SQL, not as prose.
    @Test func wrapperCallsAreEntryPoints() {
        let source = """
        def run_sql(statement):
            cursor.execute(statement)

        run_sql("delete from sessions")
        """
        #expect(extract(source, .python).map(\.line) == [4])
        #expect(extract(#"helper("delete from sessions")"#, .python).isEmpty)
    }

    /// A wrapper defined in a file with no SQL of its own (not lexed by the main pass) is found
    /// by its definition: after a keyword (Kotlin's `fun`) or, in C# and Java, between a type and
    /// `(`; calls to it in other files are then entry points.
    @Test(arguments: [
        ("Db.cs", "public class Db { public int Purge(string text) { return _conn.Execute(text); } }\n",
         "Jobs.cs", "class Jobs { void Clean(Db db) { db.Purge(\"delete from sessions where expired\"); } }\n"),
        ("Db.java", "class Db { public int purge(String text) { return jdbc.update(text); } }\n",
         "Jobs.java", "class Jobs { void clean(Db db) { db.purge(\"delete from sessions where expired\"); } }\n"),
        ("Db.kt", "class Db { fun purge(text: String) = jdbc.execute(text) }\n",
         "Jobs.kt", "class Jobs { fun clean(db: Db) { db.purge(\"delete from sessions where expired\") } }\n"),
    ])
    func wrappersDefinedInAnotherFile(definingFile: String, definition: String, callingFile: String, call: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dbooster-wrappers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try definition.write(to: root.appendingPathComponent(definingFile), atomically: true, encoding: .utf8)
        try call.write(to: root.appendingPathComponent(callingFile), atomically: true, encoding: .utf8)
        var found: [SQLFinding] = []
        try CodeScanner().scan(root: root, onFinding: { found.append($0) })
        #expect(found.map(\.file) == [callingFile])
        #expect(found.map(\.statementType) == ["delete"])
    }
}
