import Foundation

/// A cheap byte-level test run on a whole file before any tokenizing: does the file contain a
/// SQL statement keyword at all (case-insensitively, without word boundaries)?
package enum KeywordPrefilter {
    /// Lower-cased keywords; every SQL statement the scanner reports contains one of them.
    private static let keywords: [[UInt8]] = ["select", "insert", "update", "delete", "create", "alter", "drop",
                                              "truncate", "merge", "begin", "commit", "rollback", "pragma",
                                              "vacuum", "call", "exec"].map { Array($0.utf8) }

    /// For every byte, whether it (lower-cased) starts one of ``keywords``.
    private static let firstLetters: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for keyword in keywords {
            table[Int(keyword[0])] = true
            table[Int(keyword[0] & ~0x20)] = true
        }
        return table
    }()

    /// Whether `bytes` contains any statement keyword.
    package static func mayContainSQL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        return firstLetters.withUnsafeBufferPointer { table in
            var index = 0
            while index + 4 <= count {
                if table[Int(base[index])], matchesKeyword(base + index, remaining: count - index) { return true }
                index += 1
            }
            return false
        }
    }

    @inline(__always)
    private static func matchesKeyword(_ pointer: UnsafePointer<UInt8>, remaining: Int) -> Bool {
        keywords.contains { $0.count <= remaining && $0[0] == pointer[0] | 0x20 && spells(pointer, $0) }
    }

    /// Whether the bytes at `pointer` spell the lower-case `keyword` in any ASCII case (the caller
    /// knows there are enough of them).
    @inline(__always)
    private static func spells(_ pointer: UnsafePointer<UInt8>, _ keyword: [UInt8]) -> Bool {
        for offset in 0..<keyword.count where pointer[offset] | 0x20 != keyword[offset] { return false }
        return true
    }

    /// Words that open the statements the scanner reports from code.
    package static let statementKeywords: Set<String> = [
        "select", "insert", "update", "delete", "with", "create", "alter", "drop", "truncate", "merge",
        "upsert", "replace", "grant", "revoke", "copy", "explain", "refresh", "vacuum", "call", "values",
        // Short statements (transaction control, settings, SQLite, maintenance).
        "begin", "commit", "rollback", "savepoint", "release", "start", "set", "reset", "show", "use", "do",
        "pragma", "analyze", "reindex", "cluster", "lock", "listen", "notify", "unlisten", "discard",
        "comment", "checkpoint", "declare", "end", "abort", "attach", "detach",
        // Stored procedures: T-SQL `EXEC proc …`, `EXECUTE proc …` (JDBC's `{call proc(?)}` opens with `call`).
        "exec", "execute",
    ]

    /// ``statementKeywords`` as bytes, indexed by length, for allocation-free matching.
    private static let statementKeywordsByLength: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 13)
        for keyword in statementKeywords { table[keyword.utf8.count].append(Array(keyword.utf8)) }
        return table
    }()

    /// Whether the ASCII letters `word` spell one of ``statementKeywords``, in any case.
    package static func isStatementKeyword(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count < statementKeywordsByLength.count, let base = word.baseAddress else { return false }
        return statementKeywordsByLength[word.count].contains { spells(base, $0) }
    }
}
