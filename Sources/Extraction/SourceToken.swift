import Foundation

/// A significant token of a source file (whitespace and comments are dropped).
struct SourceToken {
    enum Kind: UInt8 { case identifier, string, punctuation, number }

    package var kind: Kind
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

/// A growable array of tokens. The lexer appends one token every few bytes, so appending skips
/// the copy-on-write checks of `Array`; one worker owns it and reuses it from file to file.
final class TokenBuffer {
    private(set) var count = 0
    private var capacity: Int
    private var storage: UnsafeMutablePointer<SourceToken>

    init(capacity: Int = 4096) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    @inline(__always) func append(_ token: SourceToken) {
        if count == capacity { grow() }
        (storage + count).initialize(to: token)
        count += 1
    }

    @inline(__always) subscript(index: Int) -> SourceToken {
        precondition(index >= 0 && index < count, "token index out of range")
        return storage[index]
    }

    var last: SourceToken? { count > 0 ? storage[count - 1] : nil }

    /// Forgets the tokens, keeping the storage.
    func removeAll() { count = 0 }

    private func grow() {
        let larger = UnsafeMutablePointer<SourceToken>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}

/// The tokens of one file plus the literal tables they refer to; buffers are reused between files.
struct LexedSource {
    let tokens = TokenBuffer()
    var literals: [StringLiteralInfo] = []
    var segments: [LiteralSegment] = []

    mutating func reset() {
        tokens.removeAll()
        literals.removeAll(keepingCapacity: true)
        segments.removeAll(keepingCapacity: true)
    }
}
