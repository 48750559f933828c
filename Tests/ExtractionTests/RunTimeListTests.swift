@testable import Extraction
import SourceLexing
import SQLText
import Testing

/// Run-time pieces that stand for lists: rows after `VALUES`, assignments after `SET`, the result
/// of a call on a literal (`" AND ".join(conditions)`), pieces one after another. The statements
/// are found with their kind and parse; a compiler's returned `VALUES {rows}` piece is not one.
@Suite("Run-time lists")
struct RunTimeListTests {
    typealias Case = SweepClassTests.Case

    static let cases: [Case] = [
        Case(name: "psycopg2 execute_values", language: .python, source: """
        execute_values(cur, "INSERT INTO items (a, b) VALUES %s ON CONFLICT (a) DO NOTHING", rows)
        """, expected: [1: .static]),
        Case(name: "node-mysql object and rows", language: .javascript, source: """
        connection.query('UPDATE posts SET ? WHERE id = ?', [post, id]);
        connection.query('INSERT INTO tags (name, post_id) VALUES ?', [rows]);
        """, expected: [1: .static, 2: .static]),
        Case(name: "f-string assignments", language: .python, source: """
        cur.execute(f"UPDATE users SET {sets} WHERE id = %s", vals)
        cur.execute(f"INSERT INTO items (a, b) VALUES {values} RETURNING id")
        """, expected: [1: .dynamic, 2: .dynamic]),
        Case(name: "a run-time column is no list", language: .typescript, source: """
        await db.query(`UPDATE items SET ${column} = $1 WHERE id = $2`, [value, id]);
        """, expected: [1: .dynamic]),
        Case(name: "template pieces one after another", language: .typescript, source: """
        const query = `UPDATE ${quoteIdent(this.table)} SET ${assignments.join(', ')}${this.whereClause(params)}${returning}`
        return requireSql().query(query, params)
        """, expected: [1: .dynamic]),
        Case(name: "a literal's join", language: .python, source: """
        cur.execute("SELECT id FROM items WHERE " + " AND ".join(where), params)
        sql = "SELECT id FROM items WHERE id IN (" + ", ".join(["%s"] * len(ids)) + ")"
        cur.execute(sql, ids)
        """, expected: [1: .dynamic, 2: .dynamic]),
        Case(name: "php joins with a dot", language: .php, source: """
        <?php
        $sql = "INSERT INTO t (" . implode(", ", $keys) . ") VALUES (" . implode(", ", $marks) . ")";
        $pdo->prepare($sql)->execute($values);
        """, expected: [2: .dynamic]),
        Case(name: "go short declaration extended later", language: .go, source: """
        query := "SELECT id FROM users WHERE active = true"
        if name != "" {
            query += " AND name = $1"
        }
        """, expected: [1: .dynamic]),
        Case(name: "a compiler's returned pieces", language: .python, source: """
        def bulk_insert_sql(self, fields, rows):
            return f"VALUES {values_sql}"
        def identity(self, text):
            text += "SET %s " % self.options()
            return text
        """, expected: [:]),
    ]

    @Test(arguments: cases)
    func listsAreFoundAndParse(_ item: Case) {
        item.expectReported()
        let found = CodeScanner(options: ExtractionOptions()).extract(fromSource: item.source, path: "snippet",
                                                                     language: item.language)
        #expect(found.allSatisfy { $0.parseError == nil }, "\(found.map { "\($0.line) \($0.sql) \($0.parseError ?? "")" })")
    }

    /// A condition in parentheses appended to a statement is a piece of it, not a fragment.
    @Test(arguments: [
        Case(name: "python conditional", language: .python, source: """
        cur.execute("SELECT a FROM t " + ("WHERE a = %s" if cond else ""), args)
        """, expected: [1: .dynamic]),
        Case(name: "javascript conditional", language: .javascript, source: """
        let sql = 'SELECT a FROM t WHERE b = ?';
        sql += (all ? '' : ' AND hidden = false');
        await db.query(sql, [b]);
        """, expected: [1: .dynamic]),
        Case(name: "a condition kept in a variable still is", language: .python, source: """
        where = ("WHERE a = %s" if cond else "")
        """, expected: [1: .fragment]),
    ])
    func appendedConditions(_ item: Case) {
        item.expectReported(includingFragments: true)
    }

    /// The stand-ins the parser is given: `($n)` for rows, `dyn_piece_n = $n` for assignments.
    @Test(arguments: [
        ("INSERT INTO t (a) VALUES %s", "INSERT INTO t (a) VALUES ($1)"),
        ("UPDATE t SET \u{1} WHERE id = %s", "UPDATE t SET dyn_piece_1 = $1 WHERE id = $2"),
        ("UPDATE t SET \u{1} = %s", "UPDATE t SET $1 = $2"),
        ("UPDATE t SET \u{1}\u{1}\u{1}", "UPDATE t SET dyn_piece_1 = $1"),
        ("SELECT a FROM t WHERE \u{1}\u{1}", "SELECT a FROM t WHERE $1"),
        ("SELECT reset FROM t WHERE offset = %s", "SELECT reset FROM t WHERE offset = $1"),
        ("SELECT a FROM t WHERE a = $name AND b = $\u{1}", "SELECT a FROM t WHERE a = $1 AND b = $2"),
        ("UPDATE t SET city = $%d", "UPDATE t SET city = $1"),
        ("SELECT value FROM v$session WHERE s = $body$x$body$", "SELECT value FROM v$session WHERE s = $body$x$body$"),
        ("CREATE INDEX i ON /*$wgDBprefix*/t (a) /* :x ? */", "CREATE INDEX i ON /*$wgDBprefix*/t (a) /* :x ? */"),
    ] as [(String, String)])
    func standIns(text: String, parseText: String) {
        let output = PlaceholderNormalizer(formatted: false, mode: .parameter).normalize(Array(text.utf8))
        #expect(output.parseText == parseText)
    }

    /// The text shown numbers only the placeholders the code wrote, not the run-time pieces.
    @Test func displayNumbersWrittenPlaceholders() {
        let text = Array("UPDATE \u{1} SET \u{1} WHERE id = %s AND v = ?".utf8)
        let output = PlaceholderNormalizer(formatted: false, mode: .identifier).normalize(text)
        #expect(output.displayText == "UPDATE {dynamic} SET {dynamic} WHERE id = $1 AND v = $2")
        #expect(output.parseText == "UPDATE dyn_piece_1 SET dyn_piece_2 = $2 WHERE id = $3 AND v = $4")
    }
}
