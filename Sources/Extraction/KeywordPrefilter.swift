import Foundation

/// A cheap byte-level test run on a whole file before any tokenizing: does the file contain a
/// SQL statement keyword at all (case-insensitively, without word boundaries)?
enum KeywordPrefilter {
    /// Lower-cased keywords; every SQL statement the scanner reports contains one of them.
    private static let keywords: [[UInt8]] = ["select", "insert", "update", "delete", "create", "alter", "drop",
                                              "truncate", "merge", "begin", "commit", "rollback", "pragma",
                                              "vacuum"].map { Array($0.utf8) }

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
    static func mayContainSQL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
        for keyword in keywords where keyword.count <= remaining && keyword[0] == pointer[0] | 0x20 {
            var matched = true
            for offset in 1..<keyword.count where pointer[offset] | 0x20 != keyword[offset] {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }

    /// Words that open the statements the scanner reports from code.
    static let statementKeywords: Set<String> = [
        "select", "insert", "update", "delete", "with", "create", "alter", "drop", "truncate", "merge",
        "upsert", "replace", "grant", "revoke", "copy", "explain", "refresh", "vacuum", "call", "values",
        // Short statements (transaction control, settings, SQLite, maintenance).
        "begin", "commit", "rollback", "savepoint", "release", "start", "set", "reset", "show", "use", "do",
        "pragma", "analyze", "reindex", "cluster", "lock", "listen", "notify", "unlisten", "discard",
        "comment", "checkpoint", "declare", "end", "abort",
    ]

    /// ``statementKeywords`` packed as ``packed(_:)`` does, indexed by length (all fit in 12 bytes).
    private static let statementKeywordsByLength: [[(low: UInt64, high: UInt32)]] = {
        var table = [[(low: UInt64, high: UInt32)]](repeating: [], count: 13)
        for keyword in statementKeywords {
            let bytes = Array(keyword.utf8)
            table[bytes.count].append(bytes.withUnsafeBufferPointer { packed($0) })
        }
        return table
    }()

    /// The letters of `word` (at most 12), lower-cased and packed little-endian into 12 bytes.
    @inline(__always)
    private static func packed(_ word: UnsafeBufferPointer<UInt8>) -> (low: UInt64, high: UInt32) {
        var low: UInt64 = 0
        var high: UInt32 = 0
        for offset in 0..<word.count {
            let byte = word[offset] | 0x20
            if offset < 8 {
                low |= UInt64(byte) << (8 * UInt64(offset))
            } else {
                high |= UInt32(byte) << (8 * UInt32(offset - 8))
            }
        }
        return (low, high)
    }

    /// Whether the ASCII letters `word` spell one of ``statementKeywords``, in any case.
    static func isStatementKeyword(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count < statementKeywordsByLength.count else { return false }
        let key = packed(word)
        return statementKeywordsByLength[word.count].contains { $0.low == key.low && $0.high == key.high }
    }
}
