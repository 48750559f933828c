import SourceLexing

/// Routines of other dialects whose body is a block of statements: SQLite's and MySQL's
/// `CREATE TRIGGER … BEGIN …; …; END`, MySQL's `CREATE PROCEDURE … BEGIN … END`. A split at
/// every `;` cuts such a body apart, and its last piece, `END`, would read as PostgreSQL's
/// `END` (a COMMIT); the pieces belong to one statement.
package enum RoutineBodies {
    /// `ranges` (the statements of `script`, in order) with each routine whose block is still
    /// open where its range ends joined with the ranges that follow, up to the one that closes
    /// it; and the lower bounds of the joined ranges. A block that never closes joins nothing.
    package static func joined(_ ranges: [Range<Int>], in script: [UInt8]) -> (ranges: [Range<Int>], routines: Set<Int>) {
        var result: [Range<Int>] = []
        var routines: Set<Int> = []
        var index = 0
        while index < ranges.count {
            let range = ranges[index]
            index += 1
            let anonymous = opensAnonymousBlock(script, range)
            var depth = anonymous || opensRoutine(script, range) ? depthChange(script, range) : 0
            guard depth > 0 || anonymous else {
                result.append(range)
                continue
            }
            // An anonymous block's declarations come before its BEGIN.
            var opened = depth > 0
            var last = index
            while !opened || depth > 0, last < ranges.count {
                depth += depthChange(script, ranges[last])
                opened = opened || depth > 0
                last += 1
            }
            guard opened, depth <= 0 else {
                result.append(range)
                continue
            }
            result.append(range.lowerBound..<ranges[last - 1].upperBound)
            routines.insert(range.lowerBound)
            index = last
        }
        return (result, routines)
    }

    // MARK: - Words

    private static let routineKinds: [[UInt8]] = ["trigger", "procedure", "function"].map { Array($0.utf8) }
    private static let blockEnders: [[UInt8]] = ["if", "loop", "while", "repeat", "for"].map { Array($0.utf8) }

    /// `CREATE … TRIGGER | PROCEDURE | FUNCTION` within the first words.
    static func opensRoutine(_ script: [UInt8], _ range: Range<Int>) -> Bool {
        var count = 0
        var isCreate = false
        var found = false
        forEachWord(script, range) { word in
            if count == 0 {
                isCreate = matches(script, word, Array("create".utf8))
            } else if routineKinds.contains(where: { matches(script, word, $0) }) {
                found = true
            }
            count += 1
            return isCreate && !found && count < 8
        }
        return isCreate && found
    }

    private static let transactionWords: [[UInt8]] = ["transaction", "work", "tran", "isolation", "read", "not",
                                                      "deferrable", "deferred", "immediate", "exclusive", "distributed",
                                                      "try", "catch", "dialog", "conversation"].map { Array($0.utf8) }

    /// An anonymous PL/SQL block: `DECLARE i INTEGER; BEGIN …; END;` (not PostgreSQL's `DECLARE c
    /// CURSOR FOR …`, nor T-SQL's `DECLARE @n int`), or `BEGIN` followed by a statement of its
    /// body (not a transaction's `BEGIN`, `BEGIN WORK`, `BEGIN ISOLATION LEVEL …`, `BEGIN TRAN`).
    static func opensAnonymousBlock(_ script: [UInt8], _ range: Range<Int>) -> Bool {
        // Words read in place, without a list: this runs for every statement of a script.
        var count = 0
        var declares = false
        var begins = false
        var block = false
        forEachWord(script, range) { word in
            count += 1
            switch count {
            case 1:
                declares = matches(script, word, declareWord)
                begins = matches(script, word, beginWord)
                return declares || begins
            case 2 where declares:
                block = script[word.lowerBound - 1] != UInt8(ascii: "@")
                return block
            case 2:
                block = !transactionWords.contains { matches(script, word, $0) }
                return false
            default:
                if matches(script, word, cursorWord) { block = false }
                return block && count < 8
            }
        }
        return count > 1 && block
    }

    private static let declareWord = Array("declare".utf8)
    private static let beginWord = Array("begin".utf8)
    private static let cursorWord = Array("cursor".utf8)

    /// BEGIN and CASE open a block, END closes one (END IF, END LOOP and the like close blocks
    /// that opened without BEGIN).
    package static func depthChange(_ script: [UInt8], _ range: Range<Int>) -> Int {
        var depth = 0
        var previousWasEnd = false
        forEachWord(script, range) { word in
            if previousWasEnd, blockEnders.contains(where: { matches(script, word, $0) }) { depth += 1 }
            previousWasEnd = matches(script, word, Array("end".utf8))
            if previousWasEnd {
                depth -= 1
            } else if matches(script, word, Array("begin".utf8)) || matches(script, word, Array("case".utf8)) {
                depth += 1
            }
            return true
        }
        return depth
    }

    /// Calls `body` with each word of `range` outside quotes, dollar quotes and comments, until it
    /// returns false.
    private static func forEachWord(_ script: [UInt8], _ range: Range<Int>, _ body: (Range<Int>) -> Bool) {
        var index = range.lowerBound
        let end = range.upperBound
        func skip(to closing: [UInt8]) {
            while index < end, !script[index..<min(end, index + closing.count)].elementsEqual(closing) { index += 1 }
            index += closing.count
        }
        while index < end {
            let byte = script[index]
            if ASCII.isIdentifierStart(byte) {
                let start = index
                while index < end, ASCII.isIdentifierPart(script[index]) { index += 1 }
                guard body(start..<index) else { return }
                continue
            }
            index += 1
            switch byte {
            case ASCII.singleQuote, ASCII.doubleQuote, ASCII.backtick: skip(to: [byte])
            case ASCII.minus where index < end && script[index] == ASCII.minus: skip(to: [ASCII.newline])
            case ASCII.slash where index < end && script[index] == ASCII.star: skip(to: [ASCII.star, ASCII.slash])
            case ASCII.dollar where index < end && script[index] == ASCII.dollar:
                index += 1
                skip(to: [ASCII.dollar, ASCII.dollar])
            default: break
            }
        }
    }

    private static func matches(_ script: [UInt8], _ word: Range<Int>, _ lowercased: [UInt8]) -> Bool {
        word.count == lowercased.count && zip(script[word], lowercased).allSatisfy { $0 | 0x20 == $1 }
    }
}
