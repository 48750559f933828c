import Core
@testable import CustomerDatabase
import Foundation
import Testing

/// What may run under EXPLAIN ANALYZE, decided from the parse tree alone.
@Suite("Explain statement guard")
struct ExplainGuardTests {
    static let refused: [(String, String)] = [
        ("", "empty_query"),
        ("  -- only a comment\n /* and another */ ", "empty_query"),
        ("SELEC 1", "syntax_error"),
        ("SELECT 1; DROP TABLE orders", "multiple_statements"),
        ("SELECT 1; -- harmless?\n DELETE FROM orders", "multiple_statements"),
        ("SELECT 1 /* ; */; COMMIT", "multiple_statements"),
        ("BEGIN", "statement_not_allowed"),
        ("COMMIT", "statement_not_allowed"),
        ("ROLLBACK", "statement_not_allowed"),
        ("SET work_mem = '1GB'", "statement_not_allowed"),
        ("RESET ALL", "statement_not_allowed"),
        ("SET LOCAL statement_timeout = 0", "statement_not_allowed"),
        ("COPY orders TO '/tmp/x'", "statement_not_allowed"),
        ("COPY (SELECT 1) TO STDOUT", "statement_not_allowed"),
        ("DROP TABLE orders", "statement_not_allowed"),
        ("CREATE TABLE x (id int)", "statement_not_allowed"),
        ("ALTER TABLE orders ADD COLUMN x int", "statement_not_allowed"),
        ("CREATE INDEX ON orders (customer_id)", "statement_not_allowed"),
        ("TRUNCATE orders", "statement_not_allowed"),
        ("GRANT ALL ON orders TO public", "statement_not_allowed"),
        ("DO $$ BEGIN PERFORM 1; END $$", "statement_not_allowed"),
        ("CALL some_procedure()", "statement_not_allowed"),
        ("LISTEN channel", "statement_not_allowed"),
        ("NOTIFY channel, 'x'", "statement_not_allowed"),
        ("VACUUM orders", "statement_not_allowed"),
        ("ANALYZE orders", "statement_not_allowed"),
        ("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE", "statement_not_allowed"),
        ("PREPARE p AS SELECT 1", "statement_not_allowed"),
        ("EXECUTE p", "statement_not_allowed"),
        ("EXPLAIN ANALYZE DELETE FROM orders", "statement_not_allowed"),
        ("SELECT * INTO copy_of_orders FROM orders", "statement_not_allowed"),
        ("DECLARE c CURSOR FOR SELECT 1", "statement_not_allowed"),
        ("SELECT pg_advisory_lock(42)", "function_not_allowed"),
        ("SELECT pg_catalog.pg_try_advisory_xact_lock(1)", "function_not_allowed"),
        ("SELECT * FROM dblink('host=x', 'SELECT 1') AS t(a int)", "function_not_allowed"),
        ("SELECT dblink_exec('host=x', 'DROP TABLE orders')", "function_not_allowed"),
        ("SELECT pg_terminate_backend(pid) FROM pg_stat_activity", "function_not_allowed"),
        ("SELECT pg_cancel_backend(1)", "function_not_allowed"),
        ("SELECT pg_reload_conf()", "function_not_allowed"),
        ("SELECT pg_read_file('/etc/passwd')", "function_not_allowed"),
        ("SELECT * FROM pg_ls_dir('.')", "function_not_allowed"),
        ("SELECT lo_import('/etc/passwd')", "function_not_allowed"),
        ("SELECT set_config('statement_timeout', '0', false)", "function_not_allowed"),
        ("SELECT nextval('orders_id_seq')", "function_not_allowed"),
        ("SELECT setval('orders_id_seq', 1)", "function_not_allowed"),
        ("SELECT query_to_xml('SELECT pg_advisory_lock(1)', true, true, '')", "function_not_allowed"),
        ("SELECT id FROM orders WHERE id IN (SELECT PG_ADVISORY_LOCK(id) FROM orders)", "function_not_allowed"),
        ("SELECT * FROM ts_stat('SELECT pg_advisory_lock(1)::text::tsvector')", "function_not_allowed"),
        ("SELECT ts_rewrite('a'::tsquery, 'SELECT pg_advisory_lock(1)')", "function_not_allowed"),
        ("SELECT * FROM crosstab('SELECT 1') AS t(a int)", "function_not_allowed"),
        ("SELECT * FROM ROWS FROM (pg_advisory_lock(7)) AS t", "function_not_allowed"),
        ("SELECT * FROM orders WHERE id = $1", "parameters_not_supported"),
        ("INSERT INTO products (sku, name, category, price) VALUES ('x', 'x', 'x', 1)", "writes_not_allowed"),
        ("UPDATE orders SET status = 'x'", "writes_not_allowed"),
        ("DELETE FROM orders", "writes_not_allowed"),
        ("WITH gone AS (DELETE FROM orders RETURNING id) SELECT count(*) FROM gone", "writes_not_allowed"),
        ("MERGE INTO orders o USING orders s ON o.id = s.id WHEN MATCHED THEN DELETE", "writes_not_allowed"),
    ]

    @Test("refused statements get a clear 422 code", arguments: refused)
    func refusedStatements(sql: String, code: String) {
        do {
            let statement = try StatementGuard.check(sql, allowWrites: false)
            Issue.record("accepted \(sql) as \(statement.kind)")
        } catch let error as TargetError {
            #expect(error.code == code, "\(sql): \(error.message)")
            #expect(error.kind == .refusedQuery)  // 422 over HTTP
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("reads pass; writes pass only with the opt-in; the text is the single statement")
    func accepted() throws {
        let read = try StatementGuard.check("/* hi */ SELECT 1; -- bye", allowWrites: false)
        #expect(read.access == .read)
        #expect(!read.sql.contains("bye") && !read.sql.hasSuffix(";"))
        #expect(!read.fingerprint.isEmpty)
        #expect(try StatementGuard.check("WITH x AS (SELECT 1) SELECT * FROM x", allowWrites: false).access == .read)
        #expect(try StatementGuard.check("SELECT pg_sleep(0.1)", allowWrites: false).access == .read)
        let write = try StatementGuard.check("WITH d AS (DELETE FROM orders RETURNING id) SELECT count(*) FROM d", allowWrites: true)
        #expect(write.access == .write)
        #expect(try StatementGuard.check("UPDATE orders SET status = 'x' WHERE id = 1", allowWrites: true).access == .write)
        // Functions are refused even for opted-in writes.
        #expect(throws: TargetError.self) { try StatementGuard.check("SELECT nextval('s')", allowWrites: true) }
        #expect(throws: TargetError.self) {
            try StatementGuard.check("INSERT INTO t SELECT 1 RETURNING pg_advisory_lock(1)", allowWrites: true)
        }
        #expect(throws: TargetError.self) { try StatementGuard.check("DROP TABLE orders", allowWrites: true) }
    }
}
