import CPgQuery
import Foundation
@testable import PgQuery
import Testing

/// ``RawTreeReader`` reads the parser's tree through declared node layouts; these tests check its
/// tags against the library and its summaries against the JSON reader's.
@Suite("Raw tree reader")
struct RawTreeReaderTests {
    /// Everyday statements, between them using every node the reader knows.
    static let everyday: [String] = [
        "SELECT DISTINCT ON (a) a, b::numeric(10, 2), c COLLATE \"C\" FROM s.t AS x "
            + "WHERE a IN (1, 2) AND b BETWEEN $1 AND $2 OR NOT c IS NULL ORDER BY a DESC NULLS LAST",
        "SELECT a[1], a[1:2], (b).f, ARRAY[1, 2], ROW(1, 2), coalesce(a, 0), greatest(a, b), "
            + "CASE WHEN a THEN 1 ELSE 2 END, CASE a WHEN 1 THEN 'x' END FROM t",
        "SELECT count(*) FILTER (WHERE a > 0) "
            + "OVER (PARTITION BY b ORDER BY c ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), "
            + "string_agg(a, ',' ORDER BY a) FROM t GROUP BY GROUPING SETS ((a), (b)) HAVING count(*) > 1",
        "SELECT * FROM a JOIN b USING (id) LEFT JOIN LATERAL (SELECT * FROM c WHERE c.id = a.id) s ON true, "
            + "generate_series(1, 3) g(n) WHERE EXISTS (SELECT 1 FROM d) AND a.x = ANY(SELECT y FROM e) "
            + "FOR UPDATE OF a SKIP LOCKED",
        "SELECT current_date, current_user, a IS TRUE, f(x => 1), sum(a) OVER w FROM t WINDOW w AS (ORDER BY a)",
        "SELECT $1::text[], interval '1 day', a::varchar(10), B'101', X'ff', 1.5, true, NULL, -2 FROM t",
        "SELECT id INTO TEMP copy FROM source",
        "SELECT a FROM t UNION ALL SELECT b FROM u EXCEPT SELECT c FROM v LIMIT 10 OFFSET $1",
        "VALUES (1, 'a'), (2, 'b')",
        "INSERT INTO t (a, b) VALUES (DEFAULT, $1) ON CONFLICT (a) WHERE b > 0 "
            + "DO UPDATE SET b = excluded.b, (c, d) = (1, 2) RETURNING *",
        "INSERT INTO t SELECT * FROM u ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING",
        "WITH RECURSIVE r AS MATERIALIZED (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r",
        "WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved",
        "UPDATE t SET a = a + 1, b[1] = 2 FROM u WHERE t.id = u.id RETURNING t.a",
        "DELETE FROM t USING u WHERE t.id = u.id AND t.b = 'x' RETURNING *",
        "SELECT c FROM Customer c, c.orders o WHERE o.total > $1",
        "SELECT 1; SELECT * FROM a; INSERT INTO b VALUES (1)",
        "CREATE TABLE IF NOT EXISTS s.t (id bigserial PRIMARY KEY, a text NOT NULL DEFAULT 'x' REFERENCES u (id) "
            + "ON DELETE CASCADE, n numeric(12,2) CHECK (n > 0), c text COLLATE \"C\", "
            + "CONSTRAINT fk FOREIGN KEY (a, b) REFERENCES v (x, y), UNIQUE (n)) TABLESPACE ts",
        "CREATE TEMP TABLE t (a int) INHERITS (base)",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t USING gin (a, lower(b) DESC) INCLUDE (c) WHERE d > 5",
        "CREATE INDEX ON t (a text_pattern_ops)",
    ]

