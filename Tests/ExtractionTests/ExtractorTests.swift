@testable import Extraction
@testable import PgQuery
@testable import SourceLexing
import Testing

/// One expected finding: line, kind, statement type and tables.
struct Expected: CustomStringConvertible, Sendable {
    let line: Int
    let kind: FindingKind
    let type: String
    let tables: [String]

    init(_ line: Int, _ kind: FindingKind, _ type: String, _ tables: [String] = []) {
        self.line = line
        self.kind = kind
        self.type = type
        self.tables = tables
    }

    var description: String { "\(line) \(kind) \(type) \(tables)" }
}

/// A snippet of source and the findings it must yield.
struct Snippet: CustomTestStringConvertible, Sendable {
    let name: String
    let language: SQLLanguage
    let source: String
    let expected: [Expected]

    var testDescription: String { name }
}

func extract(_ source: String, _ language: SQLLanguage) -> [SQLFinding] {
    CodeScanner().extract(fromSource: source, path: "snippet", language: language)
}

@Suite("Extraction by language")
struct ExtractorTests {
    static let snippets: [Snippet] = [
        Snippet(name: "python triple-quoted", language: .python, source: """
        cur.execute(\"\"\"
            SELECT id FROM users WHERE id = %(id)s
        \"\"\", {"id": 1})
        """, expected: [Expected(1, .static, "select", ["users"])]),
        Snippet(name: "python f-string identifier", language: .python, source: """
        cur.execute(f"DELETE FROM {table} WHERE id = %s", (1,))
        """, expected: [Expected(1, .dynamic, "delete")]),
        Snippet(name: "python text()", language: .python, source: """
        session.execute(text("UPDATE users SET name = :name WHERE id = :id"))
        """, expected: [Expected(1, .static, "update", ["users"])]),
        Snippet(name: "javascript node-postgres", language: .javascript, source: """
        await client.query('INSERT INTO logs (msg) VALUES ($1)', [m]);
        """, expected: [Expected(1, .static, "insert", ["logs"])]),
        Snippet(name: "typescript tagged template", language: .typescript, source: """
        const rows = await prisma.$queryRaw`SELECT * FROM accounts WHERE id = ${id}`;
        """, expected: [Expected(1, .static, "select", ["accounts"])]),
        Snippet(name: "typescript template interpolation", language: .typescript, source: """
        const q = `SELECT * FROM ${table}`;
        db.query(q);
        """, expected: [Expected(1, .dynamic, "select")]),
        Snippet(name: "go raw string", language: .go, source: """
        rows, err := db.Query(`
            SELECT id, name
            FROM products
            WHERE price > $1`, min)
        """, expected: [Expected(1, .static, "select", ["products"])]),
        Snippet(name: "go Sprintf", language: .go, source: """
        db.Exec(fmt.Sprintf("TRUNCATE %s", table))
        """, expected: [Expected(1, .dynamic, "truncate")]),
        Snippet(name: "java text block", language: .java, source: """
        var rows = jdbc.queryForList(\"\"\"
            SELECT a.id FROM accounts a WHERE a.owner = ?
            \"\"\", owner);
        """, expected: [Expected(1, .static, "select", ["accounts"])]),
        Snippet(name: "java concatenation", language: .java, source: """
        stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
        """, expected: [Expected(1, .dynamic, "select", ["users"])]),
        Snippet(name: "kotlin template", language: .kotlin, source: """
        jdbc.update("DELETE FROM ${table} WHERE id = ?", id)
        """, expected: [Expected(1, .dynamic, "delete")]),
        Snippet(name: "ruby heredoc", language: .ruby, source: """
        rows = connection.select_all(<<~SQL)
          SELECT id FROM widgets WHERE size > 3
        SQL
        """, expected: [Expected(1, .static, "select", ["widgets"])]),
        Snippet(name: "ruby interpolation", language: .ruby, source: """
        User.find_by_sql("SELECT * FROM users WHERE id = #{params[:id]}")
        """, expected: [Expected(1, .dynamic, "select", ["users"])]),
        Snippet(name: "php pdo", language: .php, source: """
        <?php $pdo->prepare("SELECT id FROM posts WHERE slug = :slug");
        """, expected: [Expected(1, .static, "select", ["posts"])]),
        Snippet(name: "php nowdoc", language: .php, source: """
        <?php
        $sql = <<<'SQL'
        INSERT INTO audit (event) VALUES (?)
        SQL;
        """, expected: [Expected(2, .static, "insert", ["audit"])]),
        Snippet(name: "csharp verbatim dapper", language: .csharp, source: """
        conn.Query<Item>(@"SELECT id
            FROM items WHERE owner = @Owner", new { Owner = o });
        """, expected: [Expected(1, .static, "select", ["items"])]),
        Snippet(name: "swift GRDB multi-line", language: .swift, source: """
        try db.execute(sql: \"\"\"
            UPDATE player SET score = score + 1 WHERE id = ?
            \"\"\", arguments: [id])
        """, expected: [Expected(1, .static, "update", ["player"])]),
        Snippet(name: "swift interpolation", language: .swift, source: """
        try db.execute(sql: "DROP TABLE \\(name)")
        """, expected: [Expected(1, .dynamic, "drop")]),
        Snippet(name: "swift interpolation inside a quoted identifier", language: .swift, source: """
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS \\"\\(table)\\" (id int PRIMARY KEY)")
        """, expected: [Expected(1, .dynamic, "create_table")]),
        Snippet(name: "sql script with sqlc names", language: .sql, source: """
        -- name: GetThing :one
        SELECT * FROM things WHERE id = $1;

        -- name: AddThing :exec
        INSERT INTO things (name) VALUES ($1);
        """, expected: [Expected(2, .static, "select", ["things"]), Expected(5, .static, "insert", ["things"])]),
        Snippet(name: "oracle script with lines that run it", language: .sql, source: """
        CREATE TABLE "session" (sess_id varchar(128) PRIMARY KEY);
        /

        CREATE TABLE users (user_id integer PRIMARY KEY);
          /
        SELECT 4
        / 2;
        """, expected: [Expected(1, .static, "create_table", ["session"]), Expected(4, .static, "create_table", ["users"]),
                        Expected(6, .static, "select")]),
        Snippet(name: "an anonymous pl/sql block is one statement", language: .sql, source: """
        DECLARE
            i INTEGER;
        BEGIN
            SELECT COUNT(1) INTO i FROM user_sequences;
            IF i = 1 THEN
                EXECUTE IMMEDIATE 'DROP SEQUENCE s';
            END IF;
        END;
        /
        BEGIN;
        DECLARE c CURSOR FOR SELECT 1;
        COMMIT;
        """, expected: [Expected(1, .static, "declare", ["i", "user_sequences"]), Expected(10, .static, "transaction"),
                        Expected(11, .static, "declare_cursor"), Expected(12, .static, "transaction")]),
    ]

