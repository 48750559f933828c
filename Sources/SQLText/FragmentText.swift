import Foundation
import SourceLexing

/// Text tests of a piece of SQL handed to an ORM (a fragment), before and after it is parsed inside
/// the statement it belongs to: the words that join it to that statement, and whether it holds
/// anything of SQL's own (an operator, a call, a direction) rather than names.
package enum FragmentText {
    /// Whether `text` holds `{` digits `}`.
    package static func hasIndexedSlot(_ text: [UInt8]) -> Bool {
        text.indices.contains { index in
            guard text[index] == ASCII.openBrace else { return false }
            var end = index + 1
            while end < text.count, ASCII.isDigit(text[end]) { end += 1 }
            return end > index + 1 && end < text.count && text[end] == ASCII.closeBrace
        }
    }

    /// `text` without a leading `WHERE`, `AND` or `OR` (any case): the word that joins a stored
    /// condition to the statement it is spliced into (`"AND type = ?"`, `` `WHERE id=$1` ``).
    package static func droppingLeadingConnector(_ text: String) -> String {
        let utf8 = Array(text.utf8)
        var end = 0
        while end < utf8.count, end < 6, ASCII.isIdentifierPart(utf8[end]) { end += 1 }
        guard end < utf8.count, !ASCII.isIdentifierPart(utf8[end]) else { return text }
        let word = String(decoding: utf8[..<end], as: UTF8.self).lowercased()
        guard word == "where" || word == "and" || word == "or" else { return text }
        return String(decoding: utf8[end...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether `text` opens with `AND`, `OR` or `WHERE` (after blanks): it goes on with a condition.
    package static func opensWithConnector(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = String(decoding: text.prefix(12), as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return droppingLeadingConnector(start) != start
    }

    /// Whether `text` is a constant condition, always true or always false (`1=1`, `1 = 0`, `TRUE`): the
    /// seed of a list of conditions, or what a filter returns when it filters nothing or everything.
    package static func isConstantCondition(_ text: String) -> Bool {
        if ["true", "false"].contains(text.lowercased()) { return true }
        let sides = text.split(separator: "=", omittingEmptySubsequences: false)
        guard sides.count == 2 else { return false }
        return sides.allSatisfy { side in
            let digits = side.trimmingCharacters(in: .whitespaces)
            return !digits.isEmpty && digits.count < 4 && digits.utf8.allSatisfy(ASCII.isDigit)
        }
    }

    /// PostgreSQL type names a cast (`::jsonb`) names.
    private static let castTypes: Set<String> = [
        "text", "int", "integer", "bigint", "smallint", "numeric", "decimal", "real", "float", "double", "jsonb", "json",
        "timestamptz", "timestamp", "date", "time", "interval", "uuid", "boolean", "bool", "varchar", "char", "regclass",
        "tsvector", "tsquery", "inet", "bytea", "ltree", "citext", "money",
    ]

    /// Functions only SQL calls (lower case, with their `(`).
    private static let sqlOnlyFunctions: [String] = [
        "jsonb_", "json_build_object(", "json_agg(", "to_tsvector(", "to_tsquery(", "plainto_tsquery(",
        "websearch_to_tsquery(", "date_trunc(", "array_agg(", "string_agg(", "coalesce(", "nullif(", "generate_series(",
    ]

    /// Whether `text` (a literal's source, holes and all) has syntax only SQL has: a cast to a
    /// PostgreSQL type in a comparison (`${text}::timestamptz < …`), a JSON path operator (`#>>`, `->>`, `@>`), `ILIKE`,
    /// `NULLS LAST`, `CASE … WHEN … THEN`, or a function only SQL calls (`jsonb_typeof(`, `coalesce(`).
    package static func hasSQLOnlySyntax(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let string = String(decoding: text, as: UTF8.self)
        for operatorText in ["#>>", "->>", "@>", " ILIKE ", "NULLS LAST", "NULLS FIRST", " COLLATE "] where string.contains(operatorText) {
            return true
        }
        if comparesWithBind(string) { return true }
        if string.contains("WHEN "), string.contains(" THEN ") { return true }
        let lowered = string.lowercased()
        if sqlOnlyFunctions.contains(where: lowered.contains) { return true }
        // A cast compared or combined (`${text}::timestamptz < ${value}`); a value cast alone
        // (`'…'::uuid`, a row `($1, $2::int)`) is no piece of a clause.
        guard ["<", ">", "=", " and ", " or ", "||"].contains(where: lowered.contains) else { return false }
        var rest = lowered[...]
        while let cast = rest.range(of: "::") {
            let type = rest[cast.upperBound...].prefix { $0.isLetter }
            if castTypes.contains(String(type)) { return true }
            rest = rest[cast.upperBound...]
        }
        return false
    }

    /// A literal that is an ordering and nothing else, two or more items or a qualified column, each
    /// with an upper-case direction: `'o.observed_at DESC, o.id DESC'` (a table of sort orders).
    package static func isOrderingList(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count < 200 else { return false }
        let items = text.split(separator: UInt8(ascii: ","))
        var qualified = false
        for item in items {
            let words = item.split(whereSeparator: ASCII.isBlank)
            guard words.count == 2 || words.count == 4, let direction = words.dropFirst().first,
                  direction.elementsEqual("ASC".utf8) || direction.elementsEqual("DESC".utf8),
                  words[0].allSatisfy({ ASCII.isIdentifierPart($0) || $0 == UInt8(ascii: ".") }) else { return false }
            if words.count == 4, !words[2].elementsEqual("NULLS".utf8) { return false }
            qualified = qualified || words[0].contains(UInt8(ascii: "."))
        }
        return items.count > 1 || qualified
    }

    /// Whether `text` opens with the word `WHERE`, in any case, after blanks.
    package static func opensWithWhere(_ text: String) -> Bool { opens(text, with: "where") }

    /// Whether `text` opens with the word `FROM`, in any case, after blanks: the sources of a
    /// statement, kept for splicing (`FROM post_visibilities pv INNER JOIN … WHERE …`).
    package static func opensWithFrom(_ text: String) -> Bool { opens(text, with: "from") }

    private static func opens(_ text: String, with keyword: String) -> Bool {
        let count = keyword.utf8.count
        let word = text.utf8.drop(while: ASCII.isBlank).prefix(count + 1).map { $0 | 0x20 }
        return word.starts(with: keyword.utf8) && (word.count == count || !ASCII.isIdentifierPart(word[count]))
    }

    /// Qualifiers PostgreSQL reserves that ORMs use as aliases (TypeORM's `createQueryBuilder("user")`).
    private static let reservedQualifiers = ["user", "order", "group", "table", "check", "default", "end", "to",
                                             "limit", "offset", "column", "constraint", "references", "role"]

    /// `text` with every qualifier PostgreSQL reserves quoted (`user.username` → `"user".username`),
    /// or `nil` when it has none.
    package static func quotingReservedQualifiers(_ text: String) -> String? {
        var output = ""
        var changed = false
        var index = text.startIndex
        while index < text.endIndex {
            let rest = text[index...]
            if index == text.startIndex || !(text[text.index(before: index)].isLetter
                || text[text.index(before: index)].isNumber || text[text.index(before: index)] == "_"
                || text[text.index(before: index)] == "\""),
               let word = reservedQualifiers.first(where: { rest.lowercased().hasPrefix($0 + ".") }) {
                output += "\"" + rest.prefix(word.count) + "\""
                index = text.index(index, offsetBy: word.count)
                changed = true
                continue
            }
            output.append(text[index])
            index = text.index(after: index)
        }
        return changed ? output : nil
    }

    /// Whether `text` is a name and `()`: `now()`, `gen_random_uuid()`.
    package static func isCallWithoutArguments(_ text: String) -> Bool {
        guard text.hasSuffix("()") else { return false }
        return text.dropLast(2).utf8.allSatisfy { ASCII.isIdentifierPart($0) || $0 == UInt8(ascii: ".") }
    }

    /// `text` with MySQL's backquoted names (`` `memo`.`id` ``) in double quotes, as PostgreSQL
    /// quotes them; `nil` when it has none outside string literals.
    package static func doubleQuotingBackquotes(_ text: String) -> String? {
        guard text.utf8.contains(ASCII.backtick) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var inString = false
        var changed = false
        for byte in text.utf8 {
            if byte == ASCII.singleQuote { inString.toggle() }
            if byte == ASCII.backtick, !inString {
                output.append(ASCII.doubleQuote)
                changed = true
            } else {
                output.append(byte)
            }
        }
        return changed ? String(decoding: output, as: UTF8.self) : nil
    }

    /// Whether a literal's source (quotes included) opens with a hole and goes on with `AND`, `OR`
    /// or `WHERE`: `` `${qry} AND locale = ?` `` extends the piece the hole holds.
    package static func extendsLeadingPiece(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        // Past the prefixes and the quote (`f"`, `$"`, `` ` ``), to a hole that comes first.
        var open = source.startIndex
        while open < source.endIndex, "fF$@\"'`".utf8.contains(source[open]) { open += 1 }
        if open < source.endIndex, source[open] == ASCII.hash || source[open] == ASCII.dollar { open += 1 }
        guard open < source.endIndex, source[open] == ASCII.openBrace,
              let close = source[open...].firstIndex(of: ASCII.closeBrace) else { return false }
        return opensWithConnector(UnsafeBufferPointer(rebasing: source[(close + 1)...]))
    }

    /// Whether `text` is a table name, a blank, then its columns in parentheses:
    /// `documents (type, document, hash)` (a function call has no blank before its `(`).
    package static func isTableWithColumns(_ text: String) -> Bool {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")"), open > text.startIndex,
              text[text.index(before: open)] == " " else { return false }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let columns = text[text.index(after: open)..<text.index(before: text.endIndex)].split(separator: ",")
        func isName<S: StringProtocol>(_ part: S) -> Bool {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && trimmed.utf8.allSatisfy { ASCII.isIdentifierPart($0) || $0 == UInt8(ascii: ".") }
        }
        return isName(name) && !columns.isEmpty && columns.allSatisfy(isName)
    }

    /// Whether `text` is a name written with hyphens (`minify-css`, `p-tb`): a CSS class or a
    /// message key, which parses as a subtraction but is no SQL.
    package static func isHyphenatedName(_ text: String) -> Bool {
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        return parts.count > 1 && parts.allSatisfy { part in
            guard let first = part.first, ASCII.isIdentifierStart(first) else { return false }
            return part.allSatisfy(ASCII.isIdentifierPart)
        }
    }

    /// `text` without a leading `ORDER BY` or `GROUP BY` (any case).
    package static func droppingLeadingBy(_ text: String) -> String {
        let words = text.split(maxSplits: 2, whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard words.count == 3, ["order", "group"].contains(words[0].lowercased()), words[1].lowercased() == "by" else {
            return text
        }
        return String(words[2])
    }

    /// Whether a parameter is qualified (`$1.name`): a run-time piece tried as a value where it
    /// names a table (`"#{Project.table_name}.name"`), so the piece is no value.
    package static func hasQualifiedParameter(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            guard utf8[index] == UInt8(ascii: "$") else { index += 1; continue }
            var end = index + 1
            while end < utf8.count, ASCII.isDigit(utf8[end]) { end += 1 }
            if end > index + 1, end + 1 < utf8.count, utf8[end] == UInt8(ascii: "."), ASCII.isIdentifierStart(utf8[end + 1]) {
                return true
            }
            index = end
        }
        return false
    }

    /// Whether `display` (a fragment as shown: written placeholders `$n`, run-time pieces
    /// `{dynamic}`) compares with a placeholder the code wrote: `{dynamic} = $1`, `{dynamic} >= $2`.
    package static func comparesWithPlaceholder(_ display: String) -> Bool {
        let utf8 = Array(display.utf8)
        for index in utf8.indices where utf8[index] == UInt8(ascii: "=") || utf8[index] == ASCII.less
            || utf8[index] == UInt8(ascii: ">") {
            var next = index + 1
            while next < utf8.count, utf8[next] == UInt8(ascii: "=") || utf8[next] == UInt8(ascii: ">") || ASCII.isBlank(utf8[next]) {
                next += 1
            }
            if next + 1 < utf8.count, utf8[next] == ASCII.dollar, ASCII.isDigit(utf8[next + 1]) { return true }
        }
        return false
    }

    /// ``comparesWithPlaceholder(_:)`` on a literal's source, before placeholders are normalised:
    /// a name compared with a `?` bind (`n.tags like ?`, `a.id = ?`, `id IN (?)`).
    static func comparesWithBind(_ text: String) -> Bool {
        let lowered = text.lowercased()
        for comparison in [" = ?", " =?", " <> ?", " != ?", " >= ?", " <= ?", " > ?", " < ?", " like ?", " in (?"]
        where lowered.contains(comparison) {
            return true
        }
        return false
    }

    /// A condition or expression has an operator, a call, a cast, a placeholder or a direction;
    /// `order("created_at")` or a column list has none of them.
    package static func hasOperatorOrCall(_ text: String) -> Bool {
        if text.utf8.contains(where: { "=<>()?$*+-/|@~!".utf8.contains($0) }) || text.contains("::") { return true }
        let words = Set(LooseSQLReader.words(of: text))
        if words.contains("as") { return !isColumnList(text) }
        return !words.isDisjoint(with: ["asc", "desc", "like", "ilike", "in", "is", "between", "not", "and", "or",
                                        "nulls", "similar", "collate"])
    }

    /// Columns, each perhaps renamed: `geographies.id as id, geographies.name name` (a run-time
    /// piece is no column name: `${expr} as ${name}` is an expression).
    package static func isColumnList(_ text: String) -> Bool {
        func isName(_ word: Substring) -> Bool {
            if PlaceholderNormalizer.isHoleIdentifier(String(word)) { return false }
            // A constant is no column: `NULL as score`.
            if ["null", "true", "false"].contains(word.lowercased()) { return false }
            // Quoted parts count: `users."user"`, `` `t`.`c` ``.
            func isNameByte(_ byte: UInt8) -> Bool {
                ASCII.isIdentifierPart(byte) || byte == UInt8(ascii: ".") || byte == ASCII.doubleQuote || byte == ASCII.backtick
            }
            guard let first = word.utf8.first, ASCII.isIdentifierStart(first) || first == ASCII.doubleQuote
                    || first == ASCII.backtick else { return false }
            return word.utf8.allSatisfy(isNameByte)
        }
        return text.split(separator: ",").allSatisfy { item in
            let words = item.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            switch words.count {
            case 1, 2: return words.allSatisfy(isName)
            case 3: return isName(words[0]) && words[1].lowercased() == "as" && isName(words[2])
            default: return false
            }
        }
    }
}
