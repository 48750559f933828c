/// What went wrong with a customer database or with the SQL sent to it.
///
/// `code` is stable snake_case (clients and tests read it); `message` is for people and never
/// carries dbooster's own SQL. Features map ``Kind`` to their HTTP status.
public struct TargetError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The query was refused by the guard or failed on the server (the caller's input).
        case refusedQuery
        /// The database URL or its address is not acceptable.
        case invalidTarget
        /// The database could not be reached or failed while working.
        case unreachable
        /// The database did not answer within its time limit (the connect timeout, which covers
        /// TLS and authentication, or the session limit).
        case timedOut
    }

    public let kind: Kind
    public let code: String
    public let message: String

    public init(_ kind: Kind, code: String, message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    /// A refused query with a stable `code`.
    static func refusedQuery(_ code: String, _ message: String) -> TargetError {
        TargetError(.refusedQuery, code: code, message: message)
    }
}