    @Test(arguments: snippets)
    func extracts(_ snippet: Snippet) {
        let findings = extract(snippet.source, snippet.language)
        #expect(findings.count == snippet.expected.count, "\(findings)")
        for (finding, expected) in zip(findings, snippet.expected) {
            #expect(finding.line == expected.line)
            #expect(finding.kind == expected.kind)
            #expect(finding.statementType == expected.type)
            #expect(finding.tables == expected.tables)
            #expect(finding.language == snippet.language)
        }
    }

    @Test func otherDialectsAreReportedWithTheirParseError() {
        let findings = extract("cursor.execute(\"SELECT `id` FROM `users` WHERE id = %s\", (1,))", .python)
        #expect(findings.count == 1)
        #expect(findings.first?.parseError?.contains("syntax error") == true)
        #expect(findings.first?.fingerprint == nil)
        #expect(findings.first?.tables == ["users"])
    }

    @Test func staticFindingsCarryFingerprintAndNormalisedSQL() throws {
        let finding = try #require(extract("db.query('SELECT * FROM t WHERE a = ? AND b = 5')", .javascript).first)
        #expect(finding.sql == "SELECT * FROM t WHERE a = $1 AND b = $2")
        #expect(finding.fingerprint == (try PgQuery.fingerprint("SELECT * FROM t WHERE a = $1 AND b = 7")))
        #expect(finding.column == 10)
    }

    @Test func multipleStatementsInOneLiteralAreSeparated() {
        let findings = extract("cur.execute(\"\"\"CREATE TABLE a (id int);\nCREATE INDEX ON a (id);\"\"\")", .python)
        #expect(findings.map(\.statementType) == ["create_table", "create_index"])
        #expect(findings.map(\.line) == [1, 2])
    }

    /// Statements of another dialect cut from one run-time literal show its pieces as `{dynamic}`.
    @Test func piecesOfStatementsCutFromOneLiteralAreShown() {
        let findings = extract("""
        <?php
        $sql = "CREATE TABLE $wpdb->terms (id bigint(20) unsigned NOT NULL auto_increment) $charset;
        CREATE TABLE $wpdb->meta (note varchar(9) default '$note') $charset;";
        $wpdb->query($sql);
        """, .php)
        #expect(findings.map(\.sql) == ["CREATE TABLE {dynamic} (id bigint(20) unsigned NOT NULL auto_increment) {dynamic}",
                                        "CREATE TABLE {dynamic} (note varchar(9) default '{dynamic}') {dynamic}"])
        #expect(findings.map(\.kind) == [.dynamic, .dynamic])
        #expect(findings.map(\.line) == [2, 3])
    }
}
