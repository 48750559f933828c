import Foundation
import PgQuery

// MARK: - Rules on the statement's shape (targets, FROM, ORDER BY, LIMIT, set operations)

extension RuleCatalog {
    static let selectStar = Rule(
        id: "select_star", severity: .low,
        message: "SELECT * reads every column, defeats index-only scans and breaks when columns change",
        fix: "List only the columns the caller needs."
    ) { context in
        var hits: [String] = []
        var existsSubqueries: [JSONValue] = []
        context.tree.root.walk { key, value in
            if key == "SubLink", value["subLinkType"]?.stringValue == "EXISTS_SUBLINK", let sub = value["subselect"]?.node("SelectStmt") {
                existsSubqueries.append(sub)
            }
        }
        for select in context.selects where !existsSubqueries.contains(select) {
            for target in select["targetList"]?.arrayValue ?? [] {
                if let fields = target.node("ResTarget")?["val"]?.columnRefFields, fields.last == "*" {
                    hits.append(fields.joined(separator: "."))
                }
            }
        }
        return hits
    }

    static let largeOffset = Rule(
        id: "large_offset", severity: .medium,
        message: "OFFSET pagination reads and discards every skipped row; deep pages get slower and slower",
        fix: "Use keyset pagination: WHERE (sort_key, id) > (:last_sort_key, :last_id) ORDER BY sort_key, id LIMIT n."
    ) { context in
        context.selects.compactMap { select in
            guard let offset = select["limitOffset"] else { return nil }
            if let text = offset.node("A_Const")?.constantText, let value = Int(text) {
                return value >= 1000 ? "OFFSET \(value)" : nil
            }
            return offset.node("ParamRef") != nil ? "OFFSET parameter" : nil
        }
    }

    static let implicitCrossJoin = Rule(
        id: "implicit_cross_join", severity: .high,
        message: "Tables listed with commas have no join condition between them: a cartesian product",
        fix: "Write explicit JOIN … ON with the join condition (or CROSS JOIN if the product is intended)."
    ) { context in
        context.selects.compactMap { select in
            let items = (select["fromClause"]?.arrayValue ?? []).compactMap { item -> String? in
                if let range = item.node("RangeVar") {
                    return range["alias"]?["aliasname"]?.stringValue ?? range["relname"]?.stringValue
                }
                if let sub = item.node("RangeSubselect") { return sub["alias"]?["aliasname"]?.stringValue ?? "subquery" }
                if let function = item.node("RangeFunction") { return function["alias"]?["aliasname"]?.stringValue ?? "function" }
                return item.node("JoinExpr") != nil ? "join" : nil
            }
            guard items.count > 1, !items.contains("join"), !items.contains("function") else { return nil }
            return Self.connected(items, by: select["whereClause"]) ? nil : items.joined(separator: ", ")
        }
    }

    /// Whether column-to-column equalities in `predicate` link every item of a comma join.
    private static func connected(_ items: [String], by predicate: JSONValue?) -> Bool {
        guard let predicate else { return false }
        var parent = Dictionary(uniqueKeysWithValues: items.map { ($0, $0) })
        func root(_ item: String) -> String {
            var current = item
            while let next = parent[current], next != current { current = next }
            return current
        }
        var sawUnqualified = false
        for expression in RuleHelpers.expressions(in: predicate) {
            guard expression.operatorName == "=",
                  let left = expression["lexpr"]?.columnRefFields, let right = expression["rexpr"]?.columnRefFields else { continue }
            guard left.count > 1, right.count > 1 else {
                sawUnqualified = true
                continue
            }
            let a = left[left.count - 2], b = right[right.count - 2]
            if parent[a] != nil, parent[b] != nil { parent[root(a)] = root(b) }
        }
        return sawUnqualified || Set(items.map(root)).count == 1
    }

    static let distinctOverJoin = Rule(
        id: "distinct_over_join", severity: .low,
        message: "DISTINCT over a join often hides a join fan-out (duplicate rows produced, then removed by a sort or hash)",
        fix: "Use EXISTS / a semi-join for the filtering table, or join on the full key so no duplicates are produced."
    ) { context in
        context.selects.compactMap { select in
            guard select["distinctClause"] != nil else { return nil }
            let from = select["fromClause"]?.arrayValue ?? []
            return from.count > 1 || from.contains { $0.node("JoinExpr") != nil } ? "DISTINCT" : nil
        }
    }

    static let orderByRandom = Rule(
        id: "order_by_random", severity: .medium,
        message: "ORDER BY random() sorts the whole table to pick a few rows",
        fix: "Use TABLESAMPLE SYSTEM/BERNOULLI, or pick random ids in a known range and fetch them by key."
    ) { context in
        context.selects.flatMap { select in
            (select["sortClause"]?.arrayValue ?? []).compactMap { sort in
                let name = sort.node("SortBy")?["node"]?.node("FuncCall")?.functionName
                return name == "random" || name == "pg_catalog.random" ? "random()" : nil
            }
        }
    }

    static let unionWithoutAll = Rule(
        id: "union_without_all", severity: .low,
        message: "UNION removes duplicates with a sort or hash over both branches",
        fix: "Use UNION ALL when the branches cannot overlap (or duplicates do not matter).",
        rewrite: { context in
            guard let sql = SQLText.replacingUnionWithUnionAll(context.sql) else { return nil }
            return RuleRewrite(sql: sql, rationale: "UNION ALL skips the duplicate-removal step; equivalent only when the branches are disjoint or duplicates are acceptable.")
        }
    ) { context in
        context.selects.compactMap { select in
            select["op"]?.stringValue == "SETOP_UNION" && select["all"] == nil ? "UNION" : nil
        }
    }
}
