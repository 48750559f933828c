import Foundation

// MARK: - Byte constants

/// ASCII bytes by name, for the byte loops of the engines.
///
/// The type is public only so that its inlinable package members are inlined into other modules
/// (the compiler does not serialize the bodies of members of package types); other modules'
/// byte loops then compare against constants instead of calling accessors.
public enum ASCII {
    @inlinable package static var newline: UInt8 { UInt8(ascii: "\n") }
    @inlinable package static var space: UInt8 { UInt8(ascii: " ") }
    @inlinable package static var tab: UInt8 { UInt8(ascii: "\t") }
    @inlinable package static var carriageReturn: UInt8 { UInt8(ascii: "\r") }
    @inlinable package static var doubleQuote: UInt8 { UInt8(ascii: "\"") }
    @inlinable package static var singleQuote: UInt8 { UInt8(ascii: "'") }
    @inlinable package static var backtick: UInt8 { UInt8(ascii: "`") }
    @inlinable package static var backslash: UInt8 { UInt8(ascii: "\\") }
    @inlinable package static var slash: UInt8 { UInt8(ascii: "/") }
    @inlinable package static var star: UInt8 { UInt8(ascii: "*") }
    @inlinable package static var hash: UInt8 { UInt8(ascii: "#") }
    @inlinable package static var dollar: UInt8 { UInt8(ascii: "$") }
    @inlinable package static var at: UInt8 { UInt8(ascii: "@") }
    @inlinable package static var percent: UInt8 { UInt8(ascii: "%") }
    @inlinable package static var less: UInt8 { UInt8(ascii: "<") }
    @inlinable package static var openBrace: UInt8 { UInt8(ascii: "{") }
    @inlinable package static var closeBrace: UInt8 { UInt8(ascii: "}") }
    @inlinable package static var openParen: UInt8 { UInt8(ascii: "(") }
    @inlinable package static var closeParen: UInt8 { UInt8(ascii: ")") }
    @inlinable package static var openBracket: UInt8 { UInt8(ascii: "[") }
    @inlinable package static var closeBracket: UInt8 { UInt8(ascii: "]") }
    @inlinable package static var underscore: UInt8 { UInt8(ascii: "_") }
    @inlinable package static var minus: UInt8 { UInt8(ascii: "-") }
    @inlinable package static var tilde: UInt8 { UInt8(ascii: "~") }

    @inlinable package static func isIdentifierStart(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || byte == underscore || byte >= 0x80
    }

    @inlinable package static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= 0x30 && byte <= 0x39)
    }

    @inlinable package static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// A space, tab, line break, vertical tab, form feed or carriage return (what `\s` matches).
    @inlinable package static func isBlank(_ byte: UInt8) -> Bool { byte == space || (byte >= 0x09 && byte <= 0x0D) }

    // MARK: Words in bytes

    /// Whether `bytes` hold `word` (byte for byte).
    package static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return pattern.isEmpty }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if UnsafeBufferPointer(rebasing: bytes[start..<(start + pattern.count)]).elementsEqual(pattern) { return true }
        }
        return false
    }

    /// Whether `bytes` begin with `word`.
    package static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        return bytes.count >= count
            && UnsafeBufferPointer(rebasing: bytes[..<count]).elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count))
    }

    /// Whether `bytes` end with `word`.
    package static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        return bytes.count >= count && UnsafeBufferPointer(rebasing: bytes[(bytes.count - count)...])
            .elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count))
    }

    // MARK: Eight bytes at a time

    /// `byte` in every byte of a word.
    @inlinable package static func repeated(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// The high bit of each byte of `word` that is zero, and no other bit.
    @inlinable package static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low = 0x7F7F_7F7F_7F7F_7F7F as UInt64
        return ~(((word & low) &+ low) | word | low)
    }

    /// The high bit of each byte of `word` below `limit` (at most 0x80), and no other bit.
    @inlinable package static func bytesBelow(_ limit: UInt8, in word: UInt64) -> UInt64 {
        let high = 0x8080_8080_8080_8080 as UInt64
        // With each byte's high bit set no borrow crosses a byte, and the difference keeps its high
        // bit exactly when the low seven bits are at least `limit`; `~word` drops bytes of 0x80 and up.
        return ~((word | high) &- repeated(limit)) & ~word & high
    }

    /// `String(decoding: bytes, as: UTF8.self).lowercased()`, without Unicode case mapping when
    /// the bytes are ASCII (names of callees and variables, read for every candidate).
    package static func lowercasedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !bytes.contains(where: { $0 >= 0x80 }) else {
            return String(decoding: bytes, as: UTF8.self).lowercased()
        }
        return String(unsafeUninitializedCapacity: bytes.count) { output in
            for (index, byte) in bytes.enumerated() {
                output[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            }
            return bytes.count
        }
    }
}

