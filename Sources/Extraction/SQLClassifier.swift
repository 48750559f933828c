import Foundation
import PgQuery
import SourceLexing
import SQLScripts
import SQLText

/// Decides whether a string that opens with a SQL keyword really is SQL, so that messages such as
/// "Select a file", "update your profile" or JPQL are not reported.
enum SQLClassifier {
    /// Whether the analysed statement should be reported.
    /// `laterArgument`: the string follows another argument of the call it is handed to.
    static func accepts(_ analysis: StatementAnalysis, role: CallContext.Role, laterArgument: Bool = false) -> Bool {
        guard role != .notSQL else { return false }
        let text = analysis.parseText
        if analysis.parseError != nil, StatementSignals.isKeywordPiece(text) || StatementSignals.isOtherLanguage(text) {
            return false
        }
        if TextSignals.isSingleWord(text) {
            // A lone word is SQL only when it is a whole statement (`COMMIT`, `VACUUM`) handed to
            // SQL first; `'SELECT'` in a type union, `.get("select")` or `exec('FileReader', 'abort')`
            // is not.
            return role >= .sqlNamed && !laterArgument && isWholeStatementWord(analysis)
        }
        if analysis.dynamic, role < .sqlNamed, StatementSignals.isListKeywordAroundPieces(text) { return false }
        let keywordCase = TextSignals.leadingKeywordCase(text)
        if let parsed = analysis.parsed, parsed.looksLikeJPQL { return false }
        var strength = keywordCase == .upper ? 2 : (keywordCase == .lower ? 1 : 0)
        if role == .sqlNamed { strength += 1 }
        if role == .entryPoint { strength += 2 }
        if analysis.parseError == nil {
            // `"SELECT *" + baseSql + where`: the run-time pieces may bring the source.
            let sourceMayBeAPiece = analysis.dynamic && role >= .sqlNamed && keywordCase == .upper
            guard let parsed = analysis.parsed, parsed.hasSQLStructure || sourceMayBeAPiece else {
                return role == .entryPoint && keywordCase != .other
            }
            if strength >= 2 { return true }
            // Lower-case DDL that parses (`drop table if exists t`, `alter table t drop constraint c`):
            // prose does not parse as a definition.
            if strength == 1, definitionTypes.contains(analysis.statementType) { return true }
            let clauses = StatementSignals.clauseCount(text)
            let punctuated = TextSignals.hasSQLPunctuation(text)
            return strength == 1 ? (punctuated || clauses >= 3) : (punctuated && clauses >= 2)
        }
        if role == .entryPoint {
            // `${headerSelect} WHERE id = ?`: a run-time piece, then a clause.
            return keywordCase != .other || StatementSignals.clauseCount(text) >= 2
                || analysis.dynamic && StatementSignals.opensWithHoleThenClause(text)
        }
        if keywordCase == .upper {
            // SQLite's `PRAGMA table_info(…)` is SQL however little else it says, where a name says SQL.
            if strength >= 3, text.hasPrefix("PRAGMA ") { return true }
            // So is a statement whose object a run-time piece names (`ALTER TABLE ` + table + change):
            // where a name says SQL, or anywhere when more of the statement follows the piece.
            if analysis.dynamic, StatementSignals.opensWithHeadThenHole(text, continued: strength < 3) { return true }
        }
        // Title-case SQL kept in a name for SQL (`_sqlLogUpdate = @"Update Exceptions Set … Where …"`):
        // clauses and punctuation, as prose has not.
        if role >= .sqlNamed, keywordCase == .other, StatementSignals.clauseCount(text) >= 3, TextSignals.hasSQLPunctuation(text),
           !StatementSignals.endsLikeSentence(text) { return true }
        guard strength >= 2, !StatementSignals.endsLikeSentence(text) else { return false }
        return StatementSignals.clauseCount(text) >= 2 && TextSignals.hasSQLPunctuation(text)
            || LooseSQLReader.definesTable(text)
    }

    /// Statements that define or change the schema.
    static let definitionTypes: Set<String> = ["create_table", "alter_table", "drop", "create_index", "alter"]

    /// Whether the analysed text is one word that is a whole statement (`BEGIN`, `COMMIT`, `VACUUM`).
    static func isWholeStatementWord(_ analysis: StatementAnalysis) -> Bool {
        guard TextSignals.isSingleWord(analysis.parseText), let parsed = analysis.parsed else { return false }
        return !parsed.isSelect
    }

