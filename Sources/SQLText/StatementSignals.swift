import Foundation
import SourceLexing

/// The signals, in a statement's text, that it is SQL or something else: used to judge text that
/// does not parse, or parses from little (a keyword, a piece a query compiler joins).
package enum StatementSignals {
    /// Words that open a clause (after the statement's first word).
    private static let clauseWords: Set<String> = [
        "from", "where", "join", "values", "set", "group", "order", "limit", "returning", "into", "on",
        "having", "union", "conflict", "table", "index", "exists", "as", "and", "by", "offset",
        // MySQL accepts `INSERT … VALUE (…)` for `VALUES`.
        "value",
    ]
    private static let pieceWords: Set<String> = [
        "alter", "table", "column", "drop", "index", "create", "sequence", "do", "nothing", "update", "set", "insert",
        "into", "select", "delete", "from", "where", "view", "or", "replace", "temporary", "temp", "unique", "if",
        "exists", "not", "add", "constraint", "primary", "key", "foreign", "default", "on", "conflict", "values",
        "distinct", "all", "union", "join", "with", "recursive", "returning", "materialized", "schema", "type",
        "trigger", "function", "cascade", "restrict", "only", "and",
    ]

    /// Whether unparsed `text` is a short run of keywords only (`ALTER TABLE`, `DO NOTHING`,
    /// `CREATE SEQUENCE`): a piece a query compiler joins into statements, not a statement.
    package static func isKeywordPiece(_ text: String) -> Bool {
        let words = LooseSQLReader.words(of: text)
        return !words.isEmpty && words.count <= 4 && words.allSatisfy(pieceWords.contains)
            && !text.utf8.contains(where: { $0 == ASCII.openParen || $0 == UInt8(ascii: "=") || $0 == ASCII.star })
    }

    /// Whether dynamic text is `VALUES` or `SET` and run-time pieces only (`VALUES {rows}`,
    /// `SET {assignments}`): a piece a query compiler returns to splice, unless handed to SQL.
    package static func isListKeywordAroundPieces(_ text: String) -> Bool {
        let words = LooseSQLReader.words(of: text).filter {
            !PlaceholderNormalizer.isHoleIdentifier($0) && !($0.first.map(\.isNumber) ?? true)
        }
        return words == ["values"] || words == ["set"]
    }

    /// Whether unparsed text is something else that opens with a keyword: one run without a blank
    /// (Vue's `update:selected` event, `start:h`), a regular expression (`WITH\W+(?:HEADER…`) or
    /// SPARQL (`DELETE { ?category ?x ?y } WHERE { … }`).
    package static func isOtherLanguage(_ text: String) -> Bool {
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

    package static func clauseCount(_ text: String) -> Int {
        Set(LooseSQLReader.words(of: text).dropFirst().filter(clauseWords.contains)).count
    }

    /// Whether normalised text opens, after blanks and `(`, with run-time pieces' parameters (`$1`,
    /// `$1$2`) that a clause continues (``TextSignals/continuesWithClause(_:)``).
    package static func opensWithHoleThenClause(_ text: String) -> Bool {
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

    /// Statement heads whose object a run-time piece may name: `ALTER TABLE ` + table + change.
    private static let objectHeads: [(String, String)] = [
        ("alter", "table"), ("create", "table"), ("drop", "table"), ("truncate", "table"), ("insert", "into"),
        ("delete", "from"), ("create", "index"), ("drop", "index"), ("create", "view"), ("drop", "view"),
    ]

    /// Whether normalised text opens with a statement's head and names its object with a run-time
    /// piece's parameter: `ALTER TABLE $1 $2`, `DELETE FROM $1 WHERE …`; with `continued`, words follow.
    package static func opensWithHeadThenHole(_ text: String, continued: Bool = false) -> Bool {
        let words = text.split(maxSplits: 3, whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard words.count >= 3, !continued || words.count == 4, words[2].hasPrefix("$"),
              words[2].dropFirst().first?.isNumber == true else { return false }
        let head = (words[0].lowercased(), words[1].lowercased())
        return objectHeads.contains { $0 == head }
    }

    package static func endsLikeSentence(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.last, ".!?:".contains(last) else { return false }
        let beforeLast = trimmed.dropLast().last
        return beforeLast?.isLetter ?? false
    }

    /// Whether `text` ends with a word or sign that a next piece must complete (`WHERE`, `AND`,
    /// `FROM`, `=`, `(`, `,`), or with nothing but blanks: the start of a statement.
    package static func endsOpen(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = text.count
        while end > 0, ASCII.isBlank(text[end - 1]) { end -= 1 }
        guard end > 0 else { return true }
        if [UInt8(ascii: "="), ASCII.openParen, UInt8(ascii: ",")].contains(text[end - 1]) { return true }
        var start = end
        while start > 0, ASCII.isIdentifierPart(text[start - 1]) { start -= 1 }
        let word = ASCII.lowercasedString(UnsafeBufferPointer(rebasing: text[start..<end]))
        return ["where", "and", "or", "from", "set", "by", "join", "on", "values", "select", "in", "not"].contains(word)
    }
}
