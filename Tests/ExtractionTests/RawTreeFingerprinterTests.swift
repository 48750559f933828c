import CPgQuery
import Foundation
@testable import PgQuery
import Testing

/// ``RawTreeFingerprinter`` computes libpg_query's fingerprint from the parser's tree; these tests
/// check it against the library's own on statements that between them set every field it writes.
@Suite("Raw tree fingerprinter")
struct RawTreeFingerprinterTests {
    /// Statements the fingerprinter must compute, grouped by what they exercise.
    static let statements: [String] = [
        // Tables: schemas, aliases, digits in names, temporary tables, ONLY, catalogs.
        "SELECT a FROM s.t AS x, u y, orders_2024_01, t1a22b3, ONLY p, c.s.t",
        "SELECT a INTO TEMP copy FROM source",
        "SELECT a INTO UNLOGGED TABLE copy FROM source",
        "CREATE TEMP TABLE t12 (a int)",
        "CREATE UNLOGGED TABLE IF NOT EXISTS s.t (a int)",
        // Target lists: names, repeats, stars, indirection.
        "SELECT a, a AS b, a AS c, t.*, *, (t.x).y, a[1], a[1:2], a[:3] FROM t",
        "SELECT a AS x, b FROM t UNION SELECT b, a FROM u",
        "SELECT f(a, b), f(b, a), g(a, a), h() FROM t",
        "SELECT DISTINCT a FROM t",
        "SELECT DISTINCT ON (a, b) a, b FROM t ORDER BY a, b DESC NULLS FIRST, c USING <",
        "SELECT ALL a FROM t",
        // Constants, parameters and casts, which count for nothing.
        "SELECT 1, 'x', 1.5, true, NULL, B'101', X'ff', $1, $2::text, '1'::int, 1::bigint, a::int[], "
            + "CAST(b AS varchar(10)), c::numeric(10, 2), d::double precision, e::timestamptz(3) FROM t",
        "SELECT a FROM t WHERE b = 1 AND c = 'x' AND d = $1 AND e = -5 AND f = 1e10",
        "SELECT interval '1 day', date '2024-01-01', array[1, 2]::int[], x::text::int FROM t",
        // Operators: IN, ANY, ALL, BETWEEN, LIKE, DISTINCT, NULLIF, operators of several names.
        "SELECT a FROM t WHERE a IN (1, 2, 3) AND b NOT IN (c, d, c) AND e = ANY($1) AND f <> ALL(ARRAY[1]) "
            + "AND g BETWEEN 1 AND 2 AND h NOT BETWEEN SYMMETRIC 3 AND 4 AND i LIKE 'x' AND j NOT ILIKE 'y' "
            + "AND k SIMILAR TO 'z' AND l IS DISTINCT FROM m AND n IS NOT DISTINCT FROM o AND NULLIF(p, q) > 0 "
            + "AND r OPERATOR(pg_catalog.+) s > 0 AND -t < 0 AND u IS NULL",
        "SELECT a FROM t WHERE a IN (1) OR a = ANY(b) OR a IN (SELECT x FROM u)",
        "SELECT a FROM t WHERE (a, b) IN ((1, 2), (3, 4)) AND (c, d) = (e, f)",
        // Boolean logic, NULL and boolean tests.
        "SELECT a FROM t WHERE NOT (a OR b OR a) AND c IS NULL AND d IS NOT NULL AND e IS TRUE AND f IS NOT FALSE "
            + "AND g IS UNKNOWN AND h IS NOT UNKNOWN AND i IS FALSE AND j IS NOT TRUE AND ROW(k, l) IS NULL",
        // CASE, COALESCE, GREATEST, LEAST, ROW, arrays, collations, named arguments, SQL functions.
        "SELECT CASE WHEN a > 1 THEN 'x' WHEN a > 2 THEN b ELSE c END, CASE a WHEN 1 THEN 2 END, "
            + "coalesce(a, b, a), greatest(a, b), least(b, a), ROW(a, b), (a, b), ARRAY[a, b], ARRAY[[1], [2]], "
            + "a COLLATE \"C\", f(x => 1, y := b), current_date, current_time(2), current_timestamp, localtime, "
            + "localtimestamp(1), current_role, current_user, session_user, user, current_catalog, "
            + "current_schema FROM t",
        // Aggregates and windows.
        "SELECT count(*), count(DISTINCT a), sum(a) FILTER (WHERE b > 0), string_agg(a, ',' ORDER BY a), "
            + "percentile_cont(0.5) WITHIN GROUP (ORDER BY a), f(VARIADIC ARRAY[1, 2]), "
            + "rank() OVER (PARTITION BY a, b ORDER BY c ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), "
            + "sum(a) OVER w, sum(b) OVER (w RANGE UNBOUNDED PRECEDING) FROM t WINDOW w AS (ORDER BY a)",
        "SELECT a, b, count(*) FROM t GROUP BY a, b HAVING count(*) > 1",
        "SELECT a FROM t GROUP BY DISTINCT ROLLUP (a, b), CUBE (c), GROUPING SETS ((a), (), (b, c))",
        // Joins and FROM items.
        "SELECT * FROM a JOIN b ON a.id = b.id LEFT JOIN c USING (id) RIGHT JOIN d ON true FULL JOIN e ON false "
            + "CROSS JOIN f NATURAL JOIN g JOIN h USING (x, y) AS j",
        "SELECT * FROM (SELECT 1) s, LATERAL (SELECT a FROM t) l, generate_series(1, 3) g(n), "
            + "LATERAL unnest(a) WITH ORDINALITY u, ROWS FROM (f(1), g(2)) r, f() AS x(a int, b text)",
        // Subqueries and set operations.
        "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u) AND a = (SELECT max(b) FROM u) AND c > ALL (SELECT d FROM v) "
            + "AND ARRAY(SELECT e FROM w) IS NOT NULL",
        "SELECT a FROM t UNION ALL SELECT b FROM u INTERSECT SELECT c FROM v EXCEPT ALL SELECT d FROM w",
        "(SELECT a FROM t ORDER BY a LIMIT 1) UNION (SELECT b FROM u) ORDER BY 1 LIMIT 5 OFFSET 2",
        "SELECT a FROM t LIMIT ALL",
        "SELECT a FROM t ORDER BY a FETCH FIRST 3 ROWS WITH TIES",
        "SELECT a FROM t FOR UPDATE OF t NOWAIT",
        "SELECT a FROM t FOR NO KEY UPDATE SKIP LOCKED FOR SHARE OF u FOR KEY SHARE",
        "VALUES (1, 'a'), (2, 'b'), (a, b), (a, b)",
        "SELECT * FROM (VALUES (1), (2)) v(x)",
        // CTEs.
        "WITH a AS (SELECT 1), b (x, y) AS MATERIALIZED (SELECT 2, 3), c AS NOT MATERIALIZED (SELECT * FROM a) "
            + "SELECT * FROM b",
        "WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r",
        "WITH moved AS (DELETE FROM a WHERE x RETURNING *) INSERT INTO b SELECT * FROM moved",
        "WITH u AS (UPDATE t SET a = 1 RETURNING a) SELECT * FROM u",
        // INSERT.
        "INSERT INTO t (a, b, c) VALUES (1, $1, DEFAULT) RETURNING a, b AS c",
        "INSERT INTO s.t AS x (b, a) SELECT a, b FROM u ON CONFLICT (a, lower(b) COLLATE \"C\" text_ops DESC) "
            + "WHERE c > 0 DO UPDATE SET b = excluded.b, (c, d) = (1, 2), e[1] = 3 WHERE x.f IS NULL",
        "INSERT INTO t VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING",
        "INSERT INTO t OVERRIDING SYSTEM VALUE VALUES (1)",
        "INSERT INTO t OVERRIDING USER VALUE VALUES (1)",
        "INSERT INTO t DEFAULT VALUES",
        // UPDATE and DELETE.
        "UPDATE ONLY t AS x SET a = a + 1, b = DEFAULT, (c, d) = (SELECT 1, 2) FROM u, v WHERE x.id = u.id "
            + "RETURNING *",
        "UPDATE t SET a = 1 WHERE b = 2 AND c = 3",
        "DELETE FROM t AS x USING u, v WHERE x.id = u.id RETURNING x.a",
        "DELETE FROM t",
        // Several statements.
        "SELECT 1; SELECT a FROM t; INSERT INTO b VALUES (1)",
        "SELECT a FROM t; SELECT a FROM t",
        // CREATE TABLE and CREATE INDEX.
        "CREATE TABLE IF NOT EXISTS s.t (id bigserial PRIMARY KEY, a text NOT NULL DEFAULT 'x' REFERENCES u (id) "
            + "ON DELETE CASCADE ON UPDATE SET NULL, n numeric(12,2) CHECK (n > 0) NO INHERIT, c text COLLATE \"C\", "
            + "d int[] UNIQUE NULLS NOT DISTINCT, e int GENERATED ALWAYS AS IDENTITY, "
            + "f int GENERATED BY DEFAULT AS IDENTITY, g int GENERATED ALWAYS AS (a + 1) STORED, h text COMPRESSION lz4, "
            + "CONSTRAINT fk FOREIGN KEY (a, b) REFERENCES v (x, y) MATCH FULL ON DELETE SET DEFAULT DEFERRABLE "
            + "INITIALLY DEFERRED, UNIQUE (n) INCLUDE (c), CHECK (a <> '') NOT VALID, EXCLUDE USING gist (c WITH &&) "
            + "WHERE (c > 0), PRIMARY KEY (id, a) USING INDEX TABLESPACE ts) INHERITS (base, other) TABLESPACE ts",
        "CREATE TABLE t (a int NULL, b serial, c int[3][], d \"char\") USING heap",
        "CREATE TEMP TABLE t (a int) ON COMMIT DROP",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t USING gin (a, lower(b) DESC, c NULLS FIRST) "
            + "INCLUDE (c, d) WHERE d > 5",
        "CREATE INDEX ON ONLY t (a text_pattern_ops ASC NULLS LAST, (b + 1) COLLATE \"C\") NULLS NOT DISTINCT "
            + "TABLESPACE ts",
    ]