    /// Statements with a node the reader leaves to the JSON reader.
    static let others: [String] = [
        "SELECT * FROM t TABLESAMPLE SYSTEM (10)",
        "SELECT * FROM XMLTABLE('/r' PASSING x COLUMNS a int PATH 'a') t",
        "SELECT * FROM f() AS t(a int, b text)",
        "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r) CYCLE n SET seen USING path SELECT * FROM r",
        "SELECT 1; CREATE VIEW v AS SELECT 1",
        "CREATE TABLE t (a int, UNIQUE (a) WITH (fillfactor = 70))",
        "CREATE TABLE t (LIKE u INCLUDING ALL)",
        "CREATE TABLE t OF some_type (a WITH OPTIONS DEFAULT 1)",
        "CREATE TABLE t (a int) PARTITION BY RANGE (a)",
        "CREATE INDEX i ON t (a) WITH (fillfactor = 70)",
    ]

    /// Constants of every kind, in the places `pg_query_normalize` treats apart.
    static let constants: [String] = [
        "SELECT -1, - 2, -1.5, 'a'\n'b', E'x\\'y', $$q$$, B'10', X'1f', U&'d\\0061t', true, 1e5, "
            + "interval '1 day', 'x'::text, numeric(10,2) '3' FROM t",
        "SELECT U&'d\\0061t'   , 1 FROM t",
        "SELECT 1 FROM t WHERE a = - /* c */ 5 AND b = -- c\n -6 AND c = -  7",
        "SELECT 1 ORDER BY -1",
        "SELECT a FROM t GROUP BY 1 ORDER BY 1, 2.5, 'x'",
        "WITH x AS (SELECT 1) SELECT 2 FROM x ORDER BY 3.5 LIMIT 4 OFFSET 5",
        "select $1, 5, $3 from t where a = $10",
        "SELECT $tag$ x $tag$, N'abc', e'\\n', 'it''s' FROM t",
        "INSERT INTO t VALUES (1, 'a'), (2, NULL) ON CONFLICT ((lower(a) || 'x')) DO UPDATE SET b = 3 "
            + "WHERE t.c > 4 RETURNING 5",
        "UPDATE t SET a = 1, b = DEFAULT FROM u WHERE u.x = 'y' RETURNING a + 1",
        "DELETE FROM t WHERE c < now() - interval '30 days' AND d = ANY('{1,2}'::int[])",
        "SELECT * FROM t WHERE a IN (1, 2, 3) AND b BETWEEN 1 AND 10 AND c LIKE 'x%' AND d IS DISTINCT FROM 0.5",
        "SELECT CASE WHEN a > 1 THEN 'x' ELSE 'y' END, coalesce(b, 0), greatest(c, 1), ARRAY[1, 2], ROW(1, 'a'), "
            + "a[1], (b).f FROM t",
        "SELECT count(*) FILTER (WHERE a > 0) OVER (ORDER BY b ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t",
        "SELECT * FROM (SELECT 1 AS a) s JOIN LATERAL generate_series(1, 3) g ON true "
            + "WHERE EXISTS (SELECT 2) FOR UPDATE",
        "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3",
        "SELECT f(x => 1), 'a' COLLATE \"C\", 1::varchar(10), CAST('1' AS int) FROM t",
        "SELECT 'é', 1 FROM \"tä\" WHERE x = 'ü'",
        "SELECT 1 -- trailing comment",
        "  SELECT 1;",
        "SELECT 0.5, .5, 5., 1e-3, 1E+3 FROM t",
        "SELECT a FROM t LIMIT ALL",
        "SELECT a FROM t FETCH FIRST 3 ROWS ONLY",
        "SELECT x'ff'::bit(8), b'1'",
        "SELECT TRUE, FALSE, NULL, current_date, current_timestamp(3)",
        "SELECT 'a' || $1 || 'b'",
        "SELECT a FROM t WHERE b = $2",
        "SELECT a FROM t GROUP BY 1",
        "SELECT 'a' -- c\n, 'b', 'c'\n  AS x, '' , '''', 1.5e+3, 2E-2, 3., 7 FROM t WHERE a='x'AND b=-1",
        "SELECT 'a'/* c */, 1/2, 1-2, 4 -5, 6-7 FROM t",
    ]

