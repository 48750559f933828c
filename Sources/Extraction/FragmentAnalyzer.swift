import Foundation
import PgQuery
import SourceLexing
import SQLText

/// A string literal handed to an ORM or query-builder method that takes a piece of SQL
/// (`where("name = ?")`, `orderByRaw('x DESC')`, `DB::raw('COUNT(*) AS total')`).
struct FragmentCandidate {
    /// Where the piece goes in the statement the ORM builds.
    enum Clause {
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

    var text: [UInt8]
    var line: Int
    var column: Int
    var clause: Clause
    /// A format call fills the text's slots (`"a = {}".format(a)`).
    var formatted = false
}

/// Decides whether a fragment candidate is SQL by parsing it inside the statement it belongs to
/// (`SELECT 1 WHERE …`, `SELECT 1 ORDER BY …`, `SELECT …`).
enum FragmentAnalyzer {
    /// Lower-cased ORM methods and the clause their first string argument fills.
    static let sinks: [String: FragmentCandidate.Clause] = [
        "where": .condition, "wherenot": .condition, "orwhere": .condition, "rewhere": .condition,
        "having": .condition, "whereraw": .condition, "orwhereraw": .condition, "havingraw": .condition,
        "andwhere": .condition, "andhaving": .condition, "orhaving": .condition, "condition": .condition,
        "orhavingraw": .condition, "update_all": .condition, "extra": .condition, "filter": .condition,
        "first": .condition, "find": .condition, "last": .condition, "take": .condition,
        "order": .ordering, "reorder": .ordering, "orderbyraw": .ordering, "order_by": .ordering, "orderby": .ordering,
        "not": .condition, "joins": .join, "lock": .locking, "join": .join, "leftjoin": .join, "rightjoin": .join,
        "innerjoin": .join, "crossjoin": .join, "joinraw": .join, "expr": .condition, "wherein": .condition, "set": .assignment,
        "columnexpr": .selection,
        "sum": .selection, "average": .selection, "minimum": .selection, "maximum": .selection,
        "groupbyraw": .grouping, "group": .grouping,
        "selectraw": .selection, "raw": .selection, "pluck": .selection, "select": .selectList, "sql": .selectList,
        "pragma": .pragma, "addcondition": .condition, "setwhereclause": .condition,
    ]

    /// The clause the sink `name` fills in `language`, or `nil`. Some sink names are other methods
    /// in some languages: jQuery's `find`, `filter` and `not` take CSS selectors
    /// (`find('input[name="key"]')`), and only Ruby's ORMs take a condition as the first argument
    /// of `find`, `first`, `last` or `take` (Sequel's `first("…")`).
    static func clause(forSink name: String, language: SQLLanguage) -> FragmentCandidate.Clause? {
        guard let clause = sinks[name] else { return nil }
        switch name {
        case "find", "first", "last", "take": return language == .ruby ? clause : nil
        case "filter", "not": return language == .javascript || language == .typescript ? nil : clause
        default: return clause
        }
    }

    /// Rails migration methods called without parentheses whose string argument is a condition.
    static let commandSinks: NameSet = ["add_check_constraint"]

    /// Lower-cased calls that declare a check constraint, one of whose string arguments is its
    /// condition (SQLAlchemy's `CheckConstraint("…", name=…)`, Alembic's
    /// `op.create_check_constraint(name, table, "…")`, EF Core's `HasCheckConstraint(name, "…")`,
    /// Rails' `add_check_constraint(:t, "…")`); the others are names, which are no condition.
    static let checkConstraints: NameSet = ["checkconstraint", "create_check_constraint", "hascheckconstraint",
                                            "add_check_constraint"]

    /// Lower-cased functions that mark their string as SQL for the call around them (SQLAlchemy's
    /// `text`, Sequelize's `literal`).
    static let textWrappers: NameSet = ["text", "literal", "lit"]

    /// Lower-cased builder methods whose every string argument is an item of a select list
    /// (squirrel's `Select("a", "COALESCE(b, 0) AS b")`, `Columns(…)`).
    static let selectListBuilders: NameSet = ["select", "columns"]