    /// Statements with a node the fingerprinter leaves to the library.
    static let others: [String] = [
        "SELECT * FROM t TABLESAMPLE SYSTEM (10)",
        "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r) CYCLE n SET seen USING path SELECT * FROM r",
        "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r) SEARCH DEPTH FIRST BY n SET o SELECT * FROM r",
        "SELECT 1; CREATE VIEW v AS SELECT 1",
        "CREATE TABLE t (a int) PARTITION BY RANGE (a)",
        "SELECT xmlelement(name a)",
    ]

    /// The fingerprint of `sql` computed here and in the library, from one parse.
    static func fingerprints(_ sql: String) throws -> (direct: UInt64?, library: UInt64) {
        try #require(RawTreeFingerprinter.fingerprints(of: sql), "\(sql) does not parse")
    }

    @Test(arguments: statements)
    func fingerprintsAsTheLibrary(_ sql: String) throws {
        let (direct, library) = try Self.fingerprints(sql)
        #expect(direct != nil, "not fingerprinted: \(sql)")
        if let direct { #expect(direct == library, "\(sql)") }
    }

    @Test(arguments: others)
    func leavesOtherNodesToTheLibrary(_ sql: String) throws {
        #expect(try Self.fingerprints(sql).direct == nil, "\(sql)")
    }

    /// A statement deeper than the library walks (it stops at depth 100).
    @Test func cutsOffDeepTreesAsTheLibraryDoes() throws {
        for terms in [40, 49, 50, 51, 60, 120] {
            let sql = "SELECT " + (0..<terms).map { "a\($0 % 3)" }.joined(separator: " + ") + " FROM t"
            let (direct, library) = try Self.fingerprints(sql)
            #expect(direct == library, "\(terms) terms")
        }
        let nested = "SELECT " + String(repeating: "f(", count: 60) + "a" + String(repeating: ")", count: 60)
        let (direct, library) = try Self.fingerprints(nested)
        #expect(direct == library)
    }

    /// Statements whose fingerprint text outgrows the buffer's first block (1 KiB), also while a
    /// sorted list (the target list, the FROM list, VALUES rows) is being put in order.
    @Test(arguments: [1, 30, 300])
    func growsPastItsFirstBlock(_ count: Int) throws {
        let columns = (0..<count).map { "c\($0)" }.joined(separator: ", ")
        let tables = (0..<count).map { "t\($0)" }.joined(separator: ", ")
        let rows = (0..<count).map { "(\($0), 'v\($0)')" }.joined(separator: ", ")
        for sql in ["SELECT \(columns) FROM \(tables) WHERE c0 IN (SELECT \(columns) FROM \(tables))",
                    "INSERT INTO t (a, b) VALUES \(rows)"] {
            let (direct, library) = try Self.fingerprints(sql)
            #expect(direct == library, "\(count) items")
        }
    }

    @Test func fingerprintsEveryCorpusStatementAsTheLibrary() throws {
        var fingerprinted = 0
        for sql in try ParseSummaryTests.corpusStatements() + RawTreeReaderTests.everyday + RawTreeReaderTests.constants {
            guard let (direct, library) = RawTreeFingerprinter.fingerprints(of: sql), let direct else { continue }
            fingerprinted += 1
            #expect(direct == library, "\(sql)")
        }
        #expect(fingerprinted > 50)
    }

    @Test func summariesCarryTheLibrarysFingerprint() throws {
        for sql in Self.statements + Self.others {
            #expect(try PgQuery.summarize(sql).fingerprint == PgQuery.fingerprint(sql), "\(sql)")
        }
    }

    @Test func namesEnumValuesAsTheLibrary() {
        #expect(RawTreeFingerprinter.enumsMatchLibrary())
    }

    @Test func selfCheckPassesWithThisLibrary() {
        for sql in RawTreeFingerprinter.probes {
            #expect(RawTreeFingerprinter.fingerprintsAsLibrary(sql), "\(sql)")
        }
        #expect(RawTreeFingerprinter.matchesLibrary)
    }
}
