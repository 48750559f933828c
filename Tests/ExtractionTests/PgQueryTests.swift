@testable import PgQuery
import Testing

@Suite("libpg_query binding")
struct PgQueryTests {
    @Test func parsesStatementKindAndTables() throws {
        let tree = try PgQuery.parse("SELECT u.id FROM public.users u JOIN orders o ON o.user_id = u.id")
        #expect(tree.statementKind == "select")
        #expect(tree.tables == ["orders", "public.users"])
    }

    @Test(arguments: [
        ("INSERT INTO t (a) VALUES (1)", "insert", ["t"]),
        ("UPDATE accounts SET balance = 0 WHERE id = 1", "update", ["accounts"]),
        ("DELETE FROM sessions", "delete", ["sessions"]),
        ("WITH x AS (SELECT 1 FROM a) SELECT * FROM x", "with", ["a"]),
        ("CREATE TABLE items (id int)", "create_table", ["items"]),
        ("CREATE INDEX ON items (id)", "create_index", ["items"]),
    ])
    func statementKinds(sql: String, kind: String, tables: [String]) throws {
        let tree = try PgQuery.parse(sql)
        #expect(tree.statementKind == kind)
        #expect(tree.tables == tables)
    }

    @Test func parseErrorCarriesMessageAndPosition() {
        #expect {
            _ = try PgQuery.parse("SELECT id FORM users")
        } throws: { error in
            guard let error = error as? PgQueryError else { return false }
            return error.message.contains("syntax error") && error.cursorPosition == 16
        }
    }

    @Test func findsFunctionCalls() throws {
        let tree = try PgQuery.parse("SELECT count(*), pg_catalog.now() FROM t")
        #expect(Set(tree.functionCalls) == ["count", "pg_catalog.now"])
    }

    @Test func equivalentQueriesShareAFingerprint() throws {
        let first = try PgQuery.fingerprint("SELECT id FROM users WHERE id = 1")
        let second = try PgQuery.fingerprint("select id\n  from users -- comment\n where id = 42")
        let other = try PgQuery.fingerprint("SELECT id FROM orders WHERE id = 1")
        #expect(first == second)
        #expect(first != other)
        #expect(first.count == 16)
    }

    @Test func normalizeReplacesConstants() throws {
        #expect(try PgQuery.normalize("SELECT * FROM t WHERE a = 1 AND b = 'x'") == "SELECT * FROM t WHERE a = $1 AND b = $2")
    }

    @Test func splitHonoursDollarBodiesAndQuotedSemicolons() throws {
        let script = """
        CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;
        INSERT INTO t VALUES ('a;b');
        SELECT 1 -- trailing; comment
        """
        let statements = try PgQuery.split(script)
        #expect(statements.count == 3)
        #expect(statements[0].text.hasSuffix("LANGUAGE plpgsql"))
        #expect(statements[1].text.contains("'a;b'"))
        #expect(statements[2].text.contains("SELECT 1"))
    }

    @Test func splitWithParserRejectsBadSQLButScannerDoesNot() throws {
        #expect(throws: PgQueryError.self) { _ = try PgQuery.split("SELECT `x` FROM t; SELECT 1") }
        #expect(try PgQuery.split("SELECT `x` FROM t; SELECT 1", usingParser: false).count == 2)
    }

    @Test func jsonValueParsesEscapes() throws {
        let value = try JSONValue.parse(#"{"a":[1,true,null,"x\n\u00e9"],"b":{"c":-2.5e1}}"#)
        #expect(value["a"]?.arrayValue.count == 4)
        #expect(value["a"]?.arrayValue[3].stringValue == "x\né")
        #expect(value["b"]?["c"] == .number(-25))
    }
}
