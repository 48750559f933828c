import Foundation
import Testing
@testable import WorkloadAnalysis

/// Index hygiene verdicts and workload aggregation on catalog rows written out (no database).
@Suite struct WorkloadHygieneTests {
    static func index(_ name: String, _ keys: [String], table: String = "t", method: String = "btree",
                      predicate: String? = nil, unique: Bool = false, primary: Bool = false, constraint: Bool = false,
                      valid: Bool = true, scans: Int = 0, oid: Int) -> IndexHygiene.IndexInfo {
        let json: [String: Any?] = [
            "schema": "public", "name": name, "table": table, "method": method, "keys": keys,
            "signature": "1|0|0|{}", "predicate": predicate, "unique": unique, "primary": primary,
            "constraint": constraint, "valid": valid, "scans": scans, "size": 8192 * oid, "oid": oid,
        ]
        let data = try! JSONSerialization.data(withJSONObject: json.mapValues { $0 ?? NSNull() })
        return try! JSONDecoder().decode(IndexHygiene.IndexInfo.self, from: data)
    }

    /// (indexes, expected "dropped of kept (reason)" pairs).
    static let duplicateCases: [(String, [IndexHygiene.IndexInfo], Set<String>)] = [
        ("identical to the primary key", [index("t_pkey", ["id"], primary: true, constraint: true, oid: 1), index("t_id", ["id"], oid: 2)],
         ["public.t_id of public.t_pkey (identical)"]),
        ("two identical plain indexes: the newer goes", [index("a1", ["a"], oid: 3), index("a2", ["a"], oid: 4)],
         ["public.a2 of public.a1 (identical)"]),
        ("a leading prefix", [index("ab", ["a", "b"], oid: 5), index("a", ["a"], oid: 6)], ["public.a of public.ab (prefix)"]),
        ("not a prefix: another leading column", [index("ba", ["b", "a"], oid: 7), index("a", ["a"], oid: 8)], []),
        ("a unique prefix enforces something", [index("ab", ["a", "b"], oid: 9), index("a_key", ["a"], unique: true, oid: 10)], []),
        ("another predicate", [index("ab", ["a", "b"], predicate: "(b > 0)", oid: 11), index("a", ["a"], oid: 12)], []),
        ("another method", [index("ab", ["a", "b"], oid: 13), index("a_hash", ["a"], method: "hash", oid: 14)], []),
        ("another table", [index("ab", ["a", "b"], oid: 15), index("a", ["a"], table: "u", oid: 16)], []),
        ("an expression is never a prefix", [index("lower_ab", ["lower(a)", "b"], oid: 17), index("lower_a", ["lower(a)"], oid: 18)], []),
        ("an invalid index is not a duplicate", [index("a1", ["a"], oid: 19), index("a2", ["a"], valid: false, oid: 20)], []),
    ]

    @Test(arguments: duplicateCases.map(\.0))
    func duplicates(_ label: String) {
        let (_, indexes, expected) = Self.duplicateCases.first { $0.0 == label }!
        let found = IndexHygiene().duplicates(indexes).map {
            "\($0.index) of \($0.duplicate_of) (\($0.reason.split(separator: ":").first ?? ""))"
        }
        #expect(Set(found) == expected, "\(label)")
        #expect(found.count == expected.count, "each index is reported once")
    }

    @Test func unusedSkipsWhatEnforcesSomethingAndWhatIsScanned() {
        let indexes = [
            Self.index("t_pkey", ["id"], primary: true, constraint: true, oid: 1),
            Self.index("t_email_key", ["email"], unique: true, oid: 2),
            Self.index("t_fk_backing", ["x"], constraint: true, oid: 3),
            Self.index("t_used", ["a"], scans: 12, oid: 4),
            Self.index("t_unused", ["b"], oid: 5),
            Self.index("t_invalid", ["c"], valid: false, oid: 6),
        ]
        let hygiene = IndexHygiene()
        #expect(hygiene.unused(indexes).map(\.index) == ["public.t_unused"])
        #expect(hygiene.unused(indexes).first?.drop_sql == "DROP INDEX CONCURRENTLY public.t_unused;")
        #expect(hygiene.invalid(indexes).map(\.index) == ["public.t_invalid"])
        #expect(IndexHygiene.IndexInfo.quote("Monthly Sales_pkey") == "\"Monthly Sales_pkey\"")
    }

    @Test func aggregationAddsRowsOfOneFingerprintAndListsUserStatementsOnly() {
        let rows = [
            StatementStats(query: "SELECT id FROM orders WHERE customer_id = $1", calls: 10, totalMS: 100, rows: 10),
            // Another user's row of the same shape (other spacing, another constant style).
            StatementStats(query: "select id from orders where customer_id = $1", calls: 5, totalMS: 50, rows: 5),
            StatementStats(query: "SELECT count(*) FROM order_items WHERE product_id = $1", calls: 2, totalMS: 300, rows: 2),
            StatementStats(query: "SET application_name = $1", calls: 100, totalMS: 20, rows: 0),
            StatementStats(query: "SELECT relname FROM pg_class WHERE oid = $1", calls: 7, totalMS: 30, rows: 7),
            StatementStats(query: "SELECT hypopg_reset()", calls: 3, totalMS: 1, rows: 3),
            StatementStats(query: "SELECT id FROM orders WHERE", calls: 1, totalMS: 5, rows: 0),
        ]
        let result = WorkloadAggregator().aggregate(rows)
        #expect(result.statements.map(\.calls) == [2, 15])
        #expect(result.statements.map(\.totalMS) == [300, 150])
        #expect(result.statements.last?.query == "SELECT id FROM orders WHERE customer_id = $1", "the costlier row's text")
        #expect(result.totalMS == 506)
        #expect(result.unparsed == 1)
        #expect(result.distinct == 5)
    }

    @Test func collectingSaysHowLong() {
        let now = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!
        let text = WorkloadAnalyzer.collecting(statements: "2026-11-19T12:00:00Z", indexes: nil, now: now)
        #expect(text.contains("since 2026-11-19T12:00:00Z (10 days)") && text.contains("never reset"), "\(text)")
    }
}