    /// Whether ``RawTreeReader`` reads `sql`'s tree (rather than leaving it to the JSON reader).
    static func readsDirectly(_ sql: String) -> Bool {
        let context = pg_query_enter_memory_context()
        defer { pg_query_exit_memory_context(context) }
        let result = pg_query_raw_parse(sql)
        free(result.stderr_buffer)
        if let error = result.error { pg_query_free_error(error) }
        guard let tree = result.tree else { return false }
        return RawTreeReader.read(tree) != nil
    }

    @Test func normalizesAsLibpgQueryDoes() throws {
        let statements = Self.constants + Self.everyday + Self.others + ParseSummaryTests.statements
            + (try ParseSummaryTests.corpusStatements())
        for sql in statements {
            guard let summary = try? PgQuery.summarize(sql, normalizing: true),
                  let normalized = summary.normalized else { continue }
            #expect(normalized == (try PgQuery.normalize(sql)), "\(sql)")
        }
        for sql in Self.constants {
            #expect(try PgQuery.summarize(sql, normalizing: true).normalized != nil, "\(sql)")
        }
        // GROUP BY items share numbers with the target list; constants read twice share a location.
        for sql in ["SELECT a + 1 FROM t GROUP BY a + 1", "UPDATE t SET (a, b) = (1, 2)"] {
            #expect(try PgQuery.summarize(sql, normalizing: true).normalized == nil, "\(sql)")
            #expect(try PgQuery.summarize(sql).normalized == nil, "\(sql)")
        }
    }

    @Test func measuresPlainConstantsAsTheScannerDoes() throws {
        let statements = Self.constants + Self.everyday + ParseSummaryTests.statements
            + (try ParseSummaryTests.corpusStatements())
        var plain = 0
        for sql in statements {
            let context = pg_query_enter_memory_context()
            defer { pg_query_exit_memory_context(context) }
            let result = pg_query_raw_parse(sql)
            free(result.stderr_buffer)
            if let error = result.error { pg_query_free_error(error) }
            guard let tree = result.tree, let (_, constants) = RawTreeReader.read(tree) else { continue }
            sql.withCString { text in
                let count = strlen(text)
                let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
                for location in constants.locations {
                    guard let length = ConstantNormalizer.plainLength(at: Int(location), in: bytes, count: count) else {
                        continue
                    }
                    plain += 1
                    let scanned = ConstantNormalizer.scannedLength(at: Int(location), in: text)
                    #expect(length == scanned, "\(sql) @\(location)")
                }
            }
        }
        #expect(plain > 50)
    }

    @Test func tagsNameTheLibrarysNodes() {
        let context = pg_query_enter_memory_context()
        defer { pg_query_exit_memory_context(context) }
        let node = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
        defer { node.deallocate() }
        for tag in RawTreeReader.Tag.allCases {
            node.initializeMemory(as: UInt8.self, repeating: 0, count: 512)
            node.storeBytes(of: tag.rawValue, as: Int32.self)
            let json = pg_query_node_to_json(node).map { String(cString: $0) } ?? ""
            #expect(json.hasPrefix("{\"\(tag.name)\":"), "\(tag): \(json)")
        }
    }

    @Test func selfCheckPassesWithThisLibrary() {
        for sql in RawTreeReader.probes {
            #expect(RawTreeReader.readsAsJSON(sql), "\(sql)")
            #expect(Self.readsDirectly(sql), "\(sql)")
        }
        #expect(RawTreeReader.matchesLibrary)
    }

    @Test func readsEverydayStatementsDirectly() {
        for sql in Self.everyday { #expect(Self.readsDirectly(sql), "\(sql)") }
        for sql in Self.others { #expect(!Self.readsDirectly(sql), "\(sql)") }
    }

    @Test func matchesTheJSONReader() throws {
        let statements = Self.everyday + Self.others + ParseSummaryTests.statements
            + (try ParseSummaryTests.corpusStatements())
        for sql in statements {
            guard let reference = try? PgQuery.summarize(sql, readingTreeDirectly: false) else { continue }
            #expect(try PgQuery.summarize(sql) == reference, "\(sql)")
        }
    }
}
