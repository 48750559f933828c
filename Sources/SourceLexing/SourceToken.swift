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

    @usableFromInline package var kind: Kind
    /// The punctuation byte, or the opening quote of a string.
    @usableFromInline package var byte: UInt8
    package var start: Int32
    package var end: Int32
    package var line: Int32
    package var column: Int32
    /// Index into ``LexedSource/literals`` for strings, -1 otherwise.
    package var literal: Int32

    /// Whether the token is the punctuation `byte`.
    @inlinable package func isPunctuation(_ byte: UInt8) -> Bool {
        kind == .punctuation && self.byte == byte
    }
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
///
/// The counts and storage live behind a pointer held in a `let`: stored `var`s of a class would
/// cost a dynamic exclusivity check on every append.
package final class TokenBuffer {
    private struct State {
        var count: Int
        var capacity: Int
        var elements: UnsafeMutablePointer<SourceToken>
    }

    private let state: UnsafeMutablePointer<State>

    package init(capacity: Int = 4096) {
        state = .allocate(capacity: 1)
        state.initialize(to: State(count: 0, capacity: capacity, elements: .allocate(capacity: capacity)))
    }

    deinit {
        state.pointee.elements.deallocate()
        state.deallocate()
    }

    /// How many tokens the buffer holds.
    package var count: Int { state.pointee.count }

    @inline(__always) func append(_ token: SourceToken) {
        if state.pointee.count == state.pointee.capacity { grow() }
        (state.pointee.elements + state.pointee.count).initialize(to: token)
        state.pointee.count += 1
    }

    var last: SourceToken? { count > 0 ? state.pointee.elements[count - 1] : nil }

    /// The tokens as a buffer, valid until the next append or ``removeAll()``.
    package var elements: UnsafeBufferPointer<SourceToken> {
        UnsafeBufferPointer(start: state.pointee.elements, count: count)
    }

    /// Forgets the tokens, keeping the storage.
    func removeAll() { state.pointee.count = 0 }

    private func grow() {
        let capacity = state.pointee.capacity * 2
        let larger = UnsafeMutablePointer<SourceToken>.allocate(capacity: capacity)
        larger.moveInitialize(from: state.pointee.elements, count: state.pointee.count)
        state.pointee.elements.deallocate()
        state.pointee.elements = larger
        state.pointee.capacity = capacity
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

    /// Whether the file (`bytes`, as lexed) imports a module whose name starts with `modulePrefix`
    /// (Swift's `import SQLite`, `import SQLiteNIO`).
    package func imports(modulePrefix: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let prefix = UnsafeBufferPointer(start: modulePrefix.utf8Start, count: modulePrefix.utf8CodeUnitCount)
        func text(_ token: SourceToken) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])
        }
        let tokens = self.tokens.elements
        for index in tokens.indices.dropLast()
        where tokens[index].kind == .identifier && text(tokens[index]).elementsEqual("import".utf8) {
            let module = tokens[index + 1]
            if module.kind == .identifier, text(module).starts(with: prefix) { return true }
        }
        return false
    }
}
