import CustomerDatabase
import Foundation

/// Lexical edits on SQL text that skip string literals, quoted identifiers and comments.
enum SQLText {
    /// The text with every `UNION` not followed by `ALL`/`DISTINCT` turned into `UNION ALL`, or
    /// `nil` when there is none.
    static func replacingUnionWithUnionAll(_ sql: String) -> String? {
        let words = keywords(in: sql)
        var output = ""
        var cursor = sql.startIndex
        var changed = false
        for (offset, word) in words.enumerated() where word.text == "union" {
            let next = offset + 1 < words.count ? words[offset + 1].text : ""
            guard next != "all", next != "distinct" else { continue }
            output += sql[cursor..<word.range.upperBound] + " ALL"
            cursor = word.range.upperBound
            changed = true
        }
        guard changed else { return nil }
        return output + sql[cursor...]
    }

    /// Bare words (lower-cased) outside literals and comments, with their ranges.
    static func keywords(in sql: String) -> [(text: String, range: Range<String.Index>)] {
        var words: [(String, Range<String.Index>)] = []
        var index = sql.startIndex
        func skip(until terminator: String) {
            if let end = sql.range(of: terminator, range: index..<sql.endIndex) { index = end.upperBound } else { index = sql.endIndex }
        }
        while index < sql.endIndex {
            let character = sql[index]
            let rest = sql[index...]
            if rest.hasPrefix("--") {
                skip(until: "\n")
            } else if rest.hasPrefix("/*") {
                index = sql.index(index, offsetBy: 2)
                skip(until: "*/")
            } else if character == "'" || character == "\"" {
                index = sql.index(after: index)
                skip(until: String(character))
            } else if rest.hasPrefix("$"), let tagEnd = rest.dropFirst().firstIndex(of: "$"),
                      rest[rest.index(after: rest.startIndex)..<tagEnd].allSatisfy({ $0.isLetter || $0 == "_" }) {
                let tag = String(sql[index...tagEnd])
                index = sql.index(after: tagEnd)
                skip(until: tag)
            } else if character.isLetter || character == "_" {
                let start = index
                while index < sql.endIndex, sql[index].isLetter || sql[index].isNumber || sql[index] == "_" { index = sql.index(after: index) }
                words.append((sql[start..<index].lowercased(), start..<index))
            } else {
                index = sql.index(after: index)
            }
        }
        return words
    }
}
