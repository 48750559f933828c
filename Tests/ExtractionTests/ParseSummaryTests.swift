import Foundation
@testable import PgQuery
import Testing

/// The first statement of `sql` as summarised for the scanner.
func firstStatement(_ sql: String) throws -> ParseSummary.Statement {
    try #require(try PgQuery.summarize(sql).statements.first)
}

/// ``ParseSummary`` is read straight from the parser's JSON; these tests check it against the full
/// ``ParseTree`` (the reference) and check that skipping `pg_query_normalize` loses nothing.
@Suite("Parse summary")
struct ParseSummaryTests {
    static let statements: [String] = [
        "SELECT u.id, c FROM public.users u JOIN x ON true WHERE u.a = $1 AND b IS NULL",
        "WITH recent AS (SELECT * FROM orders WHERE created_at > now() - interval '1 day') "
            + "SELECT r.id FROM recent r JOIN public.customers c ON c.id = r.customer_id",
        "WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT sum(n) FROM t",
        "SELECT c FROM Customer c WHERE c.email = $1",
        "SELECT i FROM Purchase p, p.items i",
        "SELECT a file",
        "SELECT now()",
        "SELECT 1",
        "SELECT",
        "SELECT x, y FROM (SELECT 1 AS x, 2 AS y) s",
        "SELECT (SELECT max(id) FROM items i), u FROM users u",
        "SELECT * FROM a UNION SELECT * FROM b ORDER BY 1",
        "SELECT id INTO TEMP copy FROM source",
        "VALUES (1, 'a'), (2, 'b')",
        "INSERT INTO t (a, b) VALUES ($1, $2) ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b RETURNING id",
        "INSERT INTO archive SELECT * FROM live WHERE id = ANY($1)",
        "UPDATE accounts a SET balance = a.balance - $1 FROM transfers t WHERE t.account_id = a.id",
        "DELETE FROM sessions USING users WHERE sessions.user_id = users.id AND users.banned",
        "MERGE INTO stock s USING incoming i ON s.sku = i.sku WHEN MATCHED THEN UPDATE SET qty = i.qty",
        "CREATE TABLE IF NOT EXISTS items (id bigserial PRIMARY KEY, price numeric(12,2), name varchar(80))",
        "CREATE TABLE t (n int DEFAULT 0, s text DEFAULT 'x')",
        "CREATE INDEX CONCURRENTLY items_name_idx ON items (lower(name))",
        "CREATE VIEW v AS SELECT id FROM items",
        "CREATE MATERIALIZED VIEW mv AS SELECT id FROM items",
        "CREATE TABLE t2 AS SELECT * FROM items",
        "ALTER TABLE items ADD COLUMN note text",
        "DROP TABLE IF EXISTS items, orders",
        "TRUNCATE items",
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$",
        "DO $$ BEGIN PERFORM 1; END $$",
        "COPY items FROM STDIN WITH (FORMAT csv)",
        "EXPLAIN ANALYZE SELECT * FROM items WHERE id = 3",
        "SET search_path TO app, public",
        "ALTER ROLE app WITH PASSWORD 'secret'",
        "NOTIFY channel, 'payload'",
        "GRANT SELECT ON items TO reader",
        "SELECT \"Wé\"\"ird\".\"col\\umn\" FROM \"Wé\"\"ird\" WHERE x < 3",
        "SELECT 1; SELECT * FROM a; INSERT INTO b VALUES (1)",
        "SELECT id FROM t GROUP BY 1 ORDER BY 1",
        "SELECT NULL::text, true, false",
        "SELECT * FROM t WHERE a = ANY(ARRAY[$1, $2]) LIMIT $3",
    ]