    /// Lower-cased methods that add an element to a collection (`conditions.Add(…)`,
    /// `wheres.append(…)`): a fragment when the collection is named for a clause.
    static let collectors: NameSet = ["append", "add", "push", "push_back", "addcondition"]

    /// Lower-cased methods that append text to a statement being built: their string argument is a
    /// piece of that statement, never a fragment of its own.
    static let statementBuilders = NameSet(CallNames.builderAppends.elements + ["concat", "write", "insert"])

    /// The clause a variable or collection holds, from its name (`where_conditions`, `extraClause`);
    /// `nil` for other names. Left out: `filter` (LDAP and search filters) and `order`/`sort`
    /// (Django keeps `"-created"` orderings in such lists).
    static func clause(forPieceNamed name: String) -> FragmentCandidate.Clause? {
        if name.contains("order") || name.contains("sort") { return nil }
        // `updates = append(updates, "title = $1")`, `setValues`: assignments of an UPDATE.
        if name.contains("update") || name.contains("assign") || name.hasPrefix("setvalue") || name == "sets" {
            return .assignment
        }
        // `additionalJoin = "JOIN u ON …"`; `join_cond = "a.id = b.a_id"` is an ON condition.
        if name.contains("join") { return name.contains("cond") ? .condition : .join }
        for part in ["condition", "where", "clause", "criteri", "predicate"] where name.contains(part) {
            return .condition
        }
        return name.hasSuffix("conds") || name == "cond" || name.hasSuffix("_cond") ? .condition : nil
    }

    /// The analysis of a fragment, or `nil` when it is not SQL (a bare identifier, prose).
    static func analyze(_ candidate: FragmentCandidate) -> StatementAnalysis? {
        // `{0}` slots (jOOQ's templates, .NET's and Python's format strings) are run-time pieces.
        let formatted = candidate.formatted || FragmentText.hasIndexedSlot(candidate.text)
        for mode in PlaceholderNormalizer.HoleMode.allCases {
            let output = PlaceholderNormalizer(formatted: formatted, mode: mode).normalize(candidate.text)
            if let analysis = analyze(candidate, output: output) { return analysis }
            if !output.usedHoleMode { break }
        }
        return nil
    }

