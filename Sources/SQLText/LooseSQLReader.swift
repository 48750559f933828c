import Foundation
import SourceLexing

/// Best-effort reading of statements the PostgreSQL parser rejects (other dialects, templates).
package enum LooseSQLReader {
    /// Lower-cased words and quoted names of `text`, quotes (`"`, `` ` ``, `[]`) removed.
    package static func words(of text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self).lowercased()) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if ASCII.isIdentifierPart(byte) || byte == UInt8(ascii: ".") {
                current.append(byte)
            } else if byte == ASCII.backtick || byte == ASCII.doubleQuote || byte == ASCII.openBracket
                        || byte == ASCII.closeBracket {
                continue
            } else {
                flush()
            }
            if words.count > 256 { break }
        }
        flush()
        return words
    }

    /// A statement kind from the leading words (`create table` → `create_table`).
    package static func statementType(_ words: [String]) -> String {
        guard let first = words.first else { return "unknown" }
        if ["create", "alter", "drop"].contains(first) {
            let objects: Set<String> = ["table", "index", "view", "function", "schema", "sequence", "type", "trigger"]
            if let object = words.dropFirst().prefix(4).first(where: objects.contains) {
                return first == "drop" ? "drop" : "\(first)_\(object)"
            }
        }
        return first
    }

    /// Names that follow FROM, JOIN, INTO, UPDATE or TABLE.
    package static func tables(_ words: [String]) -> [String] {
        let introducers: Set<String> = ["from", "join", "into", "update", "table"]
        let skipped: Set<String> = ["select", "if", "not", "exists", "only", "lateral", "set", "where", "values"]
        var names = Set<String>()
        for (index, word) in words.enumerated() where introducers.contains(word) {
            var next = index + 1
            while next < words.count, skipped.contains(words[next]), words[next] != "select" { next += 1 }
            guard next < words.count, let first = words[next].first, first.isLetter || first == "_",
                  !skipped.contains(words[next]) else { continue }
            names.insert(words[next])
        }
        return names.sorted()
    }

    /// A guess at the dialect of a statement PostgreSQL rejects: `mysql`, `sqlite`, `tsql`,
    /// `clickhouse`, or `unknown`.
    package static func dialect(of text: String) -> String {
        let lower = text.lowercased()
        let list = Self.words(of: text)
        let first = list.first
        let words = Set(list.prefix(64))
        if lower.contains("engine mergetree") || lower.contains("engine = mergetree") || lower.contains("final")
            && words.contains("settings") { return "clickhouse" }
        if text.contains("[") && text.contains("]") && (words.contains("nolock") || lower.contains("].[")
            || lower.range(of: #"\[[a-z_]+\]"#, options: .regularExpression) != nil) || words.contains("top")
            && first == "select" || lower.contains("updlock") || lower.contains("holdlock") { return "tsql" }
        if first == "pragma" || lower.contains("autoincrement") || lower.contains("insert or ")
            || lower.contains("virtual table") || lower.contains("begin immediate") { return "sqlite" }
        if text.contains("`") || lower.contains("auto_increment") || lower.contains("engine=") || lower.contains("engine =")
            || first == "show" || first == "use" || (first == "replace" && words.contains("into"))
            || lower.contains(" change ") || lower.range(of: #"limit\s+[?$0-9]+\s*,"#, options: .regularExpression) != nil {
            return "mysql"
        }
        return "unknown"
    }
}
