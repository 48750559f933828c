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
        // A statement that opens with a hole or a number (`(#{a}) UNION ALL (#{b})`) is named by
        // its first word; set operations and their clauses join SELECTs.
        guard let first = words.first(where: { $0.first?.isLetter == true && !PlaceholderNormalizer.isHoleIdentifier($0) })
        else { return "unknown" }
        if ["union", "intersect", "except", "order", "limit", "where", "group", "having"].contains(first) { return "select" }
        if ["create", "alter", "drop"].contains(first) {
            let objects: Set<String> = ["table", "index", "view", "function", "schema", "sequence", "type", "trigger",
                                        "procedure"]
            if let object = words.dropFirst().prefix(4).first(where: objects.contains) {
                return first == "drop" ? "drop" : "\(first)_\(object)"
            }
        }
        return first
    }

    /// Names that follow FROM, JOIN, INTO, UPDATE or TABLE (and ON, in a trigger's definition).
    package static func tables(_ words: [String]) -> [String] {
        let isTrigger = words.first == "create" && words.prefix(5).contains("trigger")
        let introducers: Set<String> = isTrigger ? ["from", "join", "into", "update", "table", "on"]
            : ["from", "join", "into", "update", "table"]
        let skipped: Set<String> = ["select", "if", "not", "exists", "only", "lateral", "set", "where", "values"]
        // `BEFORE UPDATE ON t`, `AFTER UPDATE OF c ON t`: the event names no table.
        let notNames: Set<String> = ["on", "of", "or", "for", "as", "begin"]
        var names = Set<String>()
        for (index, word) in words.enumerated() where introducers.contains(word) {
            var next = index + 1
            while next < words.count, skipped.contains(words[next]), words[next] != "select" { next += 1 }
            guard next < words.count, let first = words[next].first, first.isLetter || first == "_",
                  !skipped.contains(words[next]), !notNames.contains(words[next]) else { continue }
            names.insert(words[next])
        }
        return names.sorted()
    }

    private static let tableKinds: Set<String> = ["temporary", "temp", "virtual", "unlogged", "global", "local"]
    private static let tableChanges: Set<String> = ["add", "drop", "modify", "change", "rename", "alter"]

    /// A table defined or changed in another dialect (`CREATE TABLE t (id INTEGER PRIMARY KEY
    /// AUTOINCREMENT)`, `ALTER TABLE `t` MODIFY COLUMN …`): SQL by its shape, though PostgreSQL's
    /// parser rejects it and it has few clause words.
    package static func definesTable(_ text: String) -> Bool {
        let words = Self.words(of: text)
        guard words.count >= 4 else { return false }
        switch words[0] {
        case "create":
            guard let table = words.dropFirst().first(where: { !tableKinds.contains($0) }), table == "table" else {
                return false
            }
            return text.utf8.contains(ASCII.openParen)
        case "alter":
            return words[1] == "table" && words.dropFirst(2).prefix(6).contains(where: tableChanges.contains)
        default:
            return false
        }
    }

    /// A guess at the dialect of a statement PostgreSQL rejects: `mysql`, `sqlite`, `tsql`,
    /// `clickhouse`, or `unknown`. Read on ASCII-lower-cased bytes (this runs for every statement
    /// that does not parse, so it neither compiles regular expressions nor asks Foundation).
    package static func dialect(of text: String) -> String {
        let lower = Array(text.utf8).map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
        func has(_ needle: StaticString) -> Bool { lower.withUnsafeBufferPointer { ASCII.contains($0, needle) } }
        let list = Self.words(of: text)
        let first = list.first
        let words = Set(list.prefix(64))
        if has("engine mergetree") || has("engine = mergetree") || has("final") && words.contains("settings") {
            return "clickhouse"
        }
        if has("[") && has("]") && (words.contains("nolock") || has("].[") || hasBracketedName(lower))
            || words.contains("top") && first == "select" || has("updlock") || has("holdlock") || first == "exec"
            || first == "execute" { return "tsql" }
        if first == "pragma" || has("autoincrement") || has("insert or ") || has("virtual table") || has("begin immediate")
            || has("raise(abort") || has("raise(ignore") || has("raise(fail") || has("raise(rollback") {
            return "sqlite"
        }
        if has("`") || has("auto_increment") || has("engine=") || has("engine =") || first == "show" || first == "use"
            || (first == "replace" && words.contains("into")) || has(" change ") || has("on duplicate key") || has("signal sqlstate")
            || hasLimitWithComma(lower) {
            return "mysql"
        }
        return "unknown"
    }

    /// A T-SQL bracketed name: `[`, one or more of `a`–`z` and `_`, `]`.
    private static func hasBracketedName(_ lower: [UInt8]) -> Bool {
        var index = 0
        while index < lower.count {
            guard lower[index] == ASCII.openBracket else { index += 1; continue }
            var end = index + 1
            while end < lower.count, (lower[end] >= UInt8(ascii: "a") && lower[end] <= UInt8(ascii: "z"))
                    || lower[end] == ASCII.underscore { end += 1 }
            if end > index + 1, end < lower.count, lower[end] == ASCII.closeBracket { return true }
            index = end
        }
        return false
    }

    /// MySQL's `LIMIT offset, count`: `limit`, blanks, digits (or a placeholder), blanks, `,`.
    private static func hasLimitWithComma(_ lower: [UInt8]) -> Bool {
        func isCount(_ byte: UInt8) -> Bool { ASCII.isDigit(byte) || byte == UInt8(ascii: "?") || byte == ASCII.dollar }
        let limit = Array("limit".utf8)
        var start = 0
        while start + limit.count < lower.count {
            defer { start += 1 }
            guard lower[start] == limit[0], lower[start..<(start + limit.count)].elementsEqual(limit) else { continue }
            var index = start + limit.count
            let blanks = index
            while index < lower.count, ASCII.isBlank(lower[index]) { index += 1 }
            guard index > blanks else { continue }
            let digits = index
            while index < lower.count, isCount(lower[index]) { index += 1 }
            guard index > digits else { continue }
            while index < lower.count, ASCII.isBlank(lower[index]) { index += 1 }
            if index < lower.count, lower[index] == UInt8(ascii: ",") { return true }
        }
        return false
    }
}
