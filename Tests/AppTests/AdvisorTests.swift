@testable import Advisor
@testable import CustomerDatabase
import Foundation
import Logging
@testable import PgQuery
import PostgresNIO
import Testing

/// The HypoPG index advisor on the sample shop database.
@Suite(.serialized) struct AdvisorTests {
    static func target() async throws -> TargetAccess {
        TargetDatabase(url: try TargetURL(parsing: try await SampleTargetDatabase.readerURL()),
                       logger: Logger(label: "advisor-test")).plannerAccess
    }

    static func indexes(_ sql: String) async throws -> [String] {
        let report = try await QueryOptimizer().optimize(sql, target: try await target())
        for index in report.index_recommendations {
            #expect(index.verified == "hypopg")
            #expect(index.cost_after < index.cost_before && index.improvement_pct >= 20)
            #expect(index.create_sql.hasPrefix("CREATE INDEX CONCURRENTLY"))
        }
        return report.index_recommendations.map { "\($0.table)(\($0.columns.joined(separator: ",")))" }
    }

    static let cases: [(String, [String])] = [
        ("SELECT id, total FROM orders WHERE customer_id = 42", ["public.orders(customer_id)"]),
        ("SELECT id FROM orders WHERE created_at >= '2025-03-01' AND created_at < '2025-03-02'", ["public.orders(created_at)"]),
        ("SELECT i.order_id FROM order_items i JOIN products p ON p.id = i.product_id WHERE p.sku = 'SKU-00042'", ["public.order_items(product_id)"]),
        ("SELECT id FROM orders ORDER BY created_at DESC LIMIT 20", ["public.orders(created_at)"]),
        ("SELECT id FROM orders WHERE customer_id = $1", ["public.orders(customer_id)"]),
        ("SELECT email FROM customer_order_totals WHERE customer_id = 12", ["public.orders(customer_id)"]),
        ("SELECT id FROM events WHERE created_at > '2025-05-01' AND created_at < '2025-05-02' AND kind = 'cart'", ["public.events(created_at)"]),
        ("SELECT total FROM orders WHERE id = 5", []),
        ("SELECT id FROM customers WHERE country = 'DE' AND created_at > '2024-06-01'", []),
        ("SELECT id FROM products WHERE category = 'books'", []),
        ("SELECT \"Month\" FROM \"Reporting\".\"Monthly Sales\" WHERE \"Order Count\" > 100", []),
    ]

    @Test(arguments: cases.map(\.0))
    func recommendsTheExpectedIndex(_ sql: String) async throws {
        let expected = Self.cases.first { $0.0 == sql }!.1
        #expect(try await Self.indexes(sql) == expected, "\(sql)")
    }

    @Test func multiColumnCandidatesPutEqualityBeforeRange() throws {
        var catalog = SchemaCatalog()
        catalog.tables["orders"] = SchemaCatalog.Table(
            oid: "1", schema: "public", name: "orders", kind: "r", rowEstimate: 1000,
            columns: [("customer_id", "bigint"), ("created_at", "timestamptz"), ("status", "text")],
            indexes: [], foreignKeys: [], viewColumns: [:], leafPartitions: [])
        let tree = try PgQuery.parse("SELECT 1 FROM orders WHERE created_at > now() AND customer_id = 1 ORDER BY created_at")
        let candidates = CandidateGenerator().candidates(shape: QueryShape(tree: tree), catalog: catalog).map(\.columns)
        #expect(candidates.contains(["customer_id", "created_at"]))
        #expect(!candidates.contains(["created_at", "customer_id"]))
    }

    @Test func quotesIdentifiersInCreateStatements() {
        let candidate = IndexCandidate(schema: "Reporting", table: "Monthly Sales", columns: ["Order Count"])
        #expect(candidate.createSQL == #"CREATE INDEX CONCURRENTLY idx_monthly_sales_order_count ON "Reporting"."Monthly Sales" ("Order Count")"#)
        #expect(candidate.hypotheticalSQL == #"CREATE INDEX ON "Reporting"."Monthly Sales" ("Order Count")"#)
    }

    @Test func leavesNothingBehindOnTheTarget() async throws {
        let count = """
            SELECT count(*)::text FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
            """
        let before = try await SampleTargetDatabase.withSuperuser { try await $0.query(PostgresQuery(unsafeSQL: count), logger: Logger(label: "t")).first(as: String.self) }
        let checksum = try await SampleTargetDatabase.checksum()
        _ = try await Self.indexes("SELECT id FROM orders WHERE customer_id = 42 ORDER BY created_at")
        let after = try await SampleTargetDatabase.withSuperuser { try await $0.query(PostgresQuery(unsafeSQL: count), logger: Logger(label: "t")).first(as: String.self) }
        #expect(before == after)
        #expect(try await SampleTargetDatabase.checksum() == checksum)
        // Hypothetical indexes are per session: a session that ran the advisor ends with none.
        let leftover = ActorBox()
        try await (try await Self.target()).withSession { session in
            let report = try await QueryOptimizer().optimize("SELECT id FROM orders WHERE customer_id = 1", target: nil)
            #expect(report.index_recommendations.isEmpty)
            let probe = CostProbe(sql: "SELECT id FROM orders WHERE customer_id = 1", parameterCount: 0)
            let baseline = try await probe.estimate(on: session)
            let candidate = IndexCandidate(schema: "public", table: "orders", columns: ["customer_id"])
            _ = try await IndexAdvisor().analyze(candidates: [candidate], probe: probe, baseline: baseline, session: session)
            await leftover.set(try await session.rows("SELECT count(*)::text FROM hypopg_list_indexes", []).first?.first ?? nil)
        }
        #expect(await leftover.value == "0")
    }
}

actor ActorBox {
    var value: String?
    func set(_ value: String?) { self.value = value }
}
