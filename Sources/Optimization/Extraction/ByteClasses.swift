import Foundation

/// A 256-entry yes/no table over bytes, written once at creation and only read afterwards.
struct ByteTable: @unchecked Sendable {
    private let entries: UnsafePointer<Bool>

    /// Builds the table; it is never freed (tables are process-wide constants).
    init(_ member: (UInt8) -> Bool) {
        let entries = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        for byte in 0...255 { entries[byte] = member(UInt8(byte)) }
        self.entries = UnsafePointer(entries)
    }

    @inline(__always) subscript(byte: UInt8) -> Bool { entries[Int(byte)] }
}

/// Lookup tables for the lexer's hottest questions (one load instead of a chain of comparisons).
enum ByteClasses {
    /// Bytes that start an identifier: ASCII letters, `_` and every non-ASCII byte.
    static let identifierStart = ByteTable { ASCII.isIdentifierStart($0) }

    /// Bytes that continue an identifier.
    static let identifierPart = ByteTable { ASCII.isIdentifierPart($0) }

    /// Bytes that continue an identifier in languages where `$` is a letter (JavaScript, PHP).
    static let identifierPartWithDollar = ByteTable { ASCII.isIdentifierPart($0) || $0 == ASCII.dollar }
}
