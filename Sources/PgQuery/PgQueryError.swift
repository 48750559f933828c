import Foundation

/// An error reported by libpg_query, carrying the parser's message and the position at which it occurred.
public struct PgQueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The PostgreSQL parser's message, e.g. `syntax error at or near "FORM"`.
    public let message: String
    /// 1-based character position in the input at which the error occurred (0 when unknown).
    public let cursorPosition: Int

    /// Creates an error value.
    public init(message: String, cursorPosition: Int) {
        self.message = message
        self.cursorPosition = cursorPosition
    }

    public var description: String {
        cursorPosition > 0 ? "\(message) (at position \(cursorPosition))" : message
    }
}
