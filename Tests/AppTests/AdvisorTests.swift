@testable import Advisor
@testable import App
@testable import CustomerDatabase
import Foundation
import Logging
@testable import PgQuery
import PostgresNIO
import TestDatabaseSupport
import Testing

/// The index advisor on the sample shop database (scripts/sample-db.sql + sample-db-advisor.sql):
/// one representative case per class of bench/advisor-cases.json, the why-not reasons, DDL that
/// runs as given, errors, and no trace on the target.
@Suite(.serialized) struct AdvisorTests {
    static func target() async throws -> TargetAccess {
        TargetDatabase(url: try TargetURL(parsing: try await SampleTargetDatabase.readerURL()),
                       logger: Logger(label: "advisor-test")).plannerAccess
    }

    static func advise(_ sql: String) async throws -> IndexAdvice {
        let advice = try await QueryOptimizer().adviseIndexes(for: sql, target: try await target())
        for index in advice.recommendations {
            if index.verified == "hypopg" {
                let after = try #require(index.cost_after)
                #expect(after < index.cost_before && (index.improvement_pct ?? 0) >= 20)
            } else {
                #expect(index.verified == "unverified" && index.method == "gin" && index.reason != nil)
            }
            #expect(index.statements.allSatisfy { $0.hasPrefix("CREATE INDEX") || $0.hasPrefix("ALTER INDEX") })
        }
        return advice
    }

    // MARK: - One case per class

    static let cases: [(class: String, sql: String, expected: [String])] = [
        ("order", "SELECT id, subject, created_at FROM tickets WHERE assignee_id = 17 ORDER BY created_at DESC LIMIT 20",
         ["tickets(assignee_id, created_at DESC)"]),
        ("order", "SELECT id, subject FROM tickets ORDER BY priority, created_at LIMIT 25", ["tickets(priority, created_at)"]),
        ("order", "SELECT id FROM tickets ORDER BY priority DESC, created_at LIMIT 25", ["tickets(priority DESC, created_at)"]),
        ("order", "SELECT id, subject FROM tickets WHERE assignee_id IS NULL AND created_at >= '2025-03-01' AND created_at < '2025-04-01' ORDER BY created_at",
         ["tickets(assignee_id, created_at)"]),
        ("position", "SELECT id, created_at FROM tickets WHERE assignee_id = 23 ORDER BY 2 DESC LIMIT 20", ["tickets(assignee_id, created_at DESC)"]),
        ("alias", "SELECT id, priority AS created_at FROM tickets WHERE assignee_id = 17 ORDER BY created_at DESC LIMIT 20",
         ["tickets(assignee_id, priority DESC)"]),
        ("view renaming columns", "SELECT ticket_no, title FROM ticket_overview WHERE agent = 9 ORDER BY opened_at DESC LIMIT 25",
         ["tickets(assignee_id, created_at DESC)"]),
        ("cte", "WITH t AS (SELECT * FROM tickets) SELECT id, subject FROM t WHERE customer_id = 99", ["tickets(customer_id)"]),
        ("subquery", "SELECT x.id FROM (SELECT id, customer_id, total FROM orders WHERE total > 100) AS x WHERE x.customer_id = 321",
         ["orders(customer_id)"]),
        ("join set", "SELECT sh.id, l.sku, l.quantity FROM suppliers AS s JOIN shipments AS sh ON sh.supplier_id = s.id JOIN shipment_lines AS l ON l.shipment_id = sh.id WHERE s.code = 'SUP-0042'",
         ["shipments(supplier_id)", "shipment_lines(shipment_id)"]),
        ("small table", "SELECT discount_pct FROM coupons WHERE code = 'COUPON-04242-ab9c5d3b7ed2fb0b4c1d0b66b6ec4ea5'", ["coupons(code)"]),
        ("small table", "SELECT name FROM warehouses WHERE code = 'WH-042'", []),
        ("trigram", "SELECT id, subject FROM tickets WHERE subject LIKE '%customs%'", ["tickets USING gin (subject gin_trgm_ops)"]),
        ("jsonb", "SELECT id FROM tickets WHERE attrs ? 'sla_breached'", ["tickets USING gin (attrs)"]),
        ("array", "SELECT id, subject FROM tickets WHERE tags && ARRAY['security']", ["tickets USING gin (tags)"]),
        ("partitioned", "SELECT id, kind, created_at FROM events ORDER BY created_at DESC LIMIT 10", ["events(created_at DESC)"]),
        ("partitioned", "SELECT id FROM events WHERE kind = 'checkout' AND created_at >= '2025-08-01' AND created_at < '2025-08-03'",
         ["events(kind, created_at)"]),
        ("params", "SELECT id, supplier_id FROM shipments WHERE warehouse_id = $1 AND shipped_on BETWEEN $2 AND $3",
         ["shipments(warehouse_id, shipped_on)"]),
        ("none", "SELECT subject FROM tickets WHERE id = 42", []),
        ("none", "SELECT id FROM tickets WHERE date(created_at) = '2025-03-01'", []),
    ]

