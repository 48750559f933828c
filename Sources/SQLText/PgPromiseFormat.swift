import SourceLexing

/// pg-promise's query formatting in a plain JavaScript string (not a template, where `${…}` would
/// be the language's own hole): `${name}`, `$(name)`, `$<name>`, `$[name]`, `$/name/` and `$1`,
/// each with an optional filter. A value is bound (`${id}`, `$1:csv`, `${tags:json}`); raw text
/// and names are spliced (`${list:raw}`, `$1^`, `${column:name}`, `${table~}`), which makes the
/// statement run-time text.
package enum PgPromiseFormat {
    /// The closing byte of each opening bracket pg-promise accepts after `$`.
    private static func closing(_ open: UInt8) -> UInt8? {
        switch open {
        case ASCII.openBrace: ASCII.closeBrace
        case ASCII.openParen: ASCII.closeParen
        case ASCII.less: UInt8(ascii: ">")
        case ASCII.openBracket: ASCII.closeBracket
        case ASCII.slash: ASCII.slash
        default: nil
        }
    }

    /// Filters that splice text rather than bind a value.
    private static let splicing: [[UInt8]] = [":raw", ":value", ":name", ":alias", "^", "#", "~"].map { Array($0.utf8) }

    /// Rewrites the variables of `text[start...]` into hole markers: ``HoleMarker/parameter`` for a
    /// bound value, ``HoleMarker/dynamic`` for spliced text. Text without `$` is left alone.
    package static func markVariables(in text: inout [UInt8], from start: Int) {
        guard text.withUnsafeBufferPointer({ $0[start...].contains(ASCII.dollar) }) else { return }
        var output = Array(text[..<start])
        var index = start
        while index < text.count {
            guard text[index] == ASCII.dollar, index + 1 < text.count, let end = variableEnd(text, at: index) else {
                output.append(text[index])
                index += 1
                continue
            }
            let body = text[index..<end]
            let splices = splicing.contains { filter in
                body.count > filter.count && (body.dropLast().suffix(filter.count).elementsEqual(filter)
                    || body.suffix(filter.count).elementsEqual(filter))
            }
            output.append(splices ? HoleMarker.dynamic : HoleMarker.parameter)
            index = end
        }
        text = output
    }

    /// The index after the variable at `start` (`$` then a bracketed name, or `$` digits, with a
    /// filter), or `nil` when there is none (`$$`, a dollar quote, PostgreSQL's plain `$1`).
    private static func variableEnd(_ text: [UInt8], at start: Int) -> Int? {
        let next = text[start + 1]
        if let close = closing(next) {
            var index = start + 2
            guard index < text.count, ASCII.isIdentifierStart(text[index]) else { return nil }
            while index < text.count, text[index] != close, text[index] != ASCII.newline, index - start < 64 { index += 1 }
            return index < text.count && text[index] == close ? index + 1 : nil
        }
        // `$1` with a filter (`$1:raw`, `$2:csv`, `$1^`); a plain `$1` is PostgreSQL's own.
        guard ASCII.isDigit(next) else { return nil }
        var index = start + 1
        while index < text.count, ASCII.isDigit(text[index]) { index += 1 }
        guard index < text.count else { return nil }
        if text[index] == UInt8(ascii: "^") || text[index] == UInt8(ascii: "#") || text[index] == UInt8(ascii: "~") {
            return index + 1
        }
        guard text[index] == UInt8(ascii: ":"), index + 1 < text.count, ASCII.isIdentifierStart(text[index + 1]) else {
            return nil
        }
        index += 1
        while index < text.count, ASCII.isIdentifierPart(text[index]) { index += 1 }
        return index
    }
}
