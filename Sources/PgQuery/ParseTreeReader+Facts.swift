import Foundation

extension ParseTreeReader {
    // MARK: - Facts

    /// What the walk learned about the current statement; strings are byte ranges of the JSON
    /// until the statement is complete.
    struct Facts {
        package var relations: [(schema: Range<Int>?, name: Range<Int>, alias: Range<Int>?)] = []
        var cteNames: [Range<Int>] = []
        package var targetColumnNames: [Range<Int>] = []
        var objtype: Range<Int>?
        package var selectHasSource = false
        var hasWithClause = false
        package var computesTarget = false
        package var mayHaveConstants = false

        /// Statements whose strings `pg_query_normalize` replaces outside of constants.
        private static let normalizedUtilityStatements: Set<String> = [
            "NotifyStmt", "CreateSubscriptionStmt", "AlterSubscriptionStmt",
        ]

        func statement(nodeType: String, location: Int, length: Int,
                       decode: (Range<Int>) -> String) -> ParseSummary.Statement {
            let kind = StatementKind.name(nodeType: nodeType, hasWithClause: hasWithClause,
                                          objtype: objtype.map(decode))
            return ParseSummary.Statement(
                nodeType: nodeType, location: location, length: length, kind: kind,
                relations: relations.map { relation in
                    ParseSummary.Relation(schema: relation.schema.map(decode), name: decode(relation.name),
                                          alias: relation.alias.map(decode))
                },
                cteNames: Set(cteNames.map(decode)), selectHasSource: selectHasSource,
                computesTarget: computesTarget, targetColumnNames: targetColumnNames.map(decode),
                mayHaveConstants: mayHaveConstants || Self.normalizedUtilityStatements.contains(nodeType))
        }
    }

    // MARK: - Member names

    /// The member names the reader acts on; every other name is `.other`.
    enum Key {
        case other, stmts, stmt, stmtLength, stmtLocation
        case relname, schemaname, alias, aliasname, ctename, objtype
        case targetList, resTarget, val, columnRef, fields, string, sval
        case fromClause, withClause, valuesLists, larg, intoClause
        case aConst, defElem, typeName, typeNameNode

        /// Classifies a member name by its length, then its bytes.
        init(_ name: UnsafeBufferPointer<UInt8>) {
            guard let base = name.baseAddress else {
                self = .other
                return
            }
            func spells(_ word: StaticString) -> Bool { memcmp(base, word.utf8Start, name.count) == 0 }
            switch name.count {
            case 3: self = spells("val") ? .val : .other
            case 4: self = spells("stmt") ? .stmt : spells("sval") ? .sval : spells("larg") ? .larg : .other
            case 5: self = spells("stmts") ? .stmts : spells("alias") ? .alias : .other
            case 6: self = spells("String") ? .string : spells("fields") ? .fields : .other
            case 7:
                self = spells("relname") ? .relname : spells("A_Const") ? .aConst : spells("ctename") ? .ctename
                    : spells("objtype") ? .objtype : spells("DefElem") ? .defElem : .other
            case 8:
                self = spells("typeName") ? .typeName : spells("TypeName") ? .typeNameNode
                    : spells("stmt_len") ? .stmtLength : .other
            case 9:
                self = spells("ColumnRef") ? .columnRef : spells("ResTarget") ? .resTarget
                    : spells("aliasname") ? .aliasname : .other
            case 10:
                self = spells("schemaname") ? .schemaname : spells("targetList") ? .targetList
                    : spells("fromClause") ? .fromClause : spells("withClause") ? .withClause
                    : spells("intoClause") ? .intoClause : .other
            case 11: self = spells("valuesLists") ? .valuesLists : .other
            case 13: self = spells("stmt_location") ? .stmtLocation : .other
            default: self = .other
            }
        }
    }

    // MARK: - Bytes

