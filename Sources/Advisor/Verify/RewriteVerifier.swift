import CustomerDatabase
import Foundation
import PgQuery

/// Checks a proposed rewrite before it is shown: it must parse, be exactly one statement of the
/// same kind (SELECT and WITH … SELECT count as one kind) over the same tables; only then is its
/// planner cost compared with the original's (EXPLAIN without ANALYZE, in a read-only
/// transaction that is rolled back). A rewrite that fails the static checks is never sent to the
/// database.
public struct RewriteVerifier: Sendable {
    /// The original statement's kind and its tables (relation names).
    public let originalKind: String
    public let originalTables: Set<String>

    public init(original tree: ParseTree) {
        originalKind = Self.family(tree.statementKind ?? "")
        originalTables = Self.tables(tree)
    }

    /// The static verdict: `nil` when the rewrite may be planned, else why it is rejected.
    public func rejection(of sql: String) -> String? {
        let tree: ParseTree
        do {
            tree = try PgQuery.parse(sql)
        } catch {
            return "it does not parse: \(error)"
        }
        let statements = tree.statements
        guard statements.count == 1 else { return "it is \(statements.count) statements, not one" }
        let kind = Self.family(statements[0].kind)
        guard kind == originalKind else { return "it is a \(statements[0].kind.uppercased()) statement, not a \(originalKind.uppercased())" }
        let tables = Self.tables(tree)
        guard tables == originalTables else {
            return "it reads other tables (\(tables.sorted().joined(separator: ", "))) than the query (\(originalTables.sorted().joined(separator: ", ")))"
        }
        return nil
    }

    /// A labelled rewrite: `rejected` without touching the database, `unverified` without a
    /// session or when the planner refuses it, `planner` with both costs otherwise.
    public func verify(_ proposal: RuleRewrite, source: String, baseline: PlanEstimate?,
                       session: (any PlannerSession)?) async -> Rewrite {
        if let reason = rejection(of: proposal.sql) {
            return Rewrite(sql: proposal.sql, rationale: proposal.rationale, source: source, verified: "rejected", reason: reason)
        }
        guard let session, let baseline else {
            return Rewrite(sql: proposal.sql, rationale: proposal.rationale, source: source, verified: "unverified",
                           reason: "no database to compare planner costs with")
        }
        let text = Self.statementText(proposal.sql)
        let parameters = (try? PgQuery.parse(text)).map { QueryShape(tree: $0).parameterCount } ?? 0
        do {
            let estimate = try await ReadOnlyTransaction.run(on: session) {
                let probe = CostProbe(sql: text, parameterCount: parameters)
                let estimate = try await probe.estimate(on: session)
                try await probe.finish(on: session)
                return estimate
            }
            return Rewrite(sql: proposal.sql, rationale: proposal.rationale, source: source, verified: "planner",
                           cost_before: baseline.totalCost, cost_after: estimate.totalCost)
        } catch {
            return Rewrite(sql: proposal.sql, rationale: proposal.rationale, source: source, verified: "unverified",
                           cost_before: baseline.totalCost, reason: "the planner could not plan it: \(PlannerError.message(error))")
        }
    }

    /// The statement without a trailing semicolon.
    static func statementText(_ sql: String) -> String {
        (try? PgQuery.split(sql).first?.text) ?? sql
    }

    private static func family(_ kind: String) -> String {
        kind == "with" ? "select" : kind
    }

    private static func tables(_ tree: ParseTree) -> Set<String> {
        let ctes = tree.cteNames
        return Set(tree.rangeVars.filter { $0.schema != nil || !ctes.contains($0.name) }.map(\.name))
    }
}
