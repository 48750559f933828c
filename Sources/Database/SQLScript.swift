import Foundation
import CPgQuery

/// Splits a SQL script into statements with PostgreSQL's own parser (libpg_query), so that
/// `$$` bodies, comments and quoted semicolons are handled exactly as the server would.
///
/// Needed because PostgresNIO speaks the extended protocol, which accepts one statement at a time.
public enum SQLScript {
    public struct SplitError: Error, CustomStringConvertible {
        public let message: String
        public let position: Int
        public var description: String { "\(message) at byte \(position)" }
    }

    public static func split(_ script: String) throws -> [String] {
        let result = pg_query_split_with_parser(script)
        defer { pg_query_free_split_result(result) }
        if let error = result.error {
            throw SplitError(message: String(cString: error.pointee.message), position: Int(error.pointee.cursorpos))
        }
        let bytes = Array(script.utf8)
        var statements: [String] = []
        for index in 0..<Int(result.n_stmts) {
            guard let stmt = result.stmts[index]?.pointee else { continue }
            let start = Int(stmt.stmt_location)
            let end = min(bytes.count, start + Int(stmt.stmt_len))
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { statements.append(text) }
        }
        return statements
    }
}
