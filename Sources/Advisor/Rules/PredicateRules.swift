import CustomerDatabase
import Foundation
import PgQuery

// MARK: - Rules on WHERE / JOIN / HAVING predicates

extension RuleCatalog {
    static let leadingWildcardLike = Rule(
        id: "leading_wildcard_like", severity: .medium,
        message: "LIKE/ILIKE with a leading wildcard cannot use a B-tree index and scans every row",
        fix: "Anchor the pattern at the start ('abc%'), or add a trigram index (CREATE EXTENSION pg_trgm; CREATE INDEX … USING gin (col gin_trgm_ops)) or full-text search."
    ) { context in
        context.predicates.flatMap(RuleHelpers.expressions).compactMap { expression in
            let kind = expression["kind"]?.stringValue ?? ""
            let op = expression.operatorName ?? ""
            guard kind == "AEXPR_LIKE" || kind == "AEXPR_ILIKE" || ["~~", "~~*"].contains(op),
                  let pattern = expression["rexpr"]?.node("A_Const")?.constantText,
                  pattern.hasPrefix("%") || pattern.hasPrefix("_") else { return nil }
            return expression["lexpr"].flatMap(RuleHelpers.columnText) ?? ""
        }
    }

    static let functionOnColumn = Rule(
        id: "function_on_column", severity: .medium,
        message: "A function or cast wraps a column in a condition, so an index on that column cannot be used",
        fix: "Compare the bare column (move the function to the other side, e.g. created_at >= date '2024-01-01' instead of date(created_at) = …), or create an expression index on exactly that expression."
    ) { context in
        context.predicates.flatMap(RuleHelpers.expressions).flatMap { expression -> [String] in
            guard let op = expression.operatorName, RuleHelpers.comparisons.contains(op) || op == "~~" else { return [] }
            return [expression["lexpr"], expression["rexpr"]].compactMap { side -> String? in
                guard let side, let (type, body) = side.node else { return nil }
                let wrapped: JSONValue?
                switch type {
                case "FuncCall": wrapped = body["args"]?.arrayValue.first { $0.columnRefFields != nil }
                case "TypeCast": wrapped = body["arg"].flatMap { $0.columnRefFields != nil ? $0 : nil }
                case "CoalesceExpr": wrapped = body["args"]?.arrayValue.first { $0.columnRefFields != nil }
                default: wrapped = nil
                }
                guard let wrapped, let column = RuleHelpers.columnText(wrapped) else { return nil }
                if let catalog = context.catalog, let table = RuleHelpers.table(for: column, context: context),
                   let info = catalog.table(table) {
                    let name = String(column.split(separator: ".").last ?? "")
                    return info.indexes.contains { $0.columns.first == name } ? column : nil
                }
                return column
            }
        }
    }

    static let nonSargableArithmetic = Rule(
        id: "non_sargable_arithmetic", severity: .medium,
        message: "Arithmetic on a column in a condition (e.g. col + 1 = 10) prevents index use",
        fix: "Move the arithmetic to the constant side: col = 10 - 1."
    ) { context in
        context.predicates.flatMap(RuleHelpers.expressions).compactMap { expression in
            guard let op = expression.operatorName, RuleHelpers.comparisons.contains(op) else { return nil }
            for (side, other) in [(expression["lexpr"], expression["rexpr"]), (expression["rexpr"], expression["lexpr"])] {
                guard let inner = side?.node("A_Expr"), let innerOp = inner.operatorName,
                      ["+", "-", "*", "/"].contains(innerOp),
                      let column = [inner["lexpr"], inner["rexpr"]].compactMap({ $0 }).first(where: { $0.columnRefFields != nil }),
                      RuleHelpers.columns(in: other ?? .null).isEmpty else { continue }
                return RuleHelpers.columnText(column)
            }
            return nil
        }
    }

    static let orAcrossColumns = Rule(
        id: "or_across_columns", severity: .low,
        message: "OR across different columns often defeats a single index and falls back to a sequential scan",
        fix: "Index each column and let PostgreSQL combine them (BitmapOr), or split into UNION ALL of index-friendly queries."
    ) { context in
        var hits: [String] = []
        for predicate in context.predicates {
            predicate.walk { key, value in
                guard key == "BoolExpr", value["boolop"]?.stringValue == "OR_EXPR" else { return }
                let columns = Set((value["args"]?.arrayValue ?? []).flatMap { RuleHelpers.columns(in: $0) })
                if columns.count > 1 { hits.append(columns.sorted().joined(separator: " OR ")) }
            }
        }
        return hits
    }

    static let notInSubquery = Rule(
        id: "not_in_subquery", severity: .high,
        message: "NOT IN (subquery) returns no rows when the subquery yields a NULL and cannot be planned as an anti-join",
        fix: "Use NOT EXISTS (SELECT 1 FROM … WHERE inner.col = outer.col)."
    ) { context in
        var hits: [String] = []
        context.tree.root.walk { key, value in
            guard key == "BoolExpr", value["boolop"]?.stringValue == "NOT_EXPR" else { return }
            for argument in value["args"]?.arrayValue ?? [] {
                if let link = argument.node("SubLink"), link["subLinkType"]?.stringValue == "ANY_SUBLINK" {
                    hits.append(link["testexpr"].flatMap(RuleHelpers.columnText) ?? "")
                }
            }
        }
        return hits
    }

    static let countForExistence = Rule(
        id: "count_for_existence", severity: .medium,
        message: "COUNT(*) compared with 0 or 1 counts every matching row just to test existence",
        fix: "Use EXISTS (SELECT 1 FROM … WHERE …), which stops at the first row."
    ) { context in
        var hits: [String] = []
        context.tree.root.walk { key, value in
            guard key == "A_Expr", let op = value.operatorName, [">", ">=", "=", "<>", "!=", "<"].contains(op),
                  let left = value["lexpr"], let right = value["rexpr"] else { return }
            if (RuleHelpers.isCount(left) && RuleHelpers.isInteger(right, in: [0, 1]))
                || (RuleHelpers.isCount(right) && RuleHelpers.isInteger(left, in: [0, 1])) {
                hits.append("count(*) \(op) …")
            }
        }
        return hits
    }
}
