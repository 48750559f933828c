@testable import Advisor
@testable import CustomerDatabase
import Foundation
@testable import PgQuery
import Testing

/// Table-driven positive and negative cases for every rule (parse tree only, no database).
@Suite struct OptimizeRulesTests {
    static let cases: [(rule: String, hit: String, miss: String)] = [
        ("select_star", "SELECT * FROM orders", "SELECT id FROM orders WHERE EXISTS (SELECT * FROM customers c WHERE c.id = orders.customer_id)"),
        ("leading_wildcard_like", "SELECT id FROM customers WHERE email LIKE '%@example.com'", "SELECT id FROM customers WHERE email LIKE 'ann%'"),
        ("function_on_column", "SELECT id FROM orders WHERE date(created_at) = '2025-01-01'", "SELECT id FROM orders WHERE created_at >= '2025-01-01'"),
        ("non_sargable_arithmetic", "SELECT id FROM orders WHERE id + 1 = 10", "SELECT id FROM orders WHERE id = 10 - 1"),
        ("or_across_columns", "SELECT id FROM orders WHERE status = 'x' OR customer_id = 3", "SELECT id FROM orders WHERE status = 'x' OR status = 'y'"),
        ("not_in_subquery", "SELECT id FROM customers WHERE id NOT IN (SELECT customer_id FROM orders)", "SELECT id FROM customers WHERE id IN (SELECT customer_id FROM orders)"),
        ("large_offset", "SELECT id FROM orders ORDER BY id LIMIT 20 OFFSET 50000", "SELECT id FROM orders ORDER BY id LIMIT 20 OFFSET 20"),
        ("implicit_cross_join", "SELECT o.id FROM orders o, customers c WHERE o.total > 5", "SELECT o.id FROM orders o, customers c WHERE c.id = o.customer_id"),
        ("count_for_existence", "SELECT (SELECT count(*) FROM orders WHERE customer_id = 1) > 0", "SELECT count(*) FROM orders WHERE customer_id = 1"),
        ("distinct_over_join", "SELECT DISTINCT c.id FROM customers c JOIN orders o ON o.customer_id = c.id", "SELECT DISTINCT status FROM orders"),
        ("order_by_random", "SELECT id FROM products ORDER BY random() LIMIT 1", "SELECT id FROM products ORDER BY id LIMIT 1"),
        ("union_without_all", "SELECT id FROM orders UNION SELECT id FROM customers", "SELECT id FROM orders UNION ALL SELECT id FROM customers"),
    ]

    private func findings(_ sql: String) throws -> [String] {
        let tree = try PgQuery.parse(sql)
        let context = RuleContext(tree: tree, shape: QueryShape(tree: tree), catalog: nil, sql: sql)
        return RuleEngine().evaluate(context).findings.map(\.rule)
    }

    @Test(arguments: cases.map(\.rule))
    func ruleHitsItsPositiveCaseAndNotItsNegative(_ rule: String) throws {
        let entry = Self.cases.first { $0.rule == rule }!
        #expect(try findings(entry.hit).contains(rule), "\(rule) should flag: \(entry.hit)")
        #expect(!(try findings(entry.miss).contains(rule)), "\(rule) should not flag: \(entry.miss)")
    }

    @Test func everyRuleHasAMessageAndAFix() {
        for rule in RuleCatalog.all {
            #expect(!rule.message.isEmpty && !rule.fix.isEmpty, "\(rule.id)")
        }
        #expect(Set(RuleCatalog.all.map(\.id)).count == RuleCatalog.all.count)
    }

    @Test func unionRuleProposesUnionAllRewriteOutsideLiterals() throws {
        let sql = "SELECT 'a union b' AS t FROM orders UNION SELECT name FROM products -- union\n"
        let tree = try PgQuery.parse(sql)
        let rewrites = RuleEngine().evaluate(RuleContext(tree: tree, shape: QueryShape(tree: tree), catalog: nil, sql: sql)).rewrites
        #expect(rewrites.map(\.sql) == ["SELECT 'a union b' AS t FROM orders UNION ALL SELECT name FROM products -- union\n"])
    }

    @Test func shapeResolvesAliasesAndRoles() throws {
        let tree = try PgQuery.parse("""
            SELECT o.id FROM public.orders o JOIN customers c ON c.id = o.customer_id
            WHERE c.country = $1 AND o.created_at > $2 ORDER BY o.total
            """)
        let shape = QueryShape(tree: tree)
        let described = Set(shape.uses.map { "\($0.table?.name ?? "?").\($0.column):\($0.role)" })
        #expect(described == ["customers.id:join", "orders.customer_id:join", "customers.country:equality",
                              "orders.created_at:range", "orders.total:order"])
        #expect(shape.parameterCount == 2)
    }

    @Test func invalidQueryReportsParserPosition() {
        #expect(throws: QueryOptimizer.InvalidQuery.self) { try QueryOptimizer.parse("SELECT FROM WHERE") }
        do {
            _ = try QueryOptimizer.parse("SELECT id FORM orders")
        } catch {
            #expect(error.position ?? 0 > 0)
        }
        #expect(throws: QueryOptimizer.InvalidQuery.self) { try QueryOptimizer.parse("DROP TABLE orders") }
        #expect(throws: QueryOptimizer.InvalidQuery.self) { try QueryOptimizer.parse("SELECT 1; SELECT 2") }
    }
}