    /// Whether the statements of a T-SQL batch cut from one literal (``TSQLStatements``), each
    /// opening with an upper-case keyword, are SQL together: one of them is by itself, or their
    /// text is as ``accepts(_:role:laterArgument:)`` judges an unparsed statement (clauses and SQL
    /// punctuation, or a table definition). Other scripts' pieces (`END IF` of a PL/SQL block) are
    /// judged one by one.
    static func acceptsScript(_ analyses: [StatementAnalysis], role: CallContext.Role, laterArgument: Bool) -> Bool {
        guard role != .notSQL, analyses.allSatisfy({ TextSignals.leadingKeywordCase($0.parseText) == .upper }) else {
            return false
        }
        let text = analyses.map(\.parseText).joined(separator: "\n")
        guard TSQLStatements.isBatch(Array(text.utf8)) else { return false }
        if role == .entryPoint || analyses.contains(where: { accepts($0, role: role, laterArgument: laterArgument) }) {
            return true
        }
        guard !StatementSignals.endsLikeSentence(text) else { return false }
        return StatementSignals.clauseCount(text) >= 2 && TextSignals.hasSQLPunctuation(text) || LooseSQLReader.definesTable(text)
    }

    /// Whether ``accepts(_:role:)`` is certain to reject `text` (one statement, placeholders
    /// normalised) for `role` whether or not it parses, so that parsing it can be skipped.
    ///
    /// Outside entry points, unparsed text needs an all-upper-case keyword (or a SQL-like name)
    /// and parsed text with a weak keyword needs punctuation or clauses; text with neither is
    /// rejected either way. Text with a `;` may hold several statements and is never prejudged.
    static func rejectsWithoutParsing(_ text: String, role: CallContext.Role) -> Bool {
        guard role != .notSQL else { return true }
        if role < .sqlNamed, TextSignals.isSingleWord(text) { return true }
        guard role != .entryPoint, !text.utf8.contains(UInt8(ascii: ";")) else { return false }
        let keywordCase = TextSignals.leadingKeywordCase(text)
        var strength = keywordCase == .upper ? 2 : (keywordCase == .lower ? 1 : 0)
        if role == .sqlNamed { strength += 1 }
        switch strength {
        case 0: return !(TextSignals.hasSQLPunctuation(text) && StatementSignals.clauseCount(text) >= 2)
        case 1: return !TextSignals.hasSQLPunctuation(text) && StatementSignals.clauseCount(text) < 3
        default: return false
        }
    }

    // MARK: - Tree shape

    /// A SELECT without FROM must compute something (`SELECT 1`, `SELECT now()`), not list bare
    /// words as "Select a file" would.
    static func hasSQLStructure(_ statement: ParseSummary.Statement) -> Bool {
        guard statement.nodeType == "SelectStmt" else { return true }
        return statement.selectHasSource || statement.computesTarget
    }

    /// JPQL/HQL selects an entity alias (`SELECT u FROM User u`) or joins through a path
    /// (`JOIN o.items i`); SQL almost never does either.
    static func looksLikeJPQL(_ statement: ParseSummary.Statement) -> Bool {
        guard statement.nodeType == "SelectStmt" else { return false }
        // A handful of relations: searching them beats building a set for every statement.
        let relations = statement.relations
        guard relations.contains(where: { $0.alias != nil }) else { return false }
        func isAlias(_ name: String) -> Bool { relations.contains { $0.alias == name } }
        if relations.contains(where: { $0.schema.map(isAlias) ?? false }) { return true }
        return statement.targetColumnNames.contains(where: isAlias)
    }
}

/// What ``SQLClassifier`` needs to know of a parsed statement, worked out once when it is parsed
/// (an analysis keeps these three facts rather than the statement's lists of names).
struct ParsedFacts {
    /// A SELECT (which a lone word such as `'SELECT'` also parses as).
    var isSelect: Bool
    /// ``SQLClassifier/looksLikeJPQL(_:)``.
    var looksLikeJPQL: Bool
    /// ``SQLClassifier/hasSQLStructure(_:)``.
    var hasSQLStructure: Bool

    init(_ statement: ParseSummary.Statement) {
        isSelect = statement.nodeType == "SelectStmt"
        looksLikeJPQL = SQLClassifier.looksLikeJPQL(statement)
        hasSQLStructure = SQLClassifier.hasSQLStructure(statement)
    }
}
