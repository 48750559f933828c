import Foundation

/// A byte-level test run on a source file before tokenizing: could any string literal in it
/// open with a SQL statement keyword?
///
/// The extractor only considers literals whose first text starts, after blanks, `(` and `\n`
/// escapes, with one of ``KeywordPrefilter/statementKeywords``. Such a literal's text follows an
/// opening delimiter (a quote, a backtick, or the bracket of a Ruby `%(…)` string) or, for a
/// heredoc, begins a line. This test looks for exactly that shape, so a file that fails it has
/// no candidate and need not be lexed; most files of a real code base fail it.
enum LiteralPrefilter {
    /// Bytes after which a literal's text can begin.
    private static let openers = ByteTable { byte in
        switch byte {
        case ASCII.doubleQuote, ASCII.singleQuote, ASCII.backtick, ASCII.openBrace, ASCII.openBracket,
             UInt8(ascii: "|"), ASCII.percent:
            return true
        default:
            return false
        }
    }

    /// Whether a file in `language` may hold a literal that opens with a statement keyword.
    static func mayContainCandidate(_ bytes: UnsafeBufferPointer<UInt8>, language: SQLLanguage) -> Bool {
        let lineStartsCount = language == .ruby || language == .php
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            index += 1
            if openers[byte] {
                var start = index
                if byte == ASCII.percent, start < count, bytes[start] | 0x20 == UInt8(ascii: "q") { start += 1 }
                if opensWithKeyword(bytes, from: start) { return true }
            } else if byte == ASCII.newline, lineStartsCount, opensWithKeyword(bytes, from: index) {
                return true
            }
        }
        return false
    }

    /// Whether the text from `start` is, after blanks, `(` and `\n` escapes, a statement keyword
    /// followed by something other than a letter.
    private static func opensWithKeyword(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        let count = bytes.count
        var index = start
        while index < count {
            let byte = bytes[index]
            if byte == ASCII.space || byte == ASCII.tab || byte == ASCII.newline || byte == ASCII.carriageReturn
                || byte == ASCII.openParen {
                index += 1
            } else if byte == ASCII.backslash, index + 1 < count, bytes[index + 1] | 0x20 == UInt8(ascii: "n") {
                index += 2
            } else {
                break
            }
        }
        var end = index
        while end < count, end - index < 12, isLetter(bytes[end]) { end += 1 }
        guard end - index >= 4 else { return false }
        return KeywordPrefilter.isStatementKeyword(UnsafeBufferPointer(rebasing: bytes[index..<end]))
    }

    @inline(__always) private static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }
}
