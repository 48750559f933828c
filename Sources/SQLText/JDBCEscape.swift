import SourceLexing

/// JDBC's call escapes, `{call proc(?, ?)}` and `{? = call func(?)}`, which the driver turns into
/// the database's own call: they are read as `CALL proc(?, ?)` and `SELECT func(?)`.
package enum JDBCEscape {
    /// The statement a call escape stands for, or `nil` when `text` is not one.
    package static func rewrite(_ text: [UInt8]) -> [UInt8]? {
        var start = 0
        while start < text.count, ASCII.isBlank(text[start]) { start += 1 }
        var end = text.count
        while end > start, ASCII.isBlank(text[end - 1]) || text[end - 1] == UInt8(ascii: ";") { end -= 1 }
        guard end - start > 6, text[start] == ASCII.openBrace, text[end - 1] == ASCII.closeBrace else { return nil }
        var index = skipBlanks(text, from: start + 1)
        var returnsValue = false
        if text[index] == UInt8(ascii: "?") {
            index = skipBlanks(text, from: index + 1)
            guard text[index] == UInt8(ascii: "=") else { return nil }
            index = skipBlanks(text, from: index + 1)
            returnsValue = true
        }
        let body = index + 4
        guard body < end - 1, text[index..<body].map({ $0 | 0x20 }).elementsEqual("call".utf8),
              !ASCII.isIdentifierPart(text[body]) else { return nil }
        return Array((returnsValue ? "SELECT" : "CALL").utf8) + text[body..<(end - 1)]
    }

    /// The first index from `index` that is not blank (the closing `}` stops it at the latest).
    private static func skipBlanks(_ text: [UInt8], from index: Int) -> Int {
        var index = index
        while index < text.count - 1, ASCII.isBlank(text[index]) { index += 1 }
        return index
    }
}