    @Test(arguments: cases.indices)
    func recommendsTheExpectedIndexes(_ index: Int) async throws {
        let item = Self.cases[index]
        let advice = try await Self.advise(item.sql)
        #expect(Set(advice.recommendations.map(\.definition)) == Set(item.expected), "\(item.class): \(item.sql)")
        if advice.recommendations.isEmpty { #expect(!advice.whyNot.isEmpty, "nothing recommended must say why") }
        // Every emitted statement runs as given (on a schema-only copy of the sample database).
        try await DDLCheckDatabase.execute(advice.recommendations.flatMap(\.statements))
    }

    // MARK: - Why not

    static let reasons: [(sql: String, reason: WhyNot.Reason)] = [
        ("SELECT subject FROM tickets WHERE id = 42", .alreadyIndexed),
        ("SELECT name FROM warehouses WHERE code = 'WH-042'", .smallTable),
        ("SELECT id FROM tickets WHERE status = 'closed'", .seqScanPreferred),
        ("SELECT id, subject FROM tickets WHERE priority = 2", .belowThreshold),
        ("SELECT id FROM tickets WHERE date(created_at) = '2025-03-01'", .notIndexable),
        ("SELECT id FROM tickets WHERE subject LIKE '%zq%'", .notIndexable),
        ("SELECT count(*) FROM tickets WHERE subject LIKE '%ticket%'", .seqScanPreferred),
    ]

    @Test(arguments: reasons.indices)
    func saysWhyNothingIsRecommended(_ index: Int) async throws {
        let item = Self.reasons[index]
        let advice = try await Self.advise(item.sql)
        #expect(advice.recommendations.isEmpty, "\(item.sql)")
        #expect(advice.whyNot.map(\.reason).contains(item.reason), "\(item.sql): \(advice.whyNot)")
    }

    @Test func belowThresholdGivesTheNumbers() async throws {
        let advice = try await Self.advise("SELECT id, subject FROM tickets WHERE priority = 2")
        let entry = try #require(advice.whyNot.first { $0.reason == .belowThreshold })
        #expect(entry.message.contains("tickets(priority)") && entry.message.contains("20%") && entry.message.contains("50 units"))
    }

    // MARK: - DDL

    @Test func partitionedTablesGetOnOnlyConcurrentPartitionsAndAttach() async throws {
        let advice = try await Self.advise("SELECT customer_id, payload FROM events WHERE id = 4242")
        let index = try #require(advice.recommendations.first)
        #expect(index.definition == "events(id)")
        #expect(index.statements.first?.contains(" ON ONLY public.events ") == true)
        #expect(!index.statements[0].contains("CONCURRENTLY"))
        let partitions = index.statements.filter { $0.hasPrefix("CREATE INDEX CONCURRENTLY") }
        #expect(partitions.count >= 2)
        #expect(index.statements.filter { $0.contains("ATTACH PARTITION") }.count == partitions.count)
        #expect(index.reason?.contains("ON ONLY") == true)
        try await DDLCheckDatabase.execute(index.statements, expectValidParent: index.statements[0])
    }

    @Test func indexNamesFitAndAvoidExistingOnes() throws {
        let long = IndexCandidate(schema: "public", table: String(repeating: "very_long_table_name_", count: 3),
                                  columns: ["customer_id", "created_at"], descending: [false, true])
        #expect(long.baseName.utf8.count <= 63)
        let other = IndexCandidate(schema: "public", table: long.table, columns: ["customer_id", "created_at"])
        #expect(long.baseName != other.baseName, "cut names keep a hash of the whole name")
        let quoted = IndexCandidate(schema: "Reporting", table: "Monthly Sales", columns: ["Order Count"])
        #expect(quoted.statements(name: quoted.baseName, partitions: [], multiLevel: false, partitioned: false).statements
            == [#"CREATE INDEX CONCURRENTLY idx_monthly_sales_order_count ON "Reporting"."Monthly Sales" ("Order Count")"#])
        #expect(quoted.hypotheticalSQL == #"CREATE INDEX ON "Reporting"."Monthly Sales" ("Order Count")"#)
    }

    @Test func anExistingNameGetsASuffix() async throws {
        let schemaOnly = try await DDLCheckDatabase.url()
        try await DDLCheckDatabase.withConnection { connection in
            _ = try await connection.query("CREATE INDEX idx_tickets_customer_id ON tickets (status)", logger: TestDatabase.logger)
        }
        let access = TargetDatabase(url: try TargetURL(parsing: schemaOnly), logger: Logger(label: "t")).plannerAccess
        let box = ActorBox()
        try await access.withSession { session in
            let candidate = IndexCandidate(schema: "public", table: "tickets", columns: ["customer_id"])
            var catalog = SchemaCatalog()
            catalog.tables["public.tickets"] = SchemaCatalog.Table(
                oid: "0", schema: "public", name: "tickets", kind: "r", rowEstimate: 0, columns: [("customer_id", "bigint")],
                indexes: [], foreignKeys: [])
            let made = try await QueryOptimizer.recommendations(
                [.init(candidate: candidate, costBefore: 10, costAfter: 1, verified: "hypopg")], catalog, session)
            await box.set(made.first?.statements.first)
        }
        try await DDLCheckDatabase.withConnection { connection in
            _ = try await connection.query("DROP INDEX idx_tickets_customer_id", logger: TestDatabase.logger)
        }
        #expect(await box.value == "CREATE INDEX CONCURRENTLY idx_tickets_customer_id_2 ON public.tickets (customer_id)")
    }

    // MARK: - Errors, timings, trace

    @Test(arguments: ["SELECT id FROM no_such_table WHERE id = 1", "SELECT id FROM orders WHERE customer_id = 'abc'"])
    func plannerErrorsAreErrors(_ sql: String) async throws {
        await #expect {
            _ = try await QueryOptimizer().optimize(sql, target: try await Self.target())
        } throws: { error in
            (error as? TargetError)?.code == "query_error" && (error as? TargetError)?.kind == .refusedQuery
        }
    }

    @Test func reportsCarryTimings() async throws {
        let report = try await QueryOptimizer().optimize("SELECT id FROM orders WHERE customer_id = $1", target: try await Self.target())
        let timings = try #require(report.timings)
        #expect(timings.analysis_ms > 0 && timings.planner_calls >= 2)
        #expect((timings.connect_ms ?? -1) >= 0)
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(report)) as? [String: Any]
        #expect((json?["timings"] as? [String: Any])?["analysis_ms"] is Double)
    }

