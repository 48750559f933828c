import SourceLexing

/// The statements of a T-SQL batch written without `;` (SQL Server does not need them):
///
///     DECLARE @Rows TABLE ([Key] NVARCHAR(100))
///     SET XACT_ABORT ON
///     BEGIN TRAN
///     DELETE TOP (@count) FROM [Counter] …
///     COMMIT TRAN
///
/// A statement starts on a line (at no parenthesis depth, outside quotes and brackets) whose first
/// word opens one. Continuations are kept: `SET` after `UPDATE`, a `SELECT` after `INSERT`,
/// `WITH` or a set operator, a line after `THEN`. Batches with control flow (`IF`, `WHILE`,
/// `BEGIN TRY`), whose blocks hold statements of their own, are not cut.
package enum TSQLStatements {
    /// Words that open a statement of a batch (upper case).
    private static let openers: Set<String> = [
        "DECLARE", "SET", "BEGIN", "COMMIT", "ROLLBACK", "DELETE", "UPDATE", "INSERT", "MERGE", "SELECT", "EXEC",
        "EXECUTE", "PRINT", "TRUNCATE", "CREATE", "ALTER", "DROP", "WITH", "RAISERROR", "THROW", "SAVE",
    ]

    /// Statements of the batch that mark T-SQL (upper case, as the text starts).
    private static let markers = ["DECLARE @", "BEGIN TRAN", "SET NOCOUNT", "SET XACT_ABORT", "SET TRANSACTION ISOLATION",
                                  "SET DEADLOCK_PRIORITY", "SET IDENTITY_INSERT"]

    /// Whether `text` holds a statement only T-SQL has (`DECLARE @…`, `BEGIN TRAN`, `SET NOCOUNT`, …).
    package static func isBatch(_ text: [UInt8]) -> Bool {
        let upper = String(decoding: text.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
        return markers.contains(where: upper.contains)
    }

    /// The byte ranges of the statements of `text[range]`, each from the start of its first line;
    /// `nil` when it holds one statement or control flow.
    package static func split(_ text: [UInt8], in range: Range<Int>) -> [Range<Int>]? {
        var starts: [Int] = []
        var current = ""
        var previousLineEnd = ""
        var depth = 0
        var quote: UInt8 = 0
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound, text[lineEnd] != ASCII.newline { lineEnd += 1 }
            if depth == 0, quote == 0, let word = firstWord(text, lineStart..<lineEnd) {
                if word == "IF" || word == "WHILE" || word == "ELSE" || word == "TRY" || word == "CATCH" { return nil }
                if openers.contains(word), !continues(current, with: word, after: previousLineEnd) {
                    starts.append(lineStart)
                    current = word
                }
            }
            for (offset, byte) in text[lineStart..<lineEnd].enumerated() {
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == ASCII.minus, lineStart + offset + 1 < lineEnd, text[lineStart + offset + 1] == ASCII.minus {
                    break  // a comment to the end of the line
                } else if byte == ASCII.singleQuote {
                    quote = ASCII.singleQuote
                } else if byte == ASCII.openBracket {
                    quote = ASCII.closeBracket
                } else if byte == ASCII.openParen {
                    depth += 1
                } else if byte == ASCII.closeParen {
                    depth = max(0, depth - 1)
                }
            }
            if let last = lastWord(text, lineStart..<lineEnd) { previousLineEnd = last }
            lineStart = lineEnd + 1
        }
        guard starts.count > 1 else { return nil }
        starts[0] = range.lowerBound
        return starts.indices.map { index in
            starts[index]..<(index + 1 < starts.count ? starts[index + 1] : range.upperBound)
        }
    }

    /// Whether a line opening with `word` goes on with the statement opened by `current`.
    private static func continues(_ current: String, with word: String, after previousLineEnd: String) -> Bool {
        if ["THEN", "UNION", "ALL", "EXCEPT", "INTERSECT", "AS", ","].contains(previousLineEnd) { return true }
        switch word {
        case "SET": return current == "UPDATE" || current == "MERGE"
        case "SELECT": return current == "INSERT" || current == "WITH"
        case "UPDATE", "DELETE", "INSERT": return current == "MERGE"
        default: return false
        }
    }

    /// The first word of a line, upper case, past blanks and a `;` (`;MERGE …`); `nil` for a line
    /// of blanks or a comment.
    private static func firstWord(_ text: [UInt8], _ line: Range<Int>) -> String? {
        var start = line.lowerBound
        while start < line.upperBound, ASCII.isBlank(text[start]) || text[start] == UInt8(ascii: ";") { start += 1 }
        var end = start
        while end < line.upperBound, ASCII.isIdentifierPart(text[end]) { end += 1 }
        guard end > start else { return nil }
        return String(decoding: text[start..<end], as: UTF8.self).uppercased()
    }

    /// The last word or sign of a line before a `--` comment, upper case.
    private static func lastWord(_ text: [UInt8], _ line: Range<Int>) -> String? {
        var end = line.upperBound
        var index = line.lowerBound
        while index + 1 < line.upperBound {
            if text[index] == ASCII.minus, text[index + 1] == ASCII.minus { end = index; break }
            index += 1
        }
        while end > line.lowerBound, ASCII.isBlank(text[end - 1]) { end -= 1 }
        guard end > line.lowerBound else { return nil }
        if !ASCII.isIdentifierPart(text[end - 1]) { return String(UnicodeScalar(text[end - 1])) }
        var start = end
        while start > line.lowerBound, ASCII.isIdentifierPart(text[start - 1]) { start -= 1 }
        return String(decoding: text[start..<end], as: UTF8.self).uppercased()
    }
}
