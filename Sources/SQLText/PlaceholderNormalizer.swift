import Foundation
import SourceLexing

/// Rewrites the placeholders of every driver style (`?`, `?1`, `$1`, `%s`, `%(name)s`, `:name`,
/// `@name`, `#{name}`) into PostgreSQL `$n` parameters so the statement parses, and stands in for
/// the run-time pieces of dynamic SQL.
package struct PlaceholderNormalizer {
    /// What a run-time piece is replaced with when parsing.
    package enum HoleMode: CaseIterable {
        /// A parameter `$n` (the piece is probably a value).
        case parameter
        /// An identifier (the piece is probably a table or column name).
        case identifier
        /// Nothing (the piece is probably an optional clause).
        case remove

        /// Stored, so that trying the modes in turn allocates no array.
        package static let allCases: [HoleMode] = [.parameter, .identifier, .remove]
    }

    /// The result of normalising one statement.
    package struct Output {
        /// Text handed to the parser.
        package var parseText: String
        /// Text shown to users: run-time pieces read `{dynamic}`.
        package var displayText: String
        /// Whether any run-time piece was found.
        package var dynamic: Bool
        /// Whether the text had a piece that the mode chose.
        package var usedHoleMode: Bool

        package init(parseText: String, displayText: String, dynamic: Bool, usedHoleMode: Bool) {
            self.parseText = parseText
            self.displayText = displayText
            self.dynamic = dynamic
            self.usedHoleMode = usedHoleMode
        }
    }

    package static let holeIdentifierPrefix = "dyn_piece_"
    package static let displayHole = Array("{dynamic}".utf8)
    package static let holeIdentifierBytes = Array(holeIdentifierPrefix.utf8)

    /// Whether `text` has a `{}` or `{name}` slot outside quotes.
    static func hasBraceSlot(_ text: [UInt8]) -> Bool {
        var quote: UInt8 = 0
        for index in text.indices {
            let byte = text[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == ASCII.singleQuote || byte == ASCII.doubleQuote {
                quote = byte
            } else if byte == ASCII.openBrace {
                var end = index + 1
                while end < text.count, end - index < 40, ASCII.isIdentifierPart(text[end]) { end += 1 }
                if end < text.count, text[end] == ASCII.closeBrace { return true }
            }
        }
        return false
    }

    /// `sql` with every stand-in name of a bound placeholder (`dyn_piece_3`) written `{name}`: a
    /// name the library binds, as `{{ ref('orders') }}` or knex's `??` do.
    package static func showingBoundNames(_ sql: String) -> String {
        let bytes = Array(sql.utf8)
        guard var next = find(holeIdentifierBytes, in: bytes, from: 0) else { return sql }
        var output: [UInt8] = []
        var index = 0
        while true {
            output.append(contentsOf: bytes[index..<next])
            index = next + holeIdentifierBytes.count
            while index < bytes.count, ASCII.isDigit(bytes[index]) { index += 1 }
            output.append(contentsOf: boundName)
            guard let found = find(holeIdentifierBytes, in: bytes, from: index) else { break }
            next = found
        }
        output.append(contentsOf: bytes[index...])
        return String(decoding: output, as: UTF8.self)
    }

    private static let boundName = Array("{name}".utf8)

    /// `parseText` as it is shown: every hole identifier (`dyn_piece_3`) written `{dynamic}`.
    package static func display(ofParseText parseText: String) -> String {
        let bytes = Array(parseText.utf8)
        guard let first = find(holeIdentifierBytes, in: bytes, from: 0) else { return parseText }
        var output = Array(bytes[..<first])
        var index = first
        while index < bytes.count {
            if bytes[index] == holeIdentifierBytes[0], bytes[index...].starts(with: holeIdentifierBytes) {
                index += holeIdentifierBytes.count
                while index < bytes.count, ASCII.isDigit(bytes[index]) { index += 1 }
                output.append(contentsOf: displayHole)
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `name` contains ``holeIdentifierPrefix`` (a name that stands for a run-time piece).
    package static func isHoleIdentifier(_ name: String) -> Bool {
        let prefix = holeIdentifierBytes
        return name.withUTF8Bytes { bytes in
            guard bytes.count >= prefix.count else { return false }
            for start in 0...(bytes.count - prefix.count) where bytes[start] == prefix[0] {
                if prefix.indices.allSatisfy({ bytes[start + $0] == prefix[$0] }) { return true }
            }
            return false
        }
    }

    /// Whether the `??` at `index` binds a name (knex, node-mysql) rather than escaping PostgreSQL's
    /// `?` operators for JDBC (`data ?? 'key'`, `??|`, `??&`): no operand follows it.
    static func isIdentifierBind(_ text: [UInt8], at index: Int) -> Bool {
        var next = index + 2
        guard next >= text.count || (text[next] != UInt8(ascii: "|") && text[next] != UInt8(ascii: "&")
                                     && text[next] != UInt8(ascii: "?")) else { return false }
        while next < text.count, ASCII.isBlank(text[next]) { next += 1 }
        guard next < text.count else { return true }
        let byte = text[next]
        if byte == ASCII.singleQuote || byte == ASCII.dollar || ASCII.isDigit(byte) { return false }
        let word = text[next..<min(next + 5, text.count)].map { $0 | 0x20 }
        return !word.elementsEqual("array".utf8)
    }

    /// Keywords after which a `?` is a parameter (lower case).
    private static let parameterKeywords: [[UInt8]] = [
        "limit", "offset", "like", "ilike", "between", "and", "or", "in", "then", "else", "when", "by",
        "not", "is", "values", "select", "returning", "set", "fetch", "any", "all", "array", "return",
    ].map { Array($0.utf8) }
    private static let maximumParameterKeywordLength = parameterKeywords.map(\.count).max() ?? 0

    /// Bytes that may start something ``State/run()`` rewrites (any other byte is copied as is).
    private static let specialBytes = ByteTable { byte in
        switch byte {
        case HoleMarker.dynamic, HoleMarker.parameter, ASCII.singleQuote, ASCII.doubleQuote, ASCII.minus,
             UInt8(ascii: "?"), ASCII.percent, UInt8(ascii: ":"), ASCII.at, ASCII.hash, ASCII.dollar, ASCII.openBrace,
             ASCII.slash, UInt8(ascii: "s"):
            return true
        default:
            return false
        }
    }

    /// The end of the run of bytes after `start` that ``State/run()`` copies as they are: up to the
    /// next byte that may start a placeholder, a quote or a comment (an `s` only when it may open
    /// `sqlc.`).
    package static func plainRunEnd(_ text: [UInt8], after start: Int) -> Int {
        var index = start + 1
        let count = text.count
        while index < count {
            let byte = text[index]
            if specialBytes[byte] {
                guard byte == UInt8(ascii: "s"), !(index + 4 < count && text[index + 4] == UInt8(ascii: ".")) else { break }
            }
            index += 1
        }
        return index
    }

    /// `formatted`: the text is a format string, so `%s`/`{name}` are run-time pieces, not parameters.
    let formatted: Bool
    let mode: HoleMode

    package init(formatted: Bool, mode: HoleMode) {
        self.formatted = formatted
        self.mode = mode
    }

    package func normalize(_ text: [UInt8]) -> Output {
        var state = State(text: text, formatted: formatted, mode: mode)
        state.run()
        let parseText = state.rewritten ? String(decoding: state.parse, as: UTF8.self)
            : String(decoding: text[..<state.copied], as: UTF8.self)
        // Until a run-time piece is met both texts are the same: one string serves for both.
        let displayText = state.display.map { String(decoding: $0, as: UTF8.self) } ?? parseText
        return Output(parseText: parseText, displayText: displayText, dynamic: state.dynamic,
                      usedHoleMode: state.usedHoleMode)
    }

    /// The rewriting pass; a struct with mutating methods keeps the per-byte loop free of
    /// captured-variable boxes.
    private struct State {
        let text: [UInt8]
        let formatted: Bool
        /// A format call fills `%s` slots: not when the text has `{}` slots, which `str.format`
        /// fills and leaves the driver's `%s` alone (`"{} >= %s".format(quote_name(field))`).
        let percentFormatted: Bool
        let mode: HoleMode
        /// The parse text once it differs from the text (empty while it is `text[..<copied]`).
        var parse: [UInt8] = []
        /// Whether the parse text differs from the text: most statements need no rewriting, and
        /// then it is not copied byte by byte.
        var rewritten = false
        /// While not ``rewritten``, the parse text is the first `copied` bytes of the text.
        var copied = 0
        /// The display text once it differs from `parse` (`nil` while it is the same).
        var display: [UInt8]?
        var parameterCount = 0
        /// Parameters shown so far: the display text numbers only the placeholders the code wrote
        /// (`WHERE id = $1` after a `{dynamic}` piece, which the parse text numbers too).
        var displayParameterCount = 0
        var dynamic = false
        var usedHoleMode = false

        init(text: [UInt8], formatted: Bool, mode: HoleMode) {
            self.text = text
            self.formatted = formatted
            self.mode = mode
            percentFormatted = formatted && !PlaceholderNormalizer.hasBraceSlot(text)
        }

        /// The index of the `}` closing a SpEL bind (`:#{…}`, `?#{…}`) opening at `index`.
        func spelBindEnd(at index: Int) -> Int? {
            guard index + 3 < text.count, text[index + 1] == ASCII.hash, text[index + 2] == ASCII.openBrace else { return nil }
            return text[(index + 3)...].firstIndex(of: ASCII.closeBrace)
        }

        mutating func run() {
            var index = 0
            let count = text.count
            while index < count {
                let byte = text[index]
                switch byte {
                case HoleMarker.dynamic:
                    // Pieces one after another with nothing between (`${set}${where}`) are one piece.
                    index += 1
                    while index < count, text[index] == HoleMarker.dynamic { index += 1 }
                    emitHole(inQuotes: false, before: index)
                case HoleMarker.parameter:
                    emitParameter(before: index + 1)
                    index += 1
                case ASCII.singleQuote, ASCII.doubleQuote:
                    index = copyQuoted(from: index, quote: byte)
                case ASCII.minus where index + 1 < count && text[index + 1] == ASCII.minus:
                    while index < count, text[index] != ASCII.newline { copy(text[index]); index += 1 }
                case ASCII.slash where index + 1 < count && text[index + 1] == ASCII.star:
                    // A block comment is copied as it is (`/*$wgDBprefix*/`, `/* :name */`).
                    let close = PlaceholderNormalizer.find([ASCII.star, ASCII.slash], in: text, from: index + 2)
                    let end = close.map { $0 + 2 } ?? count
                    copy(index..<end)
                    index = end
                case UInt8(ascii: "?"):
                    let next = index + 1 < count ? text[index + 1] : 0
                    if let close = spelBindEnd(at: index) {
                        emitParameter(before: close + 1)
                        index = close
                    } else if next == UInt8(ascii: "?"), PlaceholderNormalizer.isIdentifierBind(text, at: index) {
                        // knex's and node-mysql's `??`: a name the library quotes (`FROM ??`, `??.??`).
                        emitTemplateHole()
                        index += 1
                    } else if ASCII.isDigit(next) {
                        copy(ASCII.dollar)
                    } else if next != UInt8(ascii: "|") && next != UInt8(ascii: "&")
                                && endsAtParameterPosition {
                        emitParameter(before: index + 1)
                    } else {
                        copy(byte)
                    }
                    index += 1
                case ASCII.percent:
                    index = percent(at: index)
                case UInt8(ascii: ":"), ASCII.at:
                    let previous = index > 0 ? text[index - 1] : 0
                    let next = index + 1 < count ? text[index + 1] : 0
                    if byte != ASCII.at, let close = spelBindEnd(at: index) {
                        // Spring Data binds a SpEL value: `:#{#entry.cacheKey}`.
                        emitParameter(before: close + 1)
                        index = close + 1
                    } else if ASCII.isIdentifierStart(next), next < 0x80, !ASCII.isIdentifierPart(previous), previous != byte {
                        index += 1
                        while index < count, ASCII.isIdentifierPart(text[index]) { index += 1 }
                        // `:arg${argIndex}`: a name the code numbers at run time is one parameter.
                        while index < count, text[index] == HoleMarker.dynamic || ASCII.isIdentifierPart(text[index]) { index += 1 }
                        emitParameter(before: index)
                    } else {
                        copy(byte)
                        index += 1
                    }
                case ASCII.hash, ASCII.dollar:
                    if index + 1 < count, text[index + 1] == ASCII.openBrace,
                       let close = text[(index + 2)...].firstIndex(of: ASCII.closeBrace) {
                        // `#{id}` binds (MyBatis); `${x}` and Spring Data's SpEL `#{#entityName}` splice text.
                        let spel = byte == ASCII.hash && index + 2 < count && text[index + 2] == ASCII.hash
                        if byte == ASCII.hash, !spel {
                            emitParameter(before: close + 1)
                        } else {
                            emitHole(inQuotes: false, before: close + 1)
                        }
                        index = close + 1
                    } else if let end = PlaceholderNormalizer.dollarParameterEnd(text, at: index) {
                        emitParameter(before: end)
                        index = end
                    } else {
                        copy(byte)
                        index += 1
                    }
                case ASCII.openBrace where index + 1 < count && text[index + 1] == ASCII.openBrace:
                    // `{{name}}`, `{{name::type}}`, dbt/Jinja `{{ ref('t') }}`: a template value.
                    if let close = PlaceholderNormalizer.find([ASCII.closeBrace, ASCII.closeBrace], in: text, from: index + 2),
                       close - index < 200 {
                        emitTemplateHole()
                        index = close + 2
                    } else {
                        copy(byte)
                        index += 1
                    }
                case ASCII.openBrace where !formatted && PlaceholderNormalizer.indexedSlotEnd(text, from: index) != nil:
                    // `{0}` in text no format call fills: EF Core's `FromSqlRaw`/`SqlQueryRaw` bind it.
                    index = PlaceholderNormalizer.indexedSlotEnd(text, from: index)!
                    emitParameter(before: index)
                case ASCII.openBrace where !formatted && PlaceholderNormalizer.typedParameterEnd(text, from: index) != nil:
                    // ClickHouse `{name: Type}`: a bound parameter.
                    index = PlaceholderNormalizer.typedParameterEnd(text, from: index)!
                    emitParameter(before: index)
                case UInt8(ascii: "s") where index + 4 < count && text[index + 4] == UInt8(ascii: ".")
                        && PlaceholderNormalizer.sqlcMacroEnd(text, from: index) != nil:
                    // sqlc `sqlc.arg(x)`, `sqlc.narg('x')`, `sqlc.slice(x)`: the `$n` sqlc generates.
                    index = PlaceholderNormalizer.sqlcMacroEnd(text, from: index)!
                    emitParameter(before: index)
                case ASCII.openBrace where formatted:
                    if let close = text[(index + 1)...].firstIndex(of: ASCII.closeBrace), close - index < 40 {
                        emitHole(inQuotes: false, before: close + 1)
                        index = close + 1
                    } else {
                        copy(byte)
                        index += 1
                    }
                default:
                    let end = PlaceholderNormalizer.plainRunEnd(text, after: index)
                    copy(index..<end)
                    index = end
                }
            }
        }

        // MARK: Output

        mutating func copy(_ byte: UInt8) {
            if !rewritten, copied < text.count, text[copied] == byte {
                copied += 1
            } else {
                rewrite()
                parse.append(byte)
            }
            display?.append(byte)
        }

        /// Copies `text[range]` as it is.
        mutating func copy(_ range: Range<Int>) {
            if !rewritten, range.lowerBound == copied {
                copied = range.upperBound
            } else {
                rewrite()
                parse.append(contentsOf: text[range])
            }
            display?.append(contentsOf: text[range])
        }

        /// Starts writing the parse text apart from the text (the two are the same until now).
        mutating func rewrite() {
            guard !rewritten else { return }
            rewritten = true
            parse.reserveCapacity(text.count + 16)
            parse.append(contentsOf: text[..<copied])
        }

        /// Whether the parse text so far ends where a value is expected.
        var endsAtParameterPosition: Bool {
            if rewritten { return parse.withUnsafeBufferPointer(PlaceholderNormalizer.isParameterPosition) }
            return text.withUnsafeBufferPointer {
                PlaceholderNormalizer.isParameterPosition(UnsafeBufferPointer(rebasing: $0[..<copied]))
            }
        }

        /// A bound value; `next` is the index of the text after its placeholder.
        mutating func emitParameter(before next: Int) {
            rewrite()
            displayParameterCount += 1
            if display != nil { Self.append(displayParameterCount, prefix: ASCII.dollar, to: &display!) }
            if emitList(before: next) { return }
            parameterCount += 1
            Self.append(parameterCount, prefix: ASCII.dollar, to: &parse)
        }

        /// A piece (run-time or bound) that stands for a list, whatever the hole mode: rows after
        /// `VALUES` (`VALUES %s` for psycopg2's `execute_values`, `VALUES ${rows}`) and items after
        /// `IN` (psycopg2's tuples, GRDB's arrays: `IN \(ids)`), written `($n)`;
        /// assignments after `SET` when no `=` follows (`SET ${assignments}`, node-mysql's `SET ?`),
        /// written `dyn_piece_n = $n`. Whether it was one (`next` is the index after the piece).
        mutating func emitList(before next: Int) -> Bool {
            if PlaceholderNormalizer.ends(parse, with: "values") || PlaceholderNormalizer.ends(parse, with: "in") {
                parameterCount += 1
                parse.append(ASCII.openParen)
                Self.append(parameterCount, prefix: ASCII.dollar, to: &parse)
                parse.append(ASCII.closeParen)
                return true
            }
            guard PlaceholderNormalizer.ends(parse, with: "set"), !PlaceholderNormalizer.startsWithEquals(text, from: next)
            else { return false }
            parameterCount += 1
            parse.append(contentsOf: PlaceholderNormalizer.holeIdentifierBytes)
            Self.append(parameterCount, prefix: nil, to: &parse)
            parse.append(contentsOf: [ASCII.space, UInt8(ascii: "="), ASCII.space])
            Self.append(parameterCount, prefix: ASCII.dollar, to: &parse)
            return true
        }

        /// Starts the display text apart from the parse text (both are the same until now).
        mutating func diverge() {
            guard display == nil else { return }
            var copy = rewritten ? parse : Array(text[..<copied])
            copy.reserveCapacity(text.count + 16)
            display = copy
        }

        /// A run-time piece; `next` is the index of the text after it.
        mutating func emitHole(inQuotes: Bool, before next: Int) {
            dynamic = true
            diverge()
            display!.append(contentsOf: PlaceholderNormalizer.displayHole)
            guard !inQuotes else { return }
            usedHoleMode = true
            rewrite()
            if emitList(before: next) { return }
            switch mode {
            case .parameter:
                parameterCount += 1
                Self.append(parameterCount, prefix: ASCII.dollar, to: &parse)
            case .identifier:
                parameterCount += 1
                // `FROM (#{subquery}) alias`: a derived table's query, which a name alone is not;
                // `WITH #{ctes} SELECT`: named queries.
                let afterWord = wordBeforeHole()
                let derived = afterWord == .derivedTable && closesRightAfter(next)
                if derived { parse.append(contentsOf: Array("SELECT ".utf8)) }
                parse.append(contentsOf: PlaceholderNormalizer.holeIdentifierBytes)
                Self.append(parameterCount, prefix: nil, to: &parse)
                if afterWord == .with, opensQueryAfter(next) { parse.append(contentsOf: Array(" AS (SELECT 1)".utf8)) }
            case .remove:
                break
            }
        }

        /// What the parse text before a hole ends with: `FROM (` or `JOIN (`, or `WITH`.
        enum WordBeforeHole { case derivedTable, with, other }

        func wordBeforeHole() -> WordBeforeHole {
            var end = parse.count
            while end > 0, ASCII.isBlank(parse[end - 1]) { end -= 1 }
            let parenthesized = end > 0 && parse[end - 1] == ASCII.openParen
            if parenthesized {
                end -= 1
                while end > 0, ASCII.isBlank(parse[end - 1]) { end -= 1 }
            }
            var start = end
            while start > 0, ASCII.isIdentifierPart(parse[start - 1]) { start -= 1 }
            guard start == 0 || !ASCII.isIdentifierPart(parse[start - 1]) else { return .other }
            let word = parse[start..<end].lazy.map { $0 | 0x20 }
            if parenthesized { return word.elementsEqual("from".utf8) || word.elementsEqual("join".utf8) ? .derivedTable : .other }
            return word.elementsEqual("with".utf8) || word.elementsEqual("recursive".utf8) ? .with : .other
        }

        /// Whether the text after a hole, from `next`, goes on with the query its named queries serve.
        func opensQueryAfter(_ next: Int) -> Bool {
            var start = next
            while start < text.count, ASCII.isBlank(text[start]) { start += 1 }
            var end = start
            while end < text.count, ASCII.isIdentifierPart(text[end]) { end += 1 }
            let word = text[start..<end].lazy.map { $0 | 0x20 }
            return ["select", "insert", "update", "delete"].contains { word.elementsEqual($0.utf8) }
        }

        /// Whether the text after a hole, from `next`, closes its parentheses first.
        func closesRightAfter(_ next: Int) -> Bool {
            var after = next
            while after < text.count, ASCII.isBlank(text[after]) { after += 1 }
            return after < text.count && text[after] == ASCII.closeParen
        }

        /// A placeholder of a template tool: a parameter (or, when the statement needs a name
        /// there, a stand-in name) that does not make the statement dynamic.
        mutating func emitTemplateHole() {
            diverge()
            rewrite()
            parameterCount += 1
            displayParameterCount += 1
            Self.append(displayParameterCount, prefix: ASCII.dollar, to: &display!)
            switch mode {
            case .parameter, .remove:
                Self.append(parameterCount, prefix: ASCII.dollar, to: &parse)
            case .identifier:
                usedHoleMode = true
                parse.append(contentsOf: PlaceholderNormalizer.holeIdentifierBytes)
                Self.append(parameterCount, prefix: nil, to: &parse)
            }
            if mode == .parameter { usedHoleMode = true }
        }

        /// Appends the current parameter number. Static: a method of `self` would hold a second
        /// reference to the array it appends to, which would then be copied.
        private static func append(_ number: Int, prefix: UInt8?, to output: inout [UInt8]) {
            if let prefix { output.append(prefix) }
            if number >= 10 { append(number / 10, prefix: nil, to: &output) }
            output.append(UInt8(ascii: "0") + UInt8(number % 10))
        }

        // MARK: Pieces

        /// Copies a quoted SQL literal or identifier; run-time pieces inside a literal are dropped for
        /// parsing, inside an identifier they become a stand-in name.
        mutating func copyQuoted(from start: Int, quote: UInt8) -> Int {
            copy(quote)
            var cursor = start + 1
            let count = text.count
            while cursor < count {
                let byte = text[cursor]
                cursor += 1
                if byte == HoleMarker.dynamic || byte == HoleMarker.parameter {
                    emitHole(inQuotes: true, before: cursor)
                    if quote == ASCII.doubleQuote || mode == .identifier {
                        // A run-time name inside a quoted identifier (`"\(table)"`): parse it as a
                        // stand-in name, which the table list leaves out, rather than as `""`. Where
                        // pieces are read as names, one inside a literal is kept too, to be shown.
                        parameterCount += 1
                        rewrite()
                        parse.append(contentsOf: PlaceholderNormalizer.holeIdentifierBytes)
                        Self.append(parameterCount, prefix: nil, to: &parse)
                    }
                    continue
                }
                if byte == ASCII.percent ? percentFormatted : formatted && byte == ASCII.openBrace, cursor < count,
                   PlaceholderNormalizer.isFormatHole(text[cursor]) {
                    dynamic = true
                }
                copy(byte)
                if byte == quote {
                    if cursor < count, text[cursor] == quote {
                        copy(quote)
                        cursor += 1
                        continue
                    }
                    return cursor
                }
            }
            return cursor
        }

        /// Handles `%s`, `%d`, `%(name)s`, `%%` and a plain modulo sign.
        mutating func percent(at index: Int) -> Int {
            let count = text.count
            let next = index + 1 < count ? text[index + 1] : 0
            if next == ASCII.percent {
                // Formatting turns `%%s` into the driver's `%s`: a parameter.
                if percentFormatted, index + 2 < count, text[index + 2] == UInt8(ascii: "s"),
                   index + 3 == count || !ASCII.isIdentifierPart(text[index + 3]) {
                    emitParameter(before: index + 3)
                    return index + 3
                }
                copy(ASCII.percent)
                return index + 2
            }
            // Java's and C's positional `%1$s`: a format hole, whatever fills it.
            if ASCII.isDigit(next) {
                var digits = index + 1
                while digits < count, ASCII.isDigit(text[digits]) { digits += 1 }
                if digits + 1 < count, text[digits] == ASCII.dollar,
                   [UInt8(ascii: "s"), UInt8(ascii: "d")].contains(text[digits + 1]) {
                    emitHole(inQuotes: false, before: digits + 2)
                    return digits + 2
                }
            }
            var end = index + 1
            if next == ASCII.openParen, index + 2 < count, let close = text[(index + 2)...].firstIndex(of: ASCII.closeParen),
               close + 1 < count, close - index < 64 {
                end = close + 1
            }
            guard end < count else {
                copy(ASCII.percent)
                return index + 1
            }
            switch text[end] {
            case UInt8(ascii: "s"), UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "f"), UInt8(ascii: "b"),
                 UInt8(ascii: "v"), UInt8(ascii: "q"), UInt8(ascii: "r"):
                if end + 1 < count, ASCII.isIdentifierPart(text[end + 1]) {
                    copy(ASCII.percent)
                    return index + 1
                }
                if percentFormatted { emitHole(inQuotes: false, before: end + 1) } else { emitParameter(before: end + 1) }
                return end + 1
            default:
                copy(ASCII.percent)
                return index + 1
            }
        }
    }

    /// Whether the byte after `%` or `{` inside a quoted literal of a format string makes a hole
    /// (`'%s'`, `'%d'`, `'{}'`, `'{name}'`).
    package static func isFormatHole(_ next: UInt8) -> Bool {
        next == UInt8(ascii: "s") || next == UInt8(ascii: "d") || next == ASCII.openParen
            || next == ASCII.closeBrace || ASCII.isIdentifierStart(next)
    }

    // MARK: - Template placeholders

    package static func find(_ needle: [UInt8], in text: [UInt8], from start: Int) -> Int? {
        guard start <= text.count - needle.count else { return nil }
        for index in start...(text.count - needle.count) where text[index] == needle[0] {
            if text[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }

    /// The index after a parameter spelt with `$` other than PostgreSQL's `$1`, at `start`: SQLite's
    /// `$name`, or a number written at run time, `$${index}` (a template's hole after `$`) or `$%d`
    /// (Go's `fmt.Sprintf("city = $%d", n)`); `nil` otherwise.
    package static func dollarParameterEnd(_ text: [UInt8], at start: Int) -> Int? {
        guard text[start] == ASCII.dollar, start + 1 < text.count else { return nil }
        if text[start + 1] == HoleMarker.dynamic { return start + 2 }
        // SQLite's `$name` (not a dollar quote's `$tag$`, nor part of a name: Oracle's `v$session`).
        if ASCII.isIdentifierStart(text[start + 1]), text[start + 1] < 0x80,
           start == 0 || !ASCII.isIdentifierPart(text[start - 1]) {
            var end = start + 2
            while end < text.count, ASCII.isIdentifierPart(text[end]) { end += 1 }
            return end < text.count && text[end] == ASCII.dollar ? nil : end
        }
        guard start + 2 < text.count, text[start + 1] == ASCII.percent, text[start + 2] == UInt8(ascii: "d") else {
            return nil
        }
        return start + 3
    }

    /// The index after `{` digits `}` at `start`, or `nil`.
    package static func indexedSlotEnd(_ text: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        while index < text.count, ASCII.isDigit(text[index]) { index += 1 }
        return index > start + 1 && index < text.count && text[index] == ASCII.closeBrace ? index + 1 : nil
    }

    /// The end of a ClickHouse parameter `{name: Type}` starting at `start`, or `nil`.
    package static func typedParameterEnd(_ text: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        let count = text.count
        while index < count, text[index] == ASCII.space { index += 1 }
        let nameStart = index
        while index < count, ASCII.isIdentifierPart(text[index]) { index += 1 }
        guard index > nameStart else { return nil }
        while index < count, text[index] == ASCII.space { index += 1 }
        guard index < count, text[index] == UInt8(ascii: ":"), index + 1 < count, text[index + 1] != UInt8(ascii: ":")
        else { return nil }
        index += 1
        while index < count, text[index] == ASCII.space { index += 1 }
        guard index < count, ASCII.isIdentifierStart(text[index]) else { return nil }
        var depth = 0
        while index < count, index - start < 80 {
            let byte = text[index]
            if byte == ASCII.openParen { depth += 1 }
            if byte == ASCII.closeParen { depth -= 1 }
            if byte == ASCII.closeBrace, depth == 0 { return index + 1 }
            guard ASCII.isIdentifierPart(byte) || byte == ASCII.space || byte == ASCII.openParen
                    || byte == ASCII.closeParen || byte == UInt8(ascii: ",") else { return nil }
            index += 1
        }
        return nil
    }

    private static let sqlcPrefixes: [[UInt8]] = ["sqlc.arg(", "sqlc.narg(", "sqlc.slice("].map { Array($0.utf8) }

    /// The end of an sqlc macro call (`sqlc.arg(name)`) starting at `start`, or `nil`.
    package static func sqlcMacroEnd(_ text: [UInt8], from start: Int) -> Int? {
        guard start + 9 < text.count, text[start + 4] == UInt8(ascii: "."),
              start == 0 || !ASCII.isIdentifierPart(text[start - 1]) else { return nil }
        for prefix in sqlcPrefixes where start + prefix.count <= text.count
            && text[start..<(start + prefix.count)].elementsEqual(prefix) {
            guard let close = text[(start + prefix.count)...].firstIndex(of: ASCII.closeParen),
                  close - start < 80 else { return nil }
            return close + 1
        }
        return nil
    }

    // MARK: - List positions

    /// Whether `parse` ends with the word `keyword` (lower case; any case in `parse`), blanks
    /// after it allowed.
    static func ends(_ parse: [UInt8], with keyword: StaticString) -> Bool {
        var end = parse.count
        while end > 0, ASCII.isBlank(parse[end - 1]) { end -= 1 }
        let count = keyword.utf8CodeUnitCount
        guard end >= count else { return false }
        for offset in 0..<count where parse[end - count + offset] | 0x20 != keyword.utf8Start[offset] { return false }
        return end == count || !ASCII.isIdentifierPart(parse[end - count - 1])
    }

    /// Whether the first byte after blanks from `start` is `=` (the piece is a column name).
    static func startsWithEquals(_ text: [UInt8], from start: Int) -> Bool {
        var index = start
        while index < text.count, ASCII.isBlank(text[index]) { index += 1 }
        return index < text.count && text[index] == UInt8(ascii: "=")
    }

    // MARK: - Parameter positions

    /// Whether a `?` at the end of `parse` stands where a value is expected.
    static func isParameterPosition(_ parse: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = parse.count - 1
        while index >= 0, parse[index] == ASCII.space || parse[index] == ASCII.tab || parse[index] == ASCII.newline
                || parse[index] == ASCII.carriageReturn {
            index -= 1
        }
        guard index >= 0 else { return true }
        let previous = parse[index]
        switch previous {
        case UInt8(ascii: "="), ASCII.openParen, UInt8(ascii: ","), ASCII.less, UInt8(ascii: ">"), UInt8(ascii: "+"),
             ASCII.minus, ASCII.star, ASCII.slash, UInt8(ascii: "["):
            return true
        default:
            var start = index
            while start >= 0, ASCII.isIdentifierPart(parse[start]) { start -= 1 }
            guard start < index, index - start <= maximumParameterKeywordLength else { return false }
            let word = parse[(start + 1)...index]
            return Self.parameterKeywords.contains { keyword in
                keyword.count == word.count && zip(keyword, word).allSatisfy { $0 == $1 | 0x20 }
            }
        }
    }
}
