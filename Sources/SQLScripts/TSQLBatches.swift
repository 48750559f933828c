import SourceLexing
import SQLText

/// SQL Server scripts: batches separated by lines that hold only `GO` (a client command, not SQL),
/// and routines (`CREATE PROCEDURE … AS BEGIN …; … END`) whose body's `;` do not end them.
package enum TSQLBatches {
    /// The byte ranges of the batches of `script`, `GO` lines left out; `nil` when no line is `GO`.
    package static func batches(_ script: [UInt8]) -> [Range<Int>]? {
        var batches: [Range<Int>] = []
        var batchStart = 0
        var lineStart = 0
        while lineStart < script.count {
            var lineEnd = lineStart
            while lineEnd < script.count, script[lineEnd] != ASCII.newline { lineEnd += 1 }
            if isSeparator(script[lineStart..<lineEnd]) {
                batches.append(batchStart..<lineStart)
                batchStart = min(lineEnd + 1, script.count)
            }
            lineStart = lineEnd + 1
        }
        guard !batches.isEmpty else { return nil }
        batches.append(batchStart..<script.count)
        return batches
    }

    /// Whether the batch defines a routine: `CREATE [OR ALTER] PROC[EDURE] | FUNCTION | TRIGGER`,
    /// after blanks and comments.
    package static func isRoutine(_ script: [UInt8], _ batch: Range<Int>) -> Bool {
        guard let start = ScriptRanges.codeStart(script, in: batch) else { return false }
        let words = LooseSQLReader.words(of: String(decoding: script[start..<batch.upperBound].prefix(400), as: UTF8.self))
        var index = 0
        guard index < words.count, words[index] == "create" || words[index] == "alter" else { return false }
        index += 1
        if index + 1 < words.count, words[index] == "or", words[index + 1] == "alter" || words[index + 1] == "replace" {
            index += 2
        }
        return index < words.count && ["proc", "procedure", "function", "trigger"].contains(words[index])
    }

    /// `GO`, optionally with a repeat count, alone on its line (any case; blanks and a `;` allowed).
    private static func isSeparator(_ line: ArraySlice<UInt8>) -> Bool {
        var bytes = line.drop { $0 == ASCII.space || $0 == ASCII.tab }
        while let last = bytes.last, last == ASCII.space || last == ASCII.tab || last == ASCII.carriageReturn
                || last == UInt8(ascii: ";") {
            bytes = bytes.dropLast()
        }
        guard bytes.count >= 2, bytes[bytes.startIndex] | 0x20 == UInt8(ascii: "g"),
              bytes[bytes.startIndex + 1] | 0x20 == UInt8(ascii: "o") else { return false }
        let count = bytes.dropFirst(2)
        return count.isEmpty
            || (count.first == ASCII.space || count.first == ASCII.tab) && count.drop { $0 == ASCII.space || $0 == ASCII.tab }
                .allSatisfy(ASCII.isDigit) && count.contains(where: ASCII.isDigit)
    }
}
