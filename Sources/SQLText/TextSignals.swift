import SourceLexing

/// Byte-level signals of whether a short text reads as SQL or as prose: one word or several, how
/// its first word is cased, SQL punctuation. They read the text's UTF-8 in place.
package enum TextSignals {
    /// How a text's first word is written.
    package enum KeywordCase { case upper, lower, other }

    /// Words that continue a statement after a run-time piece (`${base} WHERE id = ?`).
    private static let clauseStarters: NameSet = ["where", "order", "group", "union", "intersect", "except", "limit",
                                                  "offset", "join", "left", "right", "inner", "full", "cross", "on",
                                                  "set", "values", "from", "and", "or", "having", "returning", "window"]

    /// Whether `text`, what follows a run-time piece, goes on with a clause: after `)` and at least
    /// one blank, a word such as WHERE, ORDER, UNION or JOIN (a path such as `/users?order=asc` does not).
    package static func continuesWithClause(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < text.count, text[index] == ASCII.closeParen { index += 1 }
        let blanks = index
        while index < text.count, ASCII.isBlank(text[index]) { index += 1 }
        guard index > blanks else { return false }
        var end = index
        while end < text.count, end - index <= 10, ASCII.isIdentifierPart(text[end]) { end += 1 }
        guard end > index, end - index <= 9 else { return false }
        var lowered: [UInt8] = []
        for byte in text[index..<end] { lowered.append(byte | 0x20) }
        return lowered.withUnsafeBufferPointer { clauseStarters.contains(bytes: $0) }
    }

    /// Whether `text` is one word, ignoring blanks, comments-free trailing `;`.
    package static func isSingleWord(_ text: String) -> Bool {
        text.withUTF8Bytes(isSingleWord)
    }

    private static func isSingleWord(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var started = false
        var ended = false
        for byte in text {
            let blank = byte == ASCII.space || byte == ASCII.tab || byte == ASCII.newline
                || byte == ASCII.carriageReturn || byte == UInt8(ascii: ";")
            if blank {
                if started { ended = true }
            } else {
                if ended { return false }
                guard ASCII.isIdentifierPart(byte) else { return false }
                started = true
            }
        }
        return true
    }

    /// How the first word of `text` is written.
    package static func leadingKeywordCase(_ text: String) -> KeywordCase {
        text.withUTF8Bytes(leadingKeywordCase)
    }

    package static func leadingKeywordCase(_ text: UnsafeBufferPointer<UInt8>) -> KeywordCase {
        var sawUpper = false
        var sawLower = false
        var started = false
        for byte in text {
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if !isLetter {
                if started { break }
                continue
            }
            started = true
            if byte & 0x20 == 0 { sawUpper = true } else { sawLower = true }
        }
        if sawUpper && !sawLower { return .upper }
        if sawLower && !sawUpper { return .lower }
        return .other
    }

    /// Whether `text` has punctuation that prose rarely has: `*`, `=`, `(`, `,`, `<`, `>`, a quote, or `$1`.
    package static func hasSQLPunctuation(_ text: String) -> Bool {
        text.withUTF8Bytes(hasSQLPunctuation)
    }

    package static func hasSQLPunctuation(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in text {
            switch byte {
            case ASCII.star, UInt8(ascii: "="), ASCII.openParen, UInt8(ascii: ","), ASCII.less, UInt8(ascii: ">"),
                 ASCII.singleQuote, ASCII.backtick:
                return true
            case _ where previous == ASCII.dollar && ASCII.isDigit(byte):
                return true
            default:
                previous = byte
            }
        }
        return false
    }

    /// Whether `text` holds a `%s` or `%(name)s` placeholder.
    package static func hasPercentHole(_ text: [UInt8]) -> Bool {
        text.indices.dropLast().contains { text[$0] == ASCII.percent && (text[$0 + 1] == UInt8(ascii: "s")
            || text[$0 + 1] == ASCII.openParen) }
    }
}