    /// Skips blanks, then: at `close` consumes it and returns `false`; otherwise consumes the
    /// separating comma (except before the first item) and returns `true`.
    mutating func nextItem(_ first: inout Bool, close: UInt8) throws(SyntaxError) -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw SyntaxError(offset: index) }
        if bytes[index] == close {
            index += 1
            return false
        }
        if !first {
            guard bytes[index] == UInt8(ascii: ",") else { throw SyntaxError(offset: index) }
            index += 1
        }
        first = false
        return true
    }

    mutating func open(_ byte: UInt8) throws(SyntaxError) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { throw SyntaxError(offset: index) }
        index += 1
    }

    /// Reads `"name":` and classifies the name; also returns its byte range.
    mutating func readKey() throws(SyntaxError) -> (key: Key, name: Range<Int>) {
        skipWhitespace()
        let name = try readString()
        try open(UInt8(ascii: ":"))
        return (Key(UnsafeBufferPointer(rebasing: bytes[name])), name)
    }

    /// Reads a string at the cursor; returns the byte range between the quotes (escapes undecoded).
    mutating func readString() throws(SyntaxError) -> Range<Int> {
        guard index < bytes.count, bytes[index] == JSONByte.doubleQuote else { throw SyntaxError(offset: index) }
        let start = index + 1
        var cursor = start
        while cursor < bytes.count {
            switch bytes[cursor] {
            case JSONByte.doubleQuote:
                index = cursor + 1
                return start..<cursor
            case JSONByte.backslash:
                cursor += 2
            default:
                cursor += 1
            }
        }
        throw SyntaxError(offset: index)
    }

    mutating func readInt() throws(SyntaxError) -> Int {
        skipWhitespace()
        let start = index
        var value = 0
        var negative = false
        if index < bytes.count, bytes[index] == JSONByte.minus {
            negative = true
            index += 1
        }
        while index < bytes.count, JSONByte.isDigit(bytes[index]) {
            value = value &* 10 &+ Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard index > start else { throw SyntaxError(offset: start) }
        return negative ? -value : value
    }

    /// Skips a number, `true`, `false` or `null`.
    mutating func skipScalar() throws(SyntaxError) {
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: ","), JSONByte.closeBrace, JSONByte.closeBracket, JSONByte.space, JSONByte.newline, JSONByte.tab,
                 JSONByte.carriageReturn:
                guard index > start else { throw SyntaxError(offset: start) }
                return
            default:
                index += 1
            }
        }
        guard index > start else { throw SyntaxError(offset: start) }
    }

    /// Skips any value, nested containers included.
    mutating func skipValue() throws(SyntaxError) {
        skipWhitespace()
        guard index < bytes.count else { throw SyntaxError(offset: index) }
        switch bytes[index] {
        case JSONByte.doubleQuote:
            _ = try readString()
        case JSONByte.openBrace, JSONByte.openBracket:
            var depth = 0
            repeat {
                guard index < bytes.count else { throw SyntaxError(offset: index) }
                switch bytes[index] {
                case JSONByte.doubleQuote:
                    _ = try readString()
                    continue
                case JSONByte.openBrace, JSONByte.openBracket: depth += 1
                case JSONByte.closeBrace, JSONByte.closeBracket: depth -= 1
                default: break
                }
                index += 1
            } while depth > 0
        default:
            try skipScalar()
        }
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case JSONByte.space, JSONByte.newline, JSONByte.carriageReturn, JSONByte.tab: index += 1
            default: return
            }
        }
    }

    // MARK: - Strings

    /// The text of a string's byte range, JSON escapes decoded.
    func decode(_ range: Range<Int>) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        guard raw.contains(JSONByte.backslash) else { return String(decoding: raw, as: UTF8.self) }
        var output = String.UnicodeScalarView()
        var cursor = range.lowerBound
        var pendingHigh: UInt32?
        while cursor < range.upperBound {
            let byte = bytes[cursor]
            guard byte == JSONByte.backslash, cursor + 1 < range.upperBound else {
                let end = nextEscape(from: cursor, limit: range.upperBound)
                output.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor..<end]),
                                                 as: UTF8.self).unicodeScalars)
                cursor = end
                continue
            }
            let escape = bytes[cursor + 1]
            cursor += 2
            var scalar: UInt32
            switch escape {
            case UInt8(ascii: "n"): scalar = 0x0A
            case UInt8(ascii: "t"): scalar = 0x09
            case UInt8(ascii: "r"): scalar = 0x0D
            case UInt8(ascii: "b"): scalar = 0x08
            case UInt8(ascii: "f"): scalar = 0x0C
            case UInt8(ascii: "u") where cursor + 4 <= range.upperBound:
                scalar = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor..<(cursor + 4)]),
                                       as: UTF8.self), radix: 16) ?? 0xFFFD
                cursor += 4
            default: scalar = UInt32(escape)
            }
            if (0xD800..<0xDC00).contains(scalar) {
                pendingHigh = scalar
                continue
            }
            if let high = pendingHigh, (0xDC00..<0xE000).contains(scalar) {
                scalar = 0x10000 + ((high - 0xD800) << 10) + (scalar - 0xDC00)
            }
            pendingHigh = nil
            output.append(Unicode.Scalar(scalar) ?? "\u{FFFD}")
        }
        return String(output)
    }

    private func nextEscape(from start: Int, limit: Int) -> Int {
        var cursor = start
        while cursor < limit, bytes[cursor] != JSONByte.backslash { cursor += 1 }
        return cursor
    }
}