/// A fast, forgiving byte-level lexer that finds identifiers, punctuation and string literals
/// (with their interpolated holes) in source code of any supported language.
package struct SourceLexer {
    private let p: UnsafePointer<UInt8>
    private let n: Int
    private let syntax: LexerSyntax
    private let identifierStart = ByteClasses.identifierStart
    private let identifierPart: ByteTable
    private let literalStop = ByteClasses.literalStop
    private let plainPunctuation: ByteTable
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var pending: [PendingHeredoc] = []

    private struct PendingHeredoc {
        var identifier: Range<Int>
        var interpolation: Interpolation
        package var literal: Int
        var indentedTerminator: Bool
        var php: Bool
    }

    package init(bytes: UnsafeBufferPointer<UInt8>, syntax: LexerSyntax) {
        self.p = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        self.n = bytes.count
        self.syntax = syntax
        self.identifierPart = syntax.identifierDollar ? ByteClasses.identifierPartWithDollar : ByteClasses.identifierPart
        self.plainPunctuation = syntax.phpHeredocs ? ByteClasses.plainPunctuationPHP : ByteClasses.plainPunctuation
    }

    // MARK: - Main loop

    package mutating func run(into out: inout LexedSource) {
        if syntax.phpHeredocs { skipLeadingHTML() }
        while i < n {
            let c = p[i]
            // Identifiers and plain punctuation are the commonest tokens; neither can start
            // any of the constructs handled below.
            if identifierStart[c] {
                identifier(&out)
                continue
            }
            if plainPunctuation[c] {
                punctuation(&out, c)
                continue
            }
            switch c {
            case ASCII.newline:
                i += 1
                newLine()
                if !pending.isEmpty { readHeredocBodies(&out) }
            case ASCII.space, ASCII.tab, ASCII.carriageReturn:
                i += 1
                while i < n, p[i] == ASCII.space { i += 1 }
            case ASCII.doubleQuote:
                readDoubleQuoted(&out)
            case ASCII.singleQuote:
                if syntax.singleQuoteStrings {
                    if syntax.tripleSingle, at(i + 1) == c, at(i + 2) == c {
                        readQuoted(&out, start: i, contentStart: i + 3, quote: c, triple: true, escapes: .backslash,
                                   interpolation: .none, multiline: true, template: false)
                    } else {
                        readQuoted(&out, start: i, contentStart: i + 1, quote: c, triple: false, escapes: .backslash,
                                   interpolation: syntax.singleQuoteInterpolation,
                                   multiline: syntax.singleQuoteMultiline, template: false)
                    }
                } else {
                    punctuation(&out, c)
                }
            case ASCII.backtick:
                switch syntax.backtick {
                case .template:
                    readQuoted(&out, start: i, contentStart: i + 1, quote: c, triple: false, escapes: .backslash,
                               interpolation: .dollarBrace, multiline: true, template: true)
                case .raw:
                    readQuoted(&out, start: i, contentStart: i + 1, quote: c, triple: false, escapes: .none,
                               interpolation: .none, multiline: true, template: false)
                case .none, .identifier:
                    punctuation(&out, c)
                }
            case ASCII.slash:
                slash(&out)
            case ASCII.hash:
                hash(&out)
            case ASCII.at where syntax.csharpPrefixes:
                csharpPrefixed(&out)
            case ASCII.dollar where syntax.csharpPrefixes:
                csharpPrefixed(&out)
            case ASCII.percent where syntax.rubyPercentStrings:
                if !rubyPercentString(&out) { punctuation(&out, c) }
            case ASCII.less where syntax.rubyHeredocs || syntax.phpHeredocs:
                if !heredocStart(&out) { punctuation(&out, c) }
            case UInt8(ascii: "?") where syntax.phpHeredocs && at(i + 1) == UInt8(ascii: ">"):
                i += 2
                skipInlineHTML()
            default:
                if ASCII.isIdentifierStart(c) || (c == ASCII.dollar && syntax.identifierDollar) {
                    identifier(&out)
                } else if ASCII.isDigit(c) {
                    number(&out)
                } else {
                    punctuation(&out, c)
                }
            }
        }
    }

    // MARK: - PHP's inline HTML

    /// Skips the HTML before the first `<?php` of a template that opens with markup.
    private mutating func skipLeadingHTML() {
        var start = 0
        while start < n, p[start] == ASCII.space || p[start] == ASCII.tab || p[start] == ASCII.newline
                || p[start] == ASCII.carriageReturn {
            start += 1
        }
        guard start < n, p[start] == ASCII.less, at(start + 1) != UInt8(ascii: "?") else { return }
        skipInlineHTML()
    }

    /// Skips the HTML after `?>` (or at the start of a template) up to the next `<?php`, `<?=` or
    /// `<?` short tag: markup whose quotes and apostrophes open no string.
    private mutating func skipInlineHTML() {
        while i < n {
            let c = p[i]
            if c == ASCII.newline {
                i += 1
                newLine()
                continue
            }
            if c == ASCII.less, at(i + 1) == UInt8(ascii: "?") {
                if at(i + 2) == UInt8(ascii: "=") {
                    i += 3
                    return
                }
                if at(i + 2) | 0x20 == UInt8(ascii: "p"), at(i + 3) | 0x20 == UInt8(ascii: "h"), at(i + 4) | 0x20 == UInt8(ascii: "p") {
                    i += 5
                    return
                }
                let next = at(i + 2)
                if next == ASCII.space || next == ASCII.newline || next == ASCII.tab || next == ASCII.carriageReturn {
                    i += 2
                    return
                }
            }
            i += 1
        }
    }

    // MARK: - Simple tokens

    @inline(__always) private func at(_ index: Int) -> UInt8 {
        index < n ? p[index] : 0
    }

    @inline(__always) private mutating func newLine() {
        line += 1
        lineStart = i
    }

    @inline(__always) private mutating func punctuation(_ out: inout LexedSource, _ c: UInt8) {
        out.tokens.append(SourceToken(kind: .punctuation, byte: c, start: Int32(i), end: Int32(i + 1),
                                      line: Int32(line), column: Int32(i - lineStart + 1), literal: -1))
        i += 1
    }

    private mutating func number(_ out: inout LexedSource) {
        let start = i
        while i < n, ASCII.isIdentifierPart(p[i]) || p[i] == UInt8(ascii: ".") { i += 1 }
        out.tokens.append(SourceToken(kind: .number, byte: 0, start: Int32(start), end: Int32(i),
                                      line: Int32(line), column: Int32(start - lineStart + 1), literal: -1))
    }

    private mutating func identifier(_ out: inout LexedSource) {
        let start = i
        i += 1
        while i < n, identifierPart[p[i]] { i += 1 }
        if syntax.pythonPrefixes, i - start <= 2, i < n, p[i] == ASCII.doubleQuote || p[i] == ASCII.singleQuote,
           let prefix = pythonPrefix(start..<i) {
            pythonString(&out, start: start, raw: prefix.raw, formatted: prefix.formatted)
            return
        }
        out.tokens.append(SourceToken(kind: .identifier, byte: 0, start: Int32(start), end: Int32(i),
                                      line: Int32(line), column: Int32(start - lineStart + 1), literal: -1))
    }

    private func pythonPrefix(_ range: Range<Int>) -> (raw: Bool, formatted: Bool)? {
        var raw = false
        var formatted = false
        for index in range {
            switch p[index] | 0x20 {
            case UInt8(ascii: "r"): raw = true
            case UInt8(ascii: "f"): formatted = true
            case UInt8(ascii: "b"), UInt8(ascii: "u"): break
            default: return nil
            }
        }
        return (raw, formatted)
    }

    private mutating func pythonString(_ out: inout LexedSource, start: Int, raw: Bool, formatted: Bool) {
        let quote = p[i]
        let triple = at(i + 1) == quote && at(i + 2) == quote
        readQuoted(&out, start: start, contentStart: i + (triple ? 3 : 1), quote: quote, triple: triple,
                   escapes: raw ? .rawBackslash : .backslash, interpolation: formatted ? .brace : .none,
                   multiline: triple, template: false)
    }

    // MARK: - Comments and slashes

    private mutating func skipLine() {
        if let found = memchr(p + i, Int32(ASCII.newline), n - i) {
            i = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - p
        } else {
            i = n
        }
    }

    private mutating func skipBlockComment() {
        i += 2
        while i < n {
            let c = p[i]
            if c == ASCII.star, at(i + 1) == ASCII.slash {
                i += 2
                return
            }
            i += 1
            if c == ASCII.newline { newLine() }
        }
    }

    private mutating func slash(_ out: inout LexedSource) {
        let next = at(i + 1)
        if syntax.slashComments, next == ASCII.slash {
            skipLine()
        } else if syntax.slashComments, next == ASCII.star {
            skipBlockComment()
        } else if syntax.regexLiterals, regexAllowed(out) {
            skipRegex()
        } else {
            punctuation(&out, ASCII.slash)
        }
    }

    private func regexAllowed(_ out: LexedSource) -> Bool {
        guard let last = out.tokens.last else { return true }
        switch last.kind {
        case .punctuation:
            return last.byte != ASCII.closeParen && last.byte != ASCII.closeBracket && last.byte != ASCII.closeBrace
        case .identifier:
            let length = Int(last.end - last.start)
            return length == 6 && memcmp(p + Int(last.start), "return", 6) == 0
        case .string, .number:
            return false
        }
    }

    private mutating func skipRegex() {
        let start = i
        i += 1
        var inClass = false
        while i < n {
            let c = p[i]
            if c == ASCII.newline {
                i = start + 1
                return
            }
            i += 1
            if c == ASCII.backslash {
                i += 1
            } else if c == ASCII.openBracket {
                inClass = true
            } else if c == ASCII.closeBracket {
                inClass = false
            } else if c == ASCII.slash, !inClass {
                return
            }
        }
    }

    private mutating func hash(_ out: inout LexedSource) {
        if syntax.swiftRawStrings, let quoteIndex = rawStringQuote() {
            swiftRawString(&out, quoteIndex: quoteIndex)
        } else if syntax.hashComments || syntax.hashPreprocessor {
            skipLine()
        } else {
            punctuation(&out, ASCII.hash)
        }
    }

    // MARK: - Strings

    private mutating func readDoubleQuoted(_ out: inout LexedSource) {
        let c = ASCII.doubleQuote
        if syntax.tripleDouble, at(i + 1) == c, at(i + 2) == c {
            readQuoted(&out, start: i, contentStart: i + 3, quote: c, triple: true, escapes: syntax.tripleEscapes,
                       interpolation: syntax.tripleInterpolation, multiline: true, template: false)
        } else {
            readQuoted(&out, start: i, contentStart: i + 1, quote: c, triple: false, escapes: .backslash,
                       interpolation: syntax.doubleQuoteInterpolation, multiline: syntax.doubleQuoteMultiline,
                       template: false)
        }
    }

    /// Reads a literal from `contentStart` to its closing quote, recording text segments and holes.
    private mutating func readQuoted(_ out: inout LexedSource, start: Int, contentStart: Int, quote: UInt8,
                                     triple: Bool, escapes: EscapeStyle, interpolation: Interpolation,
                                     multiline: Bool, template: Bool, closingHashes: Int = 0) {
        let tokenLine = line
        let tokenColumn = start - lineStart + 1
        let segmentStart = out.segments.count
        var textStart = contentStart
        i = contentStart
        var contentEnd = n
        scan: while i < n {
            while i < n, !literalStop[p[i]] { i += 1 }
            guard i < n else { break }
            let c = p[i]
            switch c {
            case quote:
                if escapes == .doubledQuote, at(i + 1) == quote {
                    i += 2
                    continue
                }
                if triple {
                    guard at(i + 1) == quote, at(i + 2) == quote else { i += 1; continue }
                    contentEnd = i
                    i += 3
                    while i < n, p[i] == quote { i += 1; contentEnd += 1 }
                } else {
                    contentEnd = i
                    i += 1
                }
                if closingHashes > 0 {
                    var hashes = 0
                    while hashes < closingHashes, at(i) == ASCII.hash { hashes += 1; i += 1 }
                    guard hashes == closingHashes else { continue }
                }
                break scan
            case ASCII.backslash where escapes == .backslash || escapes == .rawBackslash:
                if interpolation == .backslashParen, at(i + 1) == ASCII.openParen {
                    textStart = balancedHole(&out, textStart: textStart, opener: 2, open: ASCII.openParen, close: ASCII.closeParen)
                } else {
                    if at(i + 1) == ASCII.newline { i += 2; newLine(); continue }
                    i += 2
                }
            case ASCII.newline:
                if !multiline {
                    contentEnd = i
                    break scan
                }
                i += 1
                newLine()
            case ASCII.dollar where interpolation == .dollarBrace || interpolation == .kotlin || interpolation == .php:
                if at(i + 1) == ASCII.openBrace {
                    textStart = balancedHole(&out, textStart: textStart, opener: 2, open: ASCII.openBrace, close: ASCII.closeBrace)
                } else if interpolation != .dollarBrace, ASCII.isIdentifierStart(at(i + 1)) {
                    addText(&out, textStart, i)
                    let holeStart = i
                    i += 1
                    skipVariableReference(php: interpolation == .php)
                    addHole(&out, holeStart, i)
                    textStart = i
                } else {
                    i += 1
                }
            case ASCII.hash where interpolation == .hashBrace:
                if at(i + 1) == ASCII.openBrace {
                    textStart = balancedHole(&out, textStart: textStart, opener: 2, open: ASCII.openBrace, close: ASCII.closeBrace)
                } else {
                    i += 1
                }
            case ASCII.openBrace where interpolation == .brace || interpolation == .php:
                if at(i + 1) == ASCII.openBrace, interpolation == .brace {
                    i += 2
                } else if interpolation == .brace || at(i + 1) == ASCII.dollar {
                    textStart = balancedHole(&out, textStart: textStart, opener: 1, open: ASCII.openBrace, close: ASCII.closeBrace)
                } else {
                    i += 1
                }
            default:
                i += 1
            }
        }
        addText(&out, textStart, min(contentEnd, n))
        out.literals.append(StringLiteralInfo(segmentStart: Int32(segmentStart),
                                              segmentCount: Int32(out.segments.count - segmentStart),
                                              escapes: escapes, isTemplate: template))
        out.tokens.append(SourceToken(kind: .string, byte: quote, start: Int32(start), end: Int32(i),
                                      line: Int32(tokenLine), column: Int32(tokenColumn),
                                      literal: Int32(out.literals.count - 1)))
    }

    @inline(__always) private func addText(_ out: inout LexedSource, _ start: Int, _ end: Int) {
        if end > start { out.segments.append(LiteralSegment(isHole: false, start: Int32(start), end: Int32(end))) }
    }

    @inline(__always) private func addHole(_ out: inout LexedSource, _ start: Int, _ end: Int) {
        out.segments.append(LiteralSegment(isHole: true, start: Int32(start), end: Int32(end)))
    }

    /// Skips to just after the bracket closing the one already consumed, stepping over nested quotes.
    /// Ends the text run at `i` and records an interpolation hole: the opener (`opener` bytes,
    /// e.g. `${`) and everything up to its balanced `close`. Returns where the next text run starts.
    @inline(__always) private mutating func balancedHole(
        _ out: inout LexedSource, textStart: Int, opener: Int, open: UInt8, close: UInt8
    ) -> Int {
        addText(&out, textStart, i)
        let holeStart = i
        i += opener
        skipBalanced(open: open, close: close)
        addHole(&out, holeStart, i)
        return i
    }

    /// In JavaScript, a hole holds code: a regular expression (`replace(/'/g, "''")`) and a
    /// template literal with holes of its own, over several lines, are stepped over whole.
    private mutating func skipBalanced(open: UInt8, close: UInt8) {
        var depth = 1
        var previous = open
        while i < n {
            let c = p[i]
            i += 1
            switch c {
            case open: depth += 1
            case close:
                depth -= 1
                if depth == 0 { return }
            case ASCII.newline: newLine()
            case ASCII.backtick where syntax.regexLiterals:
                skipNestedTemplate()
            case ASCII.slash where syntax.regexLiterals && Self.mayPrecedeRegex(previous):
                i -= 1
                skipRegex()
            case ASCII.doubleQuote, ASCII.singleQuote, ASCII.backtick:
                while i < n, p[i] != c, p[i] != ASCII.newline {
                    i += p[i] == ASCII.backslash ? 2 : 1
                }
                if i < n, p[i] == c { i += 1 }
            default: break
            }
            if c != ASCII.space, c != ASCII.tab, c != ASCII.newline { previous = c }
        }
    }

    /// Whether a `/` after this byte opens a regular expression rather than dividing.
    private static func mayPrecedeRegex(_ byte: UInt8) -> Bool {
        switch byte {
        case ASCII.openParen, ASCII.openBracket, ASCII.openBrace, ASCII.closeBrace, UInt8(ascii: ","),
             UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "&"),
             UInt8(ascii: "|"), UInt8(ascii: "?"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"),
             UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "~"), UInt8(ascii: "^"):
            true
        default:
            false
        }
    }

    /// Skips a template literal inside a hole, from after its opening backtick to after its
    /// closing one.
    private mutating func skipNestedTemplate() {
        while i < n {
            let c = p[i]
            i += 1
            switch c {
            case ASCII.backslash: i += 1
            case ASCII.backtick: return
            case ASCII.newline: newLine()
            case ASCII.dollar where at(i) == ASCII.openBrace:
                i += 1
                skipBalanced(open: ASCII.openBrace, close: ASCII.closeBrace)
            default: break
            }
        }
    }

    /// Skips `name`, `name->field`, `name[index]` after a `$` (Kotlin, PHP).
    private mutating func skipVariableReference(php: Bool) {
        while i < n, ASCII.isIdentifierPart(p[i]) { i += 1 }
        guard php else { return }
        if at(i) == ASCII.minus, at(i + 1) == UInt8(ascii: ">"), ASCII.isIdentifierStart(at(i + 2)) {
            i += 2
            while i < n, ASCII.isIdentifierPart(p[i]) { i += 1 }
        } else if at(i) == ASCII.openBracket {
            i += 1
            while i < n, p[i] != ASCII.closeBracket, p[i] != ASCII.newline { i += 1 }
            if at(i) == ASCII.closeBracket { i += 1 }
        }
    }

    // MARK: - Language-specific literals

    private mutating func csharpPrefixed(_ out: inout LexedSource) {
        let start = i
        var verbatim = false
        var interpolated = false
        var j = i
        while j < n, j - i < 3 {
            if p[j] == ASCII.at { verbatim = true } else if p[j] == ASCII.dollar { interpolated = true } else { break }
            j += 1
        }
        guard at(j) == ASCII.doubleQuote else {
            punctuation(&out, p[i])
            return
        }
        let triple = at(j + 1) == ASCII.doubleQuote && at(j + 2) == ASCII.doubleQuote
        readQuoted(&out, start: start, contentStart: j + (triple ? 3 : 1), quote: ASCII.doubleQuote, triple: triple,
                   escapes: triple ? .none : (verbatim ? .doubledQuote : .backslash),
                   interpolation: interpolated ? .brace : .none, multiline: verbatim || triple, template: false)
    }

    private func rawStringQuote() -> Int? {
        var j = i
        while j < n, p[j] == ASCII.hash { j += 1 }
        return at(j) == ASCII.doubleQuote ? j : nil
    }

    private mutating func swiftRawString(_ out: inout LexedSource, quoteIndex: Int) {
        let hashes = quoteIndex - i
        let triple = at(quoteIndex + 1) == ASCII.doubleQuote && at(quoteIndex + 2) == ASCII.doubleQuote
        readQuoted(&out, start: i, contentStart: quoteIndex + (triple ? 3 : 1), quote: ASCII.doubleQuote,
                   triple: triple, escapes: .none, interpolation: .none, multiline: triple, template: false,
                   closingHashes: hashes)
    }

    private mutating func rubyPercentString(_ out: inout LexedSource) -> Bool {
        var j = i + 1
        var interpolation = Interpolation.hashBrace
        switch at(j) {
        case UInt8(ascii: "q"): interpolation = .none; j += 1
        case UInt8(ascii: "Q"): j += 1
        case ASCII.openParen, ASCII.openBrace, ASCII.openBracket, UInt8(ascii: "|"): break
        default: return false
        }
        let open = at(j)
        let close: UInt8
        switch open {
        case ASCII.openParen: close = ASCII.closeParen
        case ASCII.openBrace: close = ASCII.closeBrace
        case ASCII.openBracket: close = ASCII.closeBracket
        case UInt8(ascii: "|"): close = open
        default: return false
        }
        if let last = out.tokens.last, last.kind == .identifier || last.kind == .number
            || (last.kind == .punctuation && (last.byte == ASCII.closeParen || last.byte == ASCII.closeBracket)) {
            return false
        }
        readQuoted(&out, start: i, contentStart: j + 1, quote: close, triple: false, escapes: .backslash,
                   interpolation: interpolation, multiline: true, template: false)
        return true
    }

    // MARK: - Heredocs

    private mutating func heredocStart(_ out: inout LexedSource) -> Bool {
        guard at(i + 1) == ASCII.less else { return false }
        var j = i + 2
        var php = false
        var indented = false
        if syntax.phpHeredocs {
            guard at(j) == ASCII.less else { return false }
            php = true
            indented = true
            j += 1
            while at(j) == ASCII.space { j += 1 }
        } else if at(j) == ASCII.tilde || at(j) == ASCII.minus {
            indented = true
            j += 1
        }
        var interpolation: Interpolation = php ? .php : .hashBrace
        let quote = at(j)
        if quote == ASCII.singleQuote || quote == ASCII.doubleQuote {
            if quote == ASCII.singleQuote { interpolation = .none }
            j += 1
        }
        let idStart = j
        while j < n, ASCII.isIdentifierPart(p[j]), p[j] < 0x80 { j += 1 }
        guard j > idStart else { return false }
        if !indented, !php {
            for index in idStart..<j where (p[index] >= UInt8(ascii: "a") && p[index] <= UInt8(ascii: "z")) {
                return false
            }
        }
        let identifier = idStart..<j
        if quote == ASCII.singleQuote || quote == ASCII.doubleQuote {
            guard at(j) == quote else { return false }
            j += 1
        }
        out.literals.append(StringLiteralInfo(segmentStart: Int32(out.segments.count), segmentCount: 0,
                                              escapes: interpolation == .none ? .none : .backslash, isTemplate: false))
        out.tokens.append(SourceToken(kind: .string, byte: ASCII.less, start: Int32(i), end: Int32(j),
                                      line: Int32(line), column: Int32(i - lineStart + 1),
                                      literal: Int32(out.literals.count - 1)))
        pending.append(PendingHeredoc(identifier: identifier, interpolation: interpolation,
                                      literal: out.literals.count - 1, indentedTerminator: indented, php: php))
        i = j
        return true
    }

    private mutating func readHeredocBodies(_ out: inout LexedSource) {
        let heredocs = pending
        pending.removeAll()
        for heredoc in heredocs {
            let bodyStart = i
            var bodyEnd = n
            while i < n {
                let currentLineStart = i
                var k = i
                if heredoc.indentedTerminator { while k < n, p[k] == ASCII.space || p[k] == ASCII.tab { k += 1 } }
                if matchesTerminator(at: k, heredoc: heredoc) {
                    bodyEnd = currentLineStart
                    i = k + heredoc.identifier.count
                    break
                }
                skipLine()
                if i < n {
                    i += 1
                    newLine()
                }
            }
            segmentBody(&out, heredoc: heredoc, start: bodyStart, end: bodyEnd)
            if !heredoc.php { skipLine() }
        }
    }

    private func matchesTerminator(at k: Int, heredoc: PendingHeredoc) -> Bool {
        let length = heredoc.identifier.count
        guard k + length <= n, memcmp(p + k, p + heredoc.identifier.lowerBound, length) == 0 else { return false }
        let after = at(k + length)
        if heredoc.php { return !ASCII.isIdentifierPart(after) }
        return after == ASCII.newline || after == ASCII.carriageReturn || after == 0
            || after == ASCII.space || after == UInt8(ascii: ".") || after == ASCII.closeParen
    }

    private func segmentBody(_ out: inout LexedSource, heredoc: PendingHeredoc, start: Int, end: Int) {
        let segmentStart = out.segments.count
        var textStart = start
        var k = start
        while k < end {
            let c = p[k]
            var holeEnd = -1
            if heredoc.interpolation == .hashBrace, c == ASCII.hash, at(k + 1) == ASCII.openBrace {
                holeEnd = closingBrace(from: k + 2, limit: end)
            } else if heredoc.interpolation == .php, c == ASCII.dollar, ASCII.isIdentifierStart(at(k + 1)) {
                holeEnd = k + 1
                while holeEnd < end, ASCII.isIdentifierPart(p[holeEnd]) { holeEnd += 1 }
            } else if heredoc.interpolation == .php, c == ASCII.openBrace, at(k + 1) == ASCII.dollar {
                holeEnd = closingBrace(from: k + 1, limit: end)
            }
            if holeEnd > k {
                addText(&out, textStart, k)
                addHole(&out, k, holeEnd)
                textStart = holeEnd
                k = holeEnd
            } else {
                k += 1
            }
        }
        addText(&out, textStart, end)
        out.literals[heredoc.literal].segmentStart = Int32(segmentStart)
        out.literals[heredoc.literal].segmentCount = Int32(out.segments.count - segmentStart)
    }

    private func closingBrace(from start: Int, limit: Int) -> Int {
        var depth = 1
        var k = start
        while k < limit {
            if p[k] == ASCII.openBrace { depth += 1 }
            if p[k] == ASCII.closeBrace {
                depth -= 1
                if depth == 0 { return k + 1 }
            }
            k += 1
        }
        return limit
    }
}
