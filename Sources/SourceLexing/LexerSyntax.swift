import Foundation

/// How text inside a string literal is spliced with run-time values.
package enum Interpolation: UInt8 {
    case none
    /// `${expr}` (JavaScript template literals).
    case dollarBrace
    /// `${expr}` and `$name` (Kotlin).
    case kotlin
    /// `#{expr}` (Ruby).
    case hashBrace
    /// `\(expr)` (Swift).
    case backslashParen
    /// `{expr}` with `{{` as a literal brace (Python f-strings, C# `$"…"`).
    case brace
    /// `$name`, `{$expr}` (PHP).
    case php
}

/// How escapes inside a literal are decoded.
package enum EscapeStyle: UInt8 {
    /// `\n`, `\"`, … (and a backslash keeps the quote from closing the literal).
    case backslash
    /// No escapes at all (Go raw strings, Kotlin raw strings).
    case none
    /// A backslash keeps the quote from closing the literal, but stays in the text (Python `r""`).
    case rawBackslash
    /// A doubled quote stands for one quote (C# verbatim strings).
    case doubledQuote
}

/// The lexical features of a language that matter for finding string literals.
package struct LexerSyntax {
    var slashComments = true
    var hashComments = false
    var identifierDollar = false
    var singleQuoteStrings = true
    var singleQuoteMultiline = false
    var doubleQuoteMultiline = false
    var doubleQuoteInterpolation: Interpolation = .none
    var singleQuoteInterpolation: Interpolation = .none
    package var backtick: BacktickStyle = .none
    var tripleDouble = false
    var tripleSingle = false
    var tripleEscapes: EscapeStyle = .backslash
    var tripleInterpolation: Interpolation = .none
    var pythonPrefixes = false
    var csharpPrefixes = false
    var swiftRawStrings = false
    var rubyHeredocs = false
    var rubyPercentStrings = false
    var phpHeredocs = false
    var regexLiterals = false
    var hashPreprocessor = false

    /// What a backtick opens.
    package enum BacktickStyle { case none, template, raw, identifier }

    // MARK: - Languages

    package static func forLanguage(_ language: SQLLanguage) -> LexerSyntax {
        var syntax = LexerSyntax()
        switch language {
        case .python:
            syntax.slashComments = false
            syntax.hashComments = true
            syntax.tripleDouble = true
            syntax.tripleSingle = true
            syntax.pythonPrefixes = true
        case .javascript, .typescript:
            syntax.identifierDollar = true
            syntax.backtick = .template
            syntax.regexLiterals = true
        case .go:
            syntax.backtick = .raw
        case .java:
            syntax.tripleDouble = true
        case .kotlin:
            syntax.tripleDouble = true
            syntax.tripleEscapes = .none
            syntax.doubleQuoteInterpolation = .kotlin
            syntax.tripleInterpolation = .kotlin
        case .ruby:
            syntax.slashComments = false
            syntax.hashComments = true
            syntax.singleQuoteMultiline = true
            syntax.doubleQuoteMultiline = true
            syntax.doubleQuoteInterpolation = .hashBrace
            syntax.rubyHeredocs = true
            syntax.rubyPercentStrings = true
            syntax.backtick = .raw
        case .php:
            syntax.hashComments = true
            syntax.identifierDollar = true
            syntax.singleQuoteMultiline = true
            syntax.doubleQuoteMultiline = true
            syntax.doubleQuoteInterpolation = .php
            syntax.phpHeredocs = true
            syntax.backtick = .raw
        case .csharp:
            syntax.tripleDouble = true
            syntax.tripleEscapes = .none
            syntax.csharpPrefixes = true
            syntax.hashPreprocessor = true
        case .swift:
            syntax.singleQuoteStrings = false
            syntax.tripleDouble = true
            syntax.doubleQuoteInterpolation = .backslashParen
            syntax.tripleInterpolation = .backslashParen
            syntax.swiftRawStrings = true
        case .sql:
            break
        }
        return syntax
    }
}
