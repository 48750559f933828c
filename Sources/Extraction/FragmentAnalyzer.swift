import Foundation
import PgQuery
import SourceLexing
import SQLText

/// A string literal handed to an ORM or query-builder method that takes a piece of SQL
/// (`where("name = ?")`, `orderByRaw('x DESC')`, `DB::raw('COUNT(*) AS total')`).
struct FragmentCandidate {
    typealias Clause = FragmentClause

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
        var dropsBy = false
        if candidate.clause == .ordering || candidate.clause == .grouping {
            let unled = FragmentText.droppingLeadingBy(text)
            dropsBy = unled.utf8.count != text.utf8.count
            text = unled
        }
        // `"WHERE " + strings.Join(conditions, " AND ")`, `"GROUP BY $fields"`: a clause whose keywords
        // are SQL's own, the rest a piece (a lone `" AND " + condition` only joins).
        let ledIntoPiece = output.dynamic && (dropsBy || dropsConnector && FragmentText.opensWithWhere(output.parseText))
        // A constant condition (`1=1`, `WHERE 1=1`, `TRUE`) is SQL's own where a condition is expected.
        let constant = (candidate.clause == .condition || candidate.clause == .selection)
            && FragmentText.isConstantCondition(text)
        guard ledIntoPiece || constant || text.utf8.count >= 3 && !TextSignals.isSingleWord(text) && !FragmentText.isHyphenatedName(text),
              !text.utf8.contains(UInt8(ascii: ";")), !FragmentText.hasQualifiedParameter(text) else {
            return nil
        }
        if candidate.clause == .pragma {
            guard text.utf8.contains(UInt8(ascii: "=")) else { return nil }
            return result(text: text, display: output.displayText, dynamic: output.dynamic, type: "pragma", tables: [])
        }
        let wrappers: [(String, String)]
        switch candidate.clause {
        case .condition where FragmentText.opensWithFrom(text), .selection where FragmentText.opensWithFrom(text):
            wrappers = [("SELECT 1 ", "from")]
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
        // `${field} = ?` collected for a WHERE or SET: a bind placeholder is SQL's own.
        let bound = [.condition, .assignment, .selection].contains(candidate.clause)
            && FragmentText.comparesWithPlaceholder(output.displayText)
        // `sqlf.Sprintf("(%v OR %v)", a, b)`: connectors alone are no SQL of its own either, unless
        // they join comparisons (`{a} > {b} OR ({a} = {b} AND …)`).
        let compares = text.utf8.contains { $0 == UInt8(ascii: "=") || $0 == ASCII.less || $0 == UInt8(ascii: ">") }
        guard constant || ledIntoPiece || bound || LooseSQLReader.words(of: text).contains(where: { word in
            (compares || !["and", "or", "not"].contains(word)) && word.split(separator: ".").contains {
                !PlaceholderNormalizer.isHoleIdentifier(String($0)) && !($0.first?.isNumber ?? true)
            }
        }) else { return nil }
        // `tx.raw('documents (type, document, hash)')`: a table and its columns, an INSERT's target.
        if candidate.clause == .selection || candidate.clause == .selectList, FragmentText.isTableWithColumns(text) { return nil }
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
        let unquoted = FragmentText.doubleQuotingBackquotes(text) ?? text
        let parseText = FragmentText.quotingReservedQualifiers(unquoted) ?? unquoted
        for (prefix, type) in wrappers {
            let withoutOn = type == "join ON"
            guard let summary = try? PgQuery.summarize(prefix + parseText + (withoutOn ? " ON true" : "")),
                  summary.statements.count == 1 else { continue }
            guard candidate.clause == .locking || ledIntoPiece || constant || FragmentText.hasOperatorOrCall(text) else {
                return nil
            }
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
