import Foundation

/// A significant token of a source file (whitespace and comments are dropped).
///
/// Public only so that its inlinable package members are inlined into other modules (see ``ASCII``).
public struct SourceToken {
    /// What a token is.
    public enum Kind: UInt8 {
        case identifier, string, punctuation, number

        /// Compares raw values; inlinable so that other modules' token loops do not call the
        /// synthesized conformance.
        @inlinable public static func == (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue == rhs.rawValue }
    }

    package var kind: Kind
    /// The punctuation byte, or the opening quote of a string.
    package var byte: UInt8
    package var start: Int32
    package var end: Int32
    package var line: Int32
    package var column: Int32
    /// Index into ``LexedSource/literals`` for strings, -1 otherwise.
    package var literal: Int32
}

/// A piece of a string literal: text, or an interpolated run-time expression.
package struct LiteralSegment {
    package var isHole: Bool
    package var start: Int32
    package var end: Int32
}

/// The body of a string literal.
package struct StringLiteralInfo {
    package var segmentStart: Int32
    package var segmentCount: Int32
    package var escapes: EscapeStyle
    /// A JavaScript template literal (holes may become parameters when tagged).
    package var isTemplate: Bool
}

/// A growable array of tokens. The lexer appends one token every few bytes, so appending skips
/// the copy-on-write checks of `Array`; one worker owns it and reuses it from file to file.
package final class TokenBuffer {
    package private(set) var count = 0
    private var capacity: Int
    private var storage: UnsafeMutablePointer<SourceToken>

    package init(capacity: Int = 4096) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    @inline(__always) func append(_ token: SourceToken) {
        if count == capacity { grow() }
        (storage + count).initialize(to: token)
        count += 1
    }

    @inline(__always) package subscript(index: Int) -> SourceToken {
        precondition(index >= 0 && index < count, "token index out of range")
        return storage[index]
    }

    var last: SourceToken? { count > 0 ? storage[count - 1] : nil }

    /// The tokens as a buffer, valid until the next append or ``removeAll()``; readers index it
    /// without the class's access checks.
    package var elements: UnsafeBufferPointer<SourceToken> { UnsafeBufferPointer(start: storage, count: count) }

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
package struct LexedSource {
    package let tokens = TokenBuffer()
    package var literals: [StringLiteralInfo] = []
    package var segments: [LiteralSegment] = []

    package init() {}

    package mutating func reset() {
        tokens.removeAll()
        literals.removeAll(keepingCapacity: true)
        segments.removeAll(keepingCapacity: true)
    }
}