    @Test func leavesNothingBehindOnTheTarget() async throws {
        let count = "SELECT count(*)::text FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        let before = try await SampleTargetDatabase.withSuperuser { try await $0.query(PostgresQuery(unsafeSQL: count), logger: Logger(label: "t")).first(as: String.self) }
        let checksum = try await SampleTargetDatabase.checksum()
        _ = try await Self.advise("SELECT id FROM orders WHERE customer_id = 42 ORDER BY created_at")
        let after = try await SampleTargetDatabase.withSuperuser { try await $0.query(PostgresQuery(unsafeSQL: count), logger: Logger(label: "t")).first(as: String.self) }
        #expect(before == after)
        #expect(try await SampleTargetDatabase.checksum() == checksum)
        // Hypothetical indexes and prepared probes are per session: a session that ran the advisor ends with none.
        let leftover = ActorBox()
        try await (try await Self.target()).withSession { session in
            let access = TargetAccess { body in try await body(session) }
            _ = try await QueryOptimizer().adviseIndexes(for: "SELECT id FROM orders WHERE customer_id = $1", target: access)
            let left = try await session.rows(
                "SELECT (SELECT count(*) FROM hypopg_list_indexes) || '/' || (SELECT count(*) FROM pg_prepared_statements)", [])
            await leftover.set(left.first?.first ?? nil)
        }
        #expect(await leftover.value == "0/0")
    }

    @Test func hypopgIsCreatedInsideTheTransactionAndRolledBack() async throws {
        let url = try await BareDatabase.url()
        let target = TargetDatabase(url: try TargetURL(parsing: url), logger: Logger(label: "t")).plannerAccess
        let report = try await QueryOptimizer().optimize("SELECT id FROM items WHERE owner_id = 42", target: target)
        #expect(report.index_recommendations.map(\.definition) == ["items(owner_id)"])
        #expect(report.index_recommendations.first?.verified == "hypopg")
        #expect(report.findings.contains { $0.rule == "hypopg_temporary" })
        let installed = try await BareDatabase.withConnection { connection in
            try await connection.query("SELECT count(*)::int FROM pg_extension WHERE extname = 'hypopg'", logger: TestDatabase.logger)
                .first(as: Int.self)
        }
        #expect(installed == 0)
    }

    // MARK: - Shape

    @Test func orderByPositionAliasAndViewRenamesResolveToBaseColumns() async throws {
        let session = try await Self.target()
        let box = ShapeBox()
        try await session.withSession { session in
            let sql = "SELECT ticket_no, opened_at AS o FROM ticket_overview WHERE client_id = 3 ORDER BY 2 DESC, title"
            let tree = try PgQuery.parse(sql)
            let catalog = try await CatalogLoader().load(QueryOptimizer.references(tree), extensions: [], session: session)
            await box.set(IndexShape(tree: tree, catalog: catalog))
        }
        let uses = try #require(await box.value?.tables["public.tickets"])
        #expect(uses.equality == ["customer_id"])
        #expect(uses.orderings == [[.init(column: "created_at", descending: true), .init(column: "subject", descending: false)]])
    }
}

actor ActorBox {
    var value: String?
    func set(_ value: String?) { self.value = value }
}

actor ShapeBox {
    var value: IndexShape?
    func set(_ value: IndexShape) { self.value = value }
}
