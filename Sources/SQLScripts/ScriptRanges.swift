import SourceLexing

/// Statement ranges in SQL scripts (`.sql` files), on bytes.
package enum ScriptRanges {
    /// `ranges` with the statements between them that libpg_query's scanner split leaves out (it
    /// drops a statement that opens with a word PostgreSQL does not know, such as `USE shop;`): the
    /// code between two ranges of `bounds`, cut at the `;` outside quotes and comments.
    package static func withSkippedStatements(_ ranges: [Range<Int>], in script: [UInt8], within bounds: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        func addIfCode(_ range: Range<Int>) {
            if codeStart(script, in: range) != nil { result.append(range) }
        }
        var previousEnd = bounds.lowerBound
        for range in ranges + [bounds.upperBound..<bounds.upperBound] {
            var start = previousEnd
            var index = previousEnd
            while index < range.lowerBound {
                let byte = script[index]
                if byte == UInt8(ascii: ";") {
                    addIfCode(start..<index)
                    start = index + 1
                } else if byte == ASCII.minus, index + 1 < range.lowerBound, script[index + 1] == ASCII.minus {
                    while index + 1 < range.lowerBound, script[index + 1] != ASCII.newline { index += 1 }
                } else if byte == ASCII.slash, index + 1 < range.lowerBound, script[index + 1] == ASCII.star {
                    index += 1
                    while index + 1 < range.lowerBound, !(script[index] == ASCII.star && script[index + 1] == ASCII.slash) {
                        index += 1
                    }
                    index += 1
                } else if byte == ASCII.singleQuote {
                    index += 1
                    while index < range.lowerBound, script[index] != ASCII.singleQuote { index += 1 }
                }
                index += 1
            }
            addIfCode(start..<range.lowerBound)
            if !range.isEmpty { result.append(range) }
            previousEnd = max(previousEnd, range.upperBound)
        }
        return result
    }

    /// The first byte of `range` that is neither blank, nor a `;`, nor inside a comment.
    package static func codeStart(_ script: [UInt8], in range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = script[index]
            if byte == ASCII.space || byte == ASCII.tab || byte == ASCII.newline || byte == ASCII.carriageReturn
                || byte == UInt8(ascii: ";") {
                index += 1
            } else if byte == ASCII.minus, index + 1 < range.upperBound, script[index + 1] == ASCII.minus {
                while index < range.upperBound, script[index] != ASCII.newline { index += 1 }
            } else if byte == ASCII.slash, index + 1 < range.upperBound, script[index + 1] == ASCII.star {
                index += 2
                while index + 1 < range.upperBound, !(script[index] == ASCII.star && script[index + 1] == ASCII.slash) {
                    index += 1
                }
                index += 2
            } else if byte == ASCII.slash, let lineEnd = endOfRunLine(script, at: index) {
                index = lineEnd
            } else {
                return index
            }
        }
        return nil
    }

    /// The end of the line when the `/` at `index` is alone on it: SQL*Plus's command that runs
    /// the statement or PL/SQL block before it (Oracle scripts), no SQL of its own.
    private static func endOfRunLine(_ script: [UInt8], at index: Int) -> Int? {
        func isBlank(_ byte: UInt8) -> Bool { byte == ASCII.space || byte == ASCII.tab || byte == ASCII.carriageReturn }
        var before = index
        while before > 0, script[before - 1] != ASCII.newline {
            guard isBlank(script[before - 1]) else { return nil }
            before -= 1
        }
        var after = index + 1
        while after < script.count, script[after] != ASCII.newline {
            guard isBlank(script[after]) else { return nil }
            after += 1
        }
        return after
    }

    /// Lines before the first code of `text` (blank lines and `--` comment lines).
    package static func leadingLines(_ text: String) -> Int {
        var count = 0
        var inComment = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if inComment {
                if byte == ASCII.newline { count += 1; inComment = false }
            } else if byte == ASCII.newline {
                count += 1
            } else if byte == ASCII.minus, previous == ASCII.minus {
                inComment = true
            } else if byte != ASCII.space, byte != ASCII.tab, byte != ASCII.carriageReturn, byte != ASCII.minus {
                break
            }
            previous = byte
        }
        return count
    }

    /// Whether every line of `text` is a `--` comment.
    package static func isOnlyComments(_ text: String) -> Bool {
        text.split(separator: "\n").allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
    }
}
