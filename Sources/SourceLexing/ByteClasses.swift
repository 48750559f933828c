import Foundation

/// A 256-entry yes/no table over bytes, written once at creation and only read afterwards.
///
/// Public only so that its inlinable package subscript is inlined into other modules (see ``ASCII``).
public struct ByteTable: @unchecked Sendable {
    @usableFromInline let entries: UnsafePointer<Bool>

    /// Builds the table; it is never freed (tables are process-wide constants).
    package init(_ member: (UInt8) -> Bool) {
        let entries = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        for byte in 0...255 { entries[byte] = member(UInt8(byte)) }
        self.entries = UnsafePointer(entries)
    }

    @inlinable package subscript(byte: UInt8) -> Bool { entries[Int(byte)] }
}

/// Lookup tables for the lexer's hottest questions (one load instead of a chain of comparisons).
package enum ByteClasses {
    /// Bytes that start an identifier: ASCII letters, `_` and every non-ASCII byte.
    static let identifierStart = ByteTable { ASCII.isIdentifierStart($0) }

    /// Bytes that continue an identifier.
    static let identifierPart = ByteTable { ASCII.isIdentifierPart($0) }

    /// Bytes that continue an identifier in languages where `$` is a letter (JavaScript, PHP).
    static let identifierPartWithDollar = ByteTable { ASCII.isIdentifierPart($0) || $0 == ASCII.dollar }

    /// Bytes that may end or interrupt the text of a string literal: every closing delimiter
    /// (quotes, backtick, the closers of Ruby `%(…)` strings), escapes, line breaks and the
    /// starts of interpolations. Other bytes are plain text in every kind of literal.
    static let literalStop = ByteTable { byte in
        switch byte {
        case ASCII.doubleQuote, ASCII.singleQuote, ASCII.backtick, ASCII.backslash, ASCII.newline, ASCII.dollar,
             ASCII.hash, ASCII.openBrace, ASCII.closeParen, ASCII.closeBrace, ASCII.closeBracket, UInt8(ascii: "|"):
            return true
        default:
            return false
        }
    }

    /// Bytes that are a punctuation token in every language: not blank, not a letter or digit,
    /// and not the start of a string, comment, interpolation prefix or heredoc.
    static let plainPunctuation = ByteTable { byte in
        switch byte {
        case ASCII.newline, ASCII.space, ASCII.tab, ASCII.carriageReturn, ASCII.doubleQuote, ASCII.singleQuote,
             ASCII.backtick, ASCII.slash, ASCII.hash, ASCII.at, ASCII.dollar, ASCII.percent, ASCII.less:
            return false
        default:
            return byte > 0x20 && byte < 0x7F && !ASCII.isIdentifierPart(byte)
        }
    }

    /// ``plainPunctuation`` without `?`, which in PHP may close the code (`?>`).
    static let plainPunctuationPHP = ByteTable { byte in
        byte != UInt8(ascii: "?") && plainPunctuation[byte]
    }
}