    /// Statements of the labelled corpus's SQL files, for breadth.
    static func corpusStatements() throws -> [String] {
        let root = try CorpusTests.corpusRoot().appendingPathComponent("sql")
        var found: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: root.path) {
            let script = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
            found += try PgQuery.split(script, usingParser: false).map(\.text)
        }
        return found
    }

    @Test func matchesTheFullParseTree() throws {
        for sql in try Self.statements + Self.corpusStatements() {
            guard let tree = try? PgQuery.parse(sql) else {
                #expect(throws: PgQueryError.self) { _ = try PgQuery.summarize(sql) }
                continue
            }
            let summary = try PgQuery.summarize(sql)
            let entries = tree.root["stmts"]?.arrayValue ?? []
            #expect(summary.statements.count == entries.count, "\(sql)")
            for (statement, entry) in zip(summary.statements, entries) {
                let single = ParseTree(root: .object([JSONMember("stmts", .array([entry]))]))
                #expect(statement.kind == single.statementKind, "\(sql)")
                #expect(statement.nodeType == single.statements.first?.nodeType, "\(sql)")
                #expect(statement.tables == single.tables, "\(sql)")
                #expect(statement.location == entry["stmt_location"]?.intValue ?? 0, "\(sql)")
                #expect(statement.length == entry["stmt_len"]?.intValue ?? 0, "\(sql)")
                #expect(statement.selectHasSource == Reference.selectHasSource(single), "\(sql)")
                #expect(statement.computesTarget == Reference.computesTarget(single), "\(sql)")
                #expect(Set(statement.relations.compactMap(\.alias)) == Reference.aliases(single), "\(sql)")
                #expect(Set(statement.targetColumnNames) == Reference.targetColumnNames(single), "\(sql)")
            }
        }
    }

    @Test func normalizeIsOnlySkippedWhenItWouldChangeNothing() throws {
        for sql in try Self.statements + Self.corpusStatements() {
            guard let summary = try? PgQuery.summarize(sql) else { continue }
            if summary.statements.allSatisfy({ !$0.mayHaveConstants }) {
                #expect(try PgQuery.normalize(sql) == sql)
            }
        }
        #expect(try firstStatement("SELECT id FROM t WHERE a = $1").mayHaveConstants == false)
        #expect(try firstStatement("CREATE TABLE t (price numeric(12,2))").mayHaveConstants == false)
        #expect(try firstStatement("SELECT id FROM t WHERE a = 1").mayHaveConstants)
        #expect(try firstStatement("ALTER ROLE app WITH PASSWORD 'secret'").mayHaveConstants)
    }

    @Test func decodesEscapedNames() throws {
        let statement = try firstStatement(#"SELECT 1 FROM "Wé""ird" w, "tab\le", "a<b""#)
        #expect(statement.tables == ["Wé\"ird", "a<b", "tab\\le"])
        #expect(statement.relations.first?.alias == "w")
    }
}

/// The classifier's questions answered on the full tree, as the scanner did before summaries.
private enum Reference {
    static func body(_ tree: ParseTree) -> JSONValue? { tree.statements.first?.body }

    static func selectHasSource(_ tree: ParseTree) -> Bool {
        guard let body = body(tree) else { return false }
        return ["fromClause", "withClause", "valuesLists", "larg", "intoClause"].contains { body[$0] != nil }
    }

    static func computesTarget(_ tree: ParseTree) -> Bool {
        (body(tree)?["targetList"]?.arrayValue ?? []).contains { target in
            guard let value = target["ResTarget"]?["val"] else { return false }
            return value["ColumnRef"] == nil
        }
    }

    static func aliases(_ tree: ParseTree) -> Set<String> {
        Set((body(tree)?.objects(containing: "relname") ?? []).compactMap { $0["alias"]?["aliasname"]?.stringValue })
    }

    static func targetColumnNames(_ tree: ParseTree) -> Set<String> {
        let targets = body(tree)?["targetList"] ?? .array([])
        return Set(targets.nodes(named: "ColumnRef").compactMap { columnRef in
            let fields = columnRef["fields"]?.arrayValue ?? []
            return fields.count == 1 ? ParseTree.stringNodeValue(fields[0]) : nil
        })
    }
}
