import Foundation
import PgQuery
import SourceLexing
import SQLText

/// Decides whether a string that opens with a SQL keyword really is SQL, so that messages such as
/// "Select a file", "update your profile" or JPQL are not reported.
enum SQLClassifier {
    private static let clauseWords: Set<String> = [
        "from", "where", "join", "values", "set", "group", "order", "limit", "returning", "into", "on",
        "having", "union", "conflict", "table", "index", "exists", "as", "and", "by", "offset",
        // MySQL accepts `INSERT … VALUE (…)` for `VALUES`.
        "value",
    ]

    /// Whether the analysed statement should be reported.
    /// `laterArgument`: the string follows another argument of the call it is handed to.
    static func accepts(_ analysis: StatementAnalysis, role: CallContext.Role, laterArgument: Bool = false) -> Bool {
        guard role != .notSQL else { return false }
        let text = analysis.parseText
        if analysis.parseError != nil, isKeywordPiece(text) || isOtherLanguage(text) { return false }
        if TextSignals.isSingleWord(text) {
            // A lone word is SQL only when it is a whole statement (`COMMIT`, `VACUUM`) handed to
            // SQL first; `'SELECT'` in a type union, `.get("select")` or `exec('FileReader', 'abort')`
            // is not.
            guard role >= .sqlNamed, !laterArgument, let parsed = analysis.parsed else { return false }
            return !parsed.isSelect
        }
        if analysis.dynamic, role < .sqlNamed, isListKeywordAroundPieces(text) { return false }
        let keywordCase = TextSignals.leadingKeywordCase(text)
        if let parsed = analysis.parsed, parsed.looksLikeJPQL { return false }
        var strength = keywordCase == .upper ? 2 : (keywordCase == .lower ? 1 : 0)
        if role == .sqlNamed { strength += 1 }
        if role == .entryPoint { strength += 2 }
        if analysis.parseError == nil {
            guard let parsed = analysis.parsed, parsed.hasSQLStructure else {
                return role == .entryPoint && keywordCase != .other
            }
            if strength >= 2 { return true }
            let clauses = clauseCount(text)
            let punctuated = TextSignals.hasSQLPunctuation(text)
            return strength == 1 ? (punctuated || clauses >= 3) : (punctuated && clauses >= 2)
        }
        if role == .entryPoint {
            // `${headerSelect} WHERE id = ?`: a run-time piece, then a clause.
            return keywordCase != .other || clauseCount(text) >= 2 || analysis.dynamic && opensWithHoleThenClause(text)
        }
        guard strength >= 2, !endsLikeSentence(text) else { return false }
        return clauseCount(text) >= 2 && TextSignals.hasSQLPunctuation(text) || LooseSQLReader.definesTable(text)
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
        case 0: return !(TextSignals.hasSQLPunctuation(text) && clauseCount(text) >= 2)
        case 1: return !TextSignals.hasSQLPunctuation(text) && clauseCount(text) < 3
        default: return false
        }
    }

    // MARK: - Signals

    private static let pieceWords: Set<String> = [
        "alter", "table", "column", "drop", "index", "create", "sequence", "do", "nothing", "update", "set", "insert",
        "into", "select", "delete", "from", "where", "view", "or", "replace", "temporary", "temp", "unique", "if",
        "exists", "not", "add", "constraint", "primary", "key", "foreign", "default", "on", "conflict", "values",
        "distinct", "all", "union", "join", "with", "recursive", "returning", "materialized", "schema", "type",
        "trigger", "function", "cascade", "restrict", "only", "and",
    ]

    /// Whether unparsed `text` is a short run of keywords only (`ALTER TABLE`, `DO NOTHING`,
    /// `CREATE SEQUENCE`): a piece a query compiler joins into statements, not a statement.
    static func isKeywordPiece(_ text: String) -> Bool {
        let words = LooseSQLReader.words(of: text)
        return !words.isEmpty && words.count <= 4 && words.allSatisfy(pieceWords.contains)
            && !text.utf8.contains(where: { $0 == ASCII.openParen || $0 == UInt8(ascii: "=") || $0 == ASCII.star })
    }

    /// Whether dynamic text is `VALUES` or `SET` and run-time pieces only (`VALUES {rows}`,
    /// `SET {assignments}`): a piece a query compiler returns to splice, unless handed to SQL.
    private static func isListKeywordAroundPieces(_ text: String) -> Bool {
        let words = LooseSQLReader.words(of: text).filter {
            !PlaceholderNormalizer.isHoleIdentifier($0) && !($0.first.map(\.isNumber) ?? true)
        }
        return words == ["values"] || words == ["set"]
    }

    /// Whether unparsed text is something else that opens with a keyword: one run without a blank
    /// (Vue's `update:selected` event, `start:h`), a regular expression (`WITH\W+(?:HEADER…`) or
    /// SPARQL (`DELETE { ?category ?x ?y } WHERE { … }`).
    private static func isOtherLanguage(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            guard bytes.contains(where: ASCII.isBlank) else { return true }
            var quote: UInt8 = 0
            for index in bytes.indices.dropLast() {
                let byte = bytes[index]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                    continue
                }
                switch byte {
                case ASCII.singleQuote, ASCII.doubleQuote: quote = byte
                case ASCII.backslash where ASCII.isIdentifierStart(bytes[index + 1]): return true
                case ASCII.openParen where bytes[index + 1] == UInt8(ascii: "?"): return true
                case ASCII.openBrace where index + 2 < bytes.count && ASCII.isBlank(bytes[index + 1])
                        && bytes[index + 2] == UInt8(ascii: "?"): return true
                default: break
                }
            }
            return false
        }
    }

    private static func clauseCount(_ text: String) -> Int {
        Set(LooseSQLReader.words(of: text).dropFirst().filter(clauseWords.contains)).count
    }

    /// Whether normalised text opens, after blanks and `(`, with run-time pieces' parameters (`$1`,
    /// `$1$2`) that a clause continues (``TextSignals/continuesWithClause(_:)``).
    private static func opensWithHoleThenClause(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            var index = 0
            while index < bytes.count, ASCII.isBlank(bytes[index]) || bytes[index] == ASCII.openParen { index += 1 }
            var sawHole = false
            while index + 1 < bytes.count, bytes[index] == ASCII.dollar, ASCII.isDigit(bytes[index + 1]) {
                index += 1
                while index < bytes.count, ASCII.isDigit(bytes[index]) { index += 1 }
                sawHole = true
            }
            return sawHole && TextSignals.continuesWithClause(UnsafeBufferPointer(rebasing: bytes[index...]))
        }
    }

    private static func endsLikeSentence(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.last, ".!?:".contains(last) else { return false }
        let beforeLast = trimmed.dropLast().last
        return beforeLast?.isLetter ?? false
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
