import Foundation

/// A significant token of a source file (whitespace and comments are dropped).
struct SourceToken {
    enum Kind: UInt8 { case identifier, string, punctuation, number }

    var kind: Kind
    /// The punctuation byte, or the opening quote of a string.
    var byte: UInt8
    var start: Int32
    var end: Int32
    var line: Int32
    var column: Int32
    /// Index into ``LexedSource/literals`` for strings, -1 otherwise.
    var literal: Int32
}

/// A piece of a string literal: text, or an interpolated run-time expression.
struct LiteralSegment {
    var isHole: Bool
    var start: Int32
    var end: Int32
}

/// The body of a string literal.
struct StringLiteralInfo {
    var segmentStart: Int32
    var segmentCount: Int32
    var escapes: EscapeStyle
    /// A JavaScript template literal (holes may become parameters when tagged).
    var isTemplate: Bool
}

/// The tokens of one file plus the literal tables they refer to; buffers are reused between files.
struct LexedSource {
    var tokens: [SourceToken] = []
    var literals: [StringLiteralInfo] = []
    var segments: [LiteralSegment] = []

    mutating func reset() {
        tokens.removeAll(keepingCapacity: true)
        literals.removeAll(keepingCapacity: true)
        segments.removeAll(keepingCapacity: true)
    }
}
