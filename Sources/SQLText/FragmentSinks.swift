import SourceLexing

/// Where a piece of SQL handed to an ORM goes in the statement the ORM builds.
package enum FragmentClause {
    case condition, ordering, grouping, selection, pragma
    /// A join (`joins("LEFT JOIN …")`) or a locking clause (`lock("FOR NO KEY UPDATE")`).
    case join, locking
    /// Assignments of an UPDATE (bun's `Set("status = ?", s)`).
    case assignment
    /// A piece an SQL tagged template builds (`sql`and t.type = ${type}``, Drizzle's
    /// `sql`now() + ${window}``): a condition, a join or an expression.
    case taggedPiece
    /// A select list handed to a method that also takes bare column names (`select(…)`,
    /// `Arel.sql(…)`): SQL only with a call or an alias (`COUNT(*) AS n`), not `t.*` or `a-b.id`.
    case selectList
}

/// The names that make a string a piece of SQL for an ORM (a fragment): the methods that take one,
/// the calls that mark one, and the names of the variables and collections that keep one.
package enum FragmentSinks {
    /// Lower-cased ORM methods and the clause their first string argument fills.
    package static let sinks: [String: FragmentClause] = [
        "where": .condition, "wherenot": .condition, "orwhere": .condition, "rewhere": .condition,
        "having": .condition, "whereraw": .condition, "orwhereraw": .condition, "havingraw": .condition,
        "andwhere": .condition, "andhaving": .condition, "orhaving": .condition, "condition": .condition,
        "orhavingraw": .condition, "update_all": .condition, "extra": .condition, "filter": .condition,
        "first": .condition, "find": .condition, "last": .condition, "take": .condition,
        "order": .ordering, "reorder": .ordering, "orderbyraw": .ordering, "order_by": .ordering, "orderby": .ordering,
        "not": .condition, "joins": .join, "lock": .locking, "join": .join, "leftjoin": .join, "rightjoin": .join,
        "innerjoin": .join, "crossjoin": .join, "joinraw": .join, "expr": .condition, "wherein": .condition, "set": .assignment,
        "columnexpr": .selection, "concatexpr": .selection,
        "sum": .selection, "average": .selection, "minimum": .selection, "maximum": .selection,
        "groupbyraw": .grouping, "group": .grouping,
        "selectraw": .selection, "raw": .selection, "pluck": .selection, "select": .selectList, "sql": .selectList,
        "pragma": .pragma, "addcondition": .condition, "setwhereclause": .condition,
    ]

    /// The clause the sink `name` fills in `language`, or `nil`. Some sink names are other methods
    /// in some languages: jQuery's `find`, `filter` and `not` take CSS selectors
    /// (`find('input[name="key"]')`), and only Ruby's ORMs take a condition as the first argument
    /// of `find`, `first`, `last` or `take` (Sequel's `first("…")`).
    package static func clause(forSink name: String, language: SQLLanguage) -> FragmentClause? {
        guard let clause = sinks[name] else {
            // squirrel's `Columns("coalesce(starred, 0) as starred", …)`.
            if language == .go, selectListBuilders.contains(name) { return .selectList }
            // An application's finder given its condition: `GetCollectionBy("alias = ?", alias)`.
            return name.hasSuffix("by") && finderPrefixes.contains(where: name.hasPrefix) ? .condition : nil
        }
        switch name {
        case "find", "first", "last", "take": return language == .ruby ? clause : nil
        case "filter", "not": return language == .javascript || language == .typescript ? nil : clause
        default: return clause
        }
    }

    /// How the names of finders that take a condition open (`findBy`, `GetCollectionBy`, `countBy`).
    static let finderPrefixes = ["get", "find", "fetch", "load", "count", "delete", "exists"]

    /// Rails migration methods called without parentheses whose string argument is a condition.
    package static let commandSinks: NameSet = ["add_check_constraint"]

    /// Lower-cased calls that declare a check constraint, one of whose string arguments is its
    /// condition (SQLAlchemy's `CheckConstraint("…", name=…)`, Alembic's
    /// `op.create_check_constraint(name, table, "…")`, EF Core's `HasCheckConstraint(name, "…")`,
    /// Rails' `add_check_constraint(:t, "…")`); the others are names, which are no condition.
    package static let checkConstraints: NameSet = ["checkconstraint", "create_check_constraint", "hascheckconstraint",
                                            "add_check_constraint"]

    /// Lower-cased functions that mark their string as SQL for the call around them (SQLAlchemy's
    /// `text`, Sequelize's `literal`).
    package static let textWrappers: NameSet = ["text", "literal", "lit"]

    /// Lower-cased builder methods whose every string argument is an item of a select list
    /// (squirrel's `Select("a", "COALESCE(b, 0) AS b")`, `Columns(…)`).
    package static let selectListBuilders: NameSet = ["select", "columns"]

    /// Lower-cased methods that add an element to a collection (`conditions.Add(…)`,
    /// `wheres.append(…)`): a fragment when the collection is named for a clause.
    package static let collectors: NameSet = ["append", "add", "push", "push_back", "addcondition"]

    /// Lower-cased methods that append text to a statement being built: their string argument is a
    /// piece of that statement, never a fragment of its own.
    package static let statementBuilders = NameSet(CallNames.builderAppends.elements + ["concat", "write", "insert"])

    /// The clause a variable or collection holds, from its name (`where_conditions`, `extraClause`);
    /// `nil` for other names. Left out: `filter` (LDAP and search filters) and `order`/`sort`
    /// (Django keeps `"-created"` orderings in such lists).
    package static func clause(forPieceNamed name: String) -> FragmentClause? {
        if name.contains("order") || name.contains("sort") { return nil }
        // `updates = append(updates, "title = $1")`, `setValues`: assignments of an UPDATE.
        if name.contains("update") || name.contains("assign") || name.hasPrefix("setvalue") || name == "sets" || name == "set" {
            return .assignment
        }
        // `additionalJoin = "JOIN u ON …"`; `join_cond = "a.id = b.a_id"` is an ON condition.
        if name.contains("join") { return name.contains("cond") ? .condition : .join }
        // Android's `selection` (`db.query(table, columns, selection, args, …)`) is a WHERE condition.
        if name == "selection" { return .condition }
        for part in ["condition", "where", "clause", "criteri", "predicate", "having"] where name.contains(part) {
            return .condition
        }
        return name.hasSuffix("conds") || name == "cond" || name.hasSuffix("_cond") ? .condition : nil
    }
}
