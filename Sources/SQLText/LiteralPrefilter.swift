import Foundation
import SourceLexing

/// A byte-level test run on a source file before tokenizing: could any string literal in it
/// open with a SQL statement keyword?
///
/// The extractor only considers literals whose first text starts, after blanks, `(` and `\n`
/// escapes, with one of ``KeywordPrefilter/statementKeywords``. Such a literal's text follows an
/// opening delimiter (a quote, a backtick, or the bracket of a Ruby `%(…)` string) or, for a
/// heredoc, begins a line. This test looks for exactly that shape, so a file that fails it has
/// no candidate and need not be lexed; most files of a real code base fail it.
///
/// A quoted literal that is the first argument of a message sink (`log.info("Update …")`,
/// `fmt.Errorf("select …")`, see ``CallNames/isNonSQLSink(_:)``) is no candidate either: the
/// assembler drops it whatever it holds, so it does not count.
package enum LiteralPrefilter {
    /// Bytes after which a literal's text can begin: quotes, and the `%` of a Ruby percent string
    /// (`%(…)`, `%q{…}`, `%Q[…]`, `%|…|`), whose delimiter ``mayContainCandidate(_:language:)`` skips.
    private static let openers = ByteTable { byte in
        switch byte {
        case ASCII.doubleQuote, ASCII.singleQuote, ASCII.backtick, ASCII.percent:
            return true
        default:
            return false
        }
    }

    /// ``openers`` and the line break (where Ruby and PHP heredoc bodies begin).
    private static let openersAndNewline = ByteTable { byte in openers[byte] || byte == ASCII.newline }

    /// Bytes that ``keywordRange(_:from:end:)`` reads past or takes as a keyword's first letter; a
    /// literal whose text starts with any other byte (most closing quotes) opens with no keyword.
    private static let textStarts = ByteTable { byte in
        switch byte {
        case ASCII.space, ASCII.tab, ASCII.newline, ASCII.carriageReturn, ASCII.openParen, ASCII.backslash, ASCII.minus,
             ASCII.slash, ASCII.less, ASCII.openBrace, UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return false
        }
    }

    /// Statement keywords that also open Ruby and PHP blocks, not counted at line starts.
    private static let blockWords: [[UInt8]] = ["begin", "start", "comment", "release"].map { Array($0.utf8) }

    /// Whether a file in `language` may hold a literal that opens with a statement keyword.
    package static func mayContainCandidate(_ bytes: UnsafeBufferPointer<UInt8>, language: SQLLanguage) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let lineStartsCount = language == .ruby || language == .php
        let stops = lineStartsCount ? Self.openersAndNewline : Self.openers
        let textStarts = Self.textStarts
        var index = 0
        let count = bytes.count
        while index < count {
            // Most 8-byte runs of code hold no quote; they are skipped in one step.
            if index + 8 <= count, isQuiet(base + index, table: stops) {
                index += 8
                continue
            }
            let stop = min(index + 8, count)
            while index < stop {
                let byte = bytes[index]
                index += 1
                guard stops[byte] else { continue }
                if byte == ASCII.newline {
                    if let range = keywordRange(bytes, from: index, end: count), range.count >= 4,
                       !blockWords.contains(where: { $0.elementsEqual(UnsafeBufferPointer(rebasing: bytes[range])) }) {
                        return true
                    }
                    continue
                }
                var start = index
                if byte == ASCII.percent {
                    if start < count, bytes[start] | 0x20 == UInt8(ascii: "q") { start += 1 }
                    if start < count, isPercentDelimiter(bytes[start]) { start += 1 }
                }
                guard start < count, textStarts[bytes[start]] else { continue }
                if opensWithKeyword(bytes, from: start), !isMessageArgument(bytes, quote: index - 1) { return true }
            }
        }
        return language == .kotlin && callsTrimMargin(bytes)
    }

    /// Kotlin literals re-indented with `.trimMargin()` open each line with `|`, before any keyword:
    /// a file that calls it is lexed (such files are few).
    private static func callsTrimMargin(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let name = Array("trimMargin".utf8)
        var index = 0
        while index + name.count <= bytes.count {
            if bytes[index] == name[0], UnsafeBufferPointer(rebasing: bytes[index..<(index + name.count)]).elementsEqual(name) {
                return true
            }
            index += 1
        }
        return false
    }

    /// Whether the 8 bytes at `pointer` hold no byte of `table`: eight lookups and one branch, where
    /// a branch per byte would often be mispredicted (summed, as the compiler turns an `|` chain
    /// back into branches).
    @inline(__always)
    private static func isQuiet(_ pointer: UnsafePointer<UInt8>, table: ByteTable) -> Bool {
        let word = UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
        @inline(__always) func hit(_ shift: UInt64) -> UInt8 {
            unsafeBitCast(table[UInt8(truncatingIfNeeded: word &>> shift)], to: UInt8.self)
        }
        return hit(0) &+ hit(8) &+ hit(16) &+ hit(24) &+ hit(32) &+ hit(40) &+ hit(48) &+ hit(56) == 0
    }

    /// Opening delimiters of Ruby percent strings other than `(`, which ``keywordRange(_:from:end:)`` skips.
    @inline(__always) private static func isPercentDelimiter(_ byte: UInt8) -> Bool {
        byte == ASCII.openBrace || byte == ASCII.openBracket || byte == UInt8(ascii: "|")
    }

    /// Whether the quote at `quote` opens the first argument of a call to a message sink:
    /// `name(` and blanks before it, `name` not an annotation (`@Name(`) nor part of a longer name.
    private static func isMessageArgument(_ bytes: UnsafeBufferPointer<UInt8>, quote: Int) -> Bool {
        let byte = bytes[quote]
        guard byte == ASCII.doubleQuote || byte == ASCII.singleQuote || byte == ASCII.backtick else { return false }
        var index = quote - 1
        while index >= 0, bytes[index] == ASCII.space || bytes[index] == ASCII.tab { index -= 1 }
        guard index >= 0, bytes[index] == ASCII.openParen else { return false }
        index -= 1
        while index >= 0, bytes[index] == ASCII.space || bytes[index] == ASCII.tab { index -= 1 }
        let end = index + 1
        while index >= 0, isASCIIIdentifierPart(bytes[index]) { index -= 1 }
        let start = index + 1
        guard start < end, end - start <= 32, !ASCII.isDigit(bytes[start]) else { return false }
        if index >= 0 {
            guard bytes[index] != ASCII.dollar, bytes[index] < 0x80 else { return false }
            while index >= 0, bytes[index] == ASCII.space || bytes[index] == ASCII.tab { index -= 1 }
            guard index < 0 || bytes[index] != ASCII.at else { return false }
        }
        let name = ASCII.lowercasedString(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        return CallNames.isNonSQLSink(name)
    }

    @inline(__always) private static func isASCIIIdentifierPart(_ byte: UInt8) -> Bool {
        isLetter(byte) || ASCII.isDigit(byte) || byte == UInt8(ascii: "_")
    }

    /// Whether the text from `start` is, after blanks, `(`, `\n` escapes and SQL comments, a
    /// statement keyword followed by something other than a letter, digit or `_`.
    private static func opensWithKeyword(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        keywordRange(bytes, from: start, end: bytes.count) != nil
            || opensWithTSQLCondition(UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    private static let tsqlConditions: [[UInt8]] = ["if not exists", "if exists", "if object_id"].map { Array($0.utf8) }

    /// Whether `text` opens with T-SQL's `IF [NOT] EXISTS (…)`, `IF OBJECT_ID(…)` or
    /// `IF ((SELECT …) = 0)`, in any case: a statement when handed to an entry point, though no
    /// statement keyword opens it.
    package static func opensWithTSQLCondition(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first, first | 0x20 == UInt8(ascii: "i") else { return false }
        return tsqlConditions.contains { condition in
            condition.count <= text.count && zip(text, condition).allSatisfy { $0 | 0x20 == $1 | 0x20 }
        } || opensWithSelectCondition(text)
    }

    /// `IF`, then a parenthesised `SELECT`.
    private static func opensWithSelectCondition(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count > 10, text[1] | 0x20 == UInt8(ascii: "f"), ASCII.isBlank(text[2]) || text[2] == ASCII.openParen else {
            return false
        }
        var index = 2
        var opened = false
        while index < text.count, ASCII.isBlank(text[index]) || text[index] == ASCII.openParen {
            opened = opened || text[index] == ASCII.openParen
            index += 1
        }
        guard opened, index + 6 <= text.count else { return false }
        return text[index..<(index + 6)].map { $0 | 0x20 }.elementsEqual("select".utf8)
            && (index + 6 == text.count || !ASCII.isIdentifierPart(text[index + 6]))
    }

    /// Whether `text` opens with a statement keyword that is compared, so a column's name
    /// (`"cluster = ?"`, `"order > 1"`).
    package static func opensWithComparedKeyword(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let word = keywordRange(text, from: 0, end: text.count) else { return false }
        var index = word.upperBound
        while index < text.count, ASCII.isBlank(text[index]) { index += 1 }
        guard index < text.count else { return false }
        return text[index] == UInt8(ascii: "=") || text[index] == ASCII.less || text[index] == UInt8(ascii: ">")
            || text[index] == UInt8(ascii: "!")
    }

    /// The statement keyword that opens `bytes[start..<end]` after blanks, `(`, `\n` escapes, SQL
    /// comments (`-- name: X :one`, `/* @name */`) and the opening of a JDBC call escape (`{call …}`,
    /// `{? = call …}`), or `nil`.
    package static func keywordRange(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end count: Int) -> Range<Int>? {
        var index = start
        while index < count {
            let byte = bytes[index]
            if byte == ASCII.space || byte == ASCII.tab || byte == ASCII.newline || byte == ASCII.carriageReturn
                || byte == ASCII.openParen {
                index += 1
            } else if byte == UInt8(ascii: ";"), index + 4 < count,
                      bytes[(index + 1)...(index + 4)].map({ $0 | 0x20 }).elementsEqual("with".utf8) {
                index += 1  // T-SQL's `;WITH …`: the `;` ends whatever came before the common table expression
            } else if byte == ASCII.backslash, index + 1 < count, bytes[index + 1] | 0x20 == UInt8(ascii: "n") {
                index += 2
            } else if byte == ASCII.minus, index + 2 < count, bytes[index + 1] == ASCII.minus,
                      bytes[index + 2] == ASCII.space || bytes[index + 2] == ASCII.minus {
                while index < count, bytes[index] != ASCII.newline {
                    if bytes[index] == ASCII.backslash, index + 1 < count, bytes[index + 1] == UInt8(ascii: "n") { break }
                    index += 1
                }
            } else if byte == ASCII.less, index + 8 <= count, bytes[index + 7] == UInt8(ascii: ">"),
                      bytes[(index + 1)..<(index + 7)].map({ $0 | 0x20 }).elementsEqual("script".utf8) {
                index += 8  // MyBatis `<script>` wrapping an annotation's SQL
            } else if byte == ASCII.openBrace {
                index += 1
                guard index < count, bytes[index] == UInt8(ascii: "?") else { continue }
                index += 1
                while index < count, bytes[index] == ASCII.space { index += 1 }
                guard index < count, bytes[index] == UInt8(ascii: "=") else { return nil }
                index += 1
            } else if byte == ASCII.slash, index + 1 < count, bytes[index + 1] == ASCII.star {
                index += 2
                while index + 1 < count, !(bytes[index] == ASCII.star && bytes[index + 1] == ASCII.slash) { index += 1 }
                index += 2
            } else {
                break
            }
        }
        var end = index
        while end < count, end - index < 12, isLetter(bytes[end]) { end += 1 }
        guard end - index >= 2, end < count ? !ASCII.isIdentifierPart(bytes[end]) : true else { return nil }
        guard KeywordPrefilter.isStatementKeyword(UnsafeBufferPointer(rebasing: bytes[index..<end])) else { return nil }
        return index..<end
    }

    @inline(__always) private static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }
}