    private static func analyze(_ candidate: FragmentCandidate, output: PlaceholderNormalizer.Output) -> StatementAnalysis? {
        var text = output.parseText.trimmingCharacters(in: .whitespacesAndNewlines)
        let connected = FragmentText.droppingLeadingConnector(text)
        let ledByConnector = connected.utf8.count != text.utf8.count
        let dropsConnector = ledByConnector && [.condition, .taggedPiece, .selection].contains(candidate.clause)
        if dropsConnector { text = connected }
        if candidate.clause == .ordering || candidate.clause == .grouping {
            text = FragmentText.droppingLeadingBy(text)
        }
        // `"WHERE " + strings.Join(conditions, " AND ")`: a clause whose keyword is SQL's own, the rest
        // a piece (a lone `" AND " + condition` only joins).
        let ledIntoPiece = dropsConnector && output.dynamic && FragmentText.opensWithWhere(output.parseText)
        guard ledIntoPiece || text.utf8.count >= 3 && !TextSignals.isSingleWord(text),
              !text.utf8.contains(UInt8(ascii: ";")), !FragmentText.hasQualifiedParameter(text) else {
            return nil
        }
        if candidate.clause == .pragma {
            guard text.utf8.contains(UInt8(ascii: "=")) else { return nil }
            return result(text: text, display: output.displayText, dynamic: output.dynamic, type: "pragma", tables: [])
        }
        let wrappers: [(String, String)]
        switch candidate.clause {
        case .condition: wrappers = [("SELECT 1 WHERE ", "where")]
        case .ordering: wrappers = [("SELECT 1 ORDER BY ", "order_by")]
        case .grouping: wrappers = [("SELECT 1 GROUP BY ", "group_by")]
        // `Medoo::raw('WHERE …')`: a condition with its keyword.
        case .selection where ledByConnector: wrappers = [("SELECT 1 WHERE ", "where")]
        case .selection: wrappers = [("SELECT ", "select_list"), ("SELECT 1 ORDER BY ", "order_by"),
                                     ("SELECT 1 WHERE ", "where")]
        case .assignment: wrappers = [("UPDATE dyn_piece_0 SET ", "set")]
        case .selectList: wrappers = [("SELECT ", "select_list")]
        case .taggedPiece:
            wrappers = ledByConnector ? [("SELECT 1 WHERE ", "where")]
                : [("SELECT ", "expression"), ("SELECT 1 FROM dyn_piece_0 ", "join"), ("SELECT 1 ORDER BY ", "order_by")]
        // `LEFT JOIN u ON …` whole, or what squirrel's `LeftJoin("u ON …")` puts after the words.
        // The stand-in table is a hole name, which the tables leave out.
        // A join without ON (SQLite's `JOIN json_each(…) AS tag`) is tried with one.
        // Not an expression in parentheses, which would read as the arguments of a table function.
        case .join where text.hasPrefix("("): wrappers = []
        case .join: wrappers = [("SELECT 1 FROM dyn_piece_0 ", "join"), ("SELECT 1 FROM dyn_piece_0 JOIN ", "join"),
                                ("SELECT 1 FROM dyn_piece_0 ", "join ON")]
        case .locking: wrappers = [("SELECT 1 FROM dyn_piece_0 ", "locking")]
        case .pragma: wrappers = []
        }
        // Nothing but run-time pieces and parameters (`f"({a} = {b})"`, `"(%s)" % sql`): no SQL
        // of its own to judge. A column qualified by a piece (`${table}.created_by = ?`) is its own.
        // A constant condition (`1=1`, `WHERE 1=1`) is SQL's own where a condition is expected.
        let constant = (candidate.clause == .condition || candidate.clause == .selection)
            && FragmentText.isConstantCondition(text)
        // `${field} = ?` collected for a WHERE or SET: a bind placeholder is SQL's own.
        let bound = candidate.clause == .condition || candidate.clause == .assignment
            ? FragmentText.comparesWithPlaceholder(output.displayText) : false
        guard constant || ledIntoPiece || bound || LooseSQLReader.words(of: text).contains(where: { word in
            word.split(separator: ".").contains { !PlaceholderNormalizer.isHoleIdentifier(String($0)) && !($0.first?.isNumber ?? true) }
        }) else { return nil }
        if candidate.clause == .selectList {
            guard text.utf8.contains(ASCII.openParen) || LooseSQLReader.words(of: text).contains("as")
                    || ["->", "||", "::"].contains(where: text.contains) else { return nil }
        }
        // A value, not a piece of a statement: a column default (`knex.raw('uuid_generate_v4()')`),
        // Django's descending ordering (`order_by("-last_update")`).
        if candidate.clause == .selection || candidate.clause == .selectList, FragmentText.isCallWithoutArguments(text) {
            return nil
        }
        if candidate.clause == .ordering, text.hasPrefix("-"), TextSignals.isSingleWord(String(text.dropFirst())) {
            return nil
        }
        // An alias PostgreSQL reserves (`user.username = :username`) is quoted for the parser.
        let parseText = FragmentText.quotingReservedQualifiers(text) ?? text
        for (prefix, type) in wrappers {
            let withoutOn = type == "join ON"
            guard let summary = try? PgQuery.summarize(prefix + parseText + (withoutOn ? " ON true" : "")),
                  summary.statements.count == 1 else { continue }
            guard candidate.clause == .locking || ledIntoPiece || FragmentText.hasOperatorOrCall(text) else { return nil }
            return result(text: output.usedHoleMode && !output.dynamic ? PlaceholderNormalizer.showingBoundNames(text) : text,
                          display: output.displayText, dynamic: output.dynamic, type: withoutOn ? "join" : type,
                          tables: summary.statements[0].tables)
        }
        return nil
    }

    private static func result(text: String, display: String, dynamic: Bool, type: String,
                               tables: [String]) -> StatementAnalysis {
        StatementAnalysis(statementType: type, tables: tables.filter { !PlaceholderNormalizer.isHoleIdentifier($0) },
                          fingerprint: nil, sql: StatementAnalyzer.collapse(dynamic ? display : text), dynamic: dynamic,
                          parseError: nil, parsed: nil, parseText: text, lineOffset: 0, fragment: true)
    }
}
