import Foundation
import SourceLexing
import SQLText

/// Statements written in pieces or in a form of their own: string builders, MyBatis annotation
/// arrays, Kotlin margins, `${name}` splices.
extension ExpressionAssembler {
    // MARK: - Splices

    /// A Java statement holding `${name}` (MyBatis and Spring splice it as text, quoted or not) is
    /// run-time text.
    func markSplices(in candidate: inout SQLCandidate) {
        guard language == .java, candidate.text.count > 1 else { return }
        for index in 1..<candidate.text.count
        where candidate.text[index] == ASCII.openBrace && candidate.text[index - 1] == ASCII.dollar {
            candidate.concatenated = true
            return
        }
    }

    // MARK: - String builders

    /// The receiver of `receiver.Append(` when the expression `first…last` is that call's whole
    /// argument (`strSql.Append("insert into tb_user(")`), as the index of its name token, and for a
    /// Java `StringJoiner` (`sql.add("SELECT")`) the delimiter it puts between pieces.
    func builderReceiver(ofArgumentAt first: Int, last: Int) -> (receiver: Int, delimiter: [UInt8]?)? {
        guard first > 3, last + 1 < tokens.count, language != .python, language != .ruby,
              tokens[last + 1].kind == .punctuation, tokens[last + 1].byte == ASCII.closeParen,
              tokens[first - 1].kind == .punctuation, tokens[first - 1].byte == ASCII.openParen,
              tokens[first - 3].kind == .punctuation, tokens[first - 3].byte == UInt8(ascii: ".") else { return nil }
        let method = name(of: tokens[first - 2])
        // `sql = new StringBuilder()\n.append("INSERT INTO ")`: the first piece, chained on an empty builder.
        if let variable = bounds.emptyBuilderVariable(closedAt: first - 4), CallNames.builderAppends.contains(method) {
            return (variable, nil)
        }
        guard tokens[first - 4].kind == .identifier else { return nil }
        if CallNames.builderAppends.contains(method) { return (first - 4, nil) }
        guard method == "add", language == .java || language == .kotlin,
              let delimiter = joinerDelimiter(of: first - 4) else { return nil }
        return (first - 4, delimiter)
    }

    /// The delimiter of the `StringJoiner` the variable at `receiver` holds, declared
    /// `sql = new StringJoiner(" ")` (Kotlin: without `new`) in the few hundred tokens before it.
    func joinerDelimiter(of receiver: Int) -> [UInt8]? {
        let variable = word(tokens[receiver])
        var cursor = receiver - 1
        while cursor > 2, receiver - cursor < 400 {
            defer { cursor -= 1 }
            guard tokens[cursor].kind == .identifier, word(tokens[cursor]).elementsEqual("StringJoiner".utf8),
                  cursor + 2 < receiver, tokens[cursor + 1].kind == .punctuation, tokens[cursor + 1].byte == ASCII.openParen,
                  tokens[cursor + 2].kind == .string else { continue }
            var assignment = cursor - 1
            if word(tokens[assignment]).elementsEqual("new".utf8) { assignment -= 1 }
            guard tokens[assignment].kind == .punctuation, tokens[assignment].byte == UInt8(ascii: "="),
                  tokens[assignment - 1].kind == .identifier, word(tokens[assignment - 1]).elementsEqual(variable) else { continue }
            var delimiter = SQLCandidate(text: [], line: 0, column: 0, context: CallContext(), concatenated: false)
            appendLiteral(tokens[cursor + 2], to: &delimiter)
            return delimiter.text
        }
        return nil
    }

    /// Appends what later `receiver.Append(…)` calls (or `.Append(…)` chained on the first) add to the
    /// statement begun by the first piece, up to `receiver.ToString()` (Go: `.String()`), the end of the
    /// enclosing block or a few hundred tokens: literals as text, anything else as a run-time hole. The
    /// statement is run-time text unless the builder is read out after its first piece alone; the
    /// literals read are added to `pieces`, so that they are not read again as statements of their own.
    /// When the built text is handed to an entry point (`jdbc.query(sb.toString(), …)`), so is the statement.
    func appendBuilderPieces(to candidate: inout SQLCandidate, receiver: Int, delimiter: [UInt8]?, closingParen: Int,
                             pieces: inout Set<Int>) {
        let receiverName = name(of: tokens[receiver])
        if CallNames.isSQLName(receiverName) { candidate.context.role = max(candidate.context.role, .sqlNamed) }
        var depth = 0
        var last = closingParen
        var cursor = closingParen + 1
        var readOut = false
        defer { if !readOut { candidate.concatenated = true } }
        while cursor + 3 < tokens.count, cursor - closingParen < 600 {
            let token = tokens[cursor]
            if token.kind == .punctuation, token.byte == ASCII.openBrace { depth += 1 }
            if token.kind == .punctuation, token.byte == ASCII.closeBrace {
                depth -= 1
                if depth < 0 { break }
            }
            let chained = cursor == last + 1 && token.kind == .punctuation && token.byte == UInt8(ascii: ".")
            // Bytes compared in place: this looks at every token of the block.
            let named = token.kind == .identifier && tokens[cursor + 1].isPunctuation(UInt8(ascii: "."))
                && word(token).elementsEqual(word(tokens[receiver]))
            let dot = chained ? cursor : cursor + 1
            guard chained || named, dot + 3 < tokens.count, tokens[dot + 1].kind == .identifier else {
                cursor += 1
                continue
            }
            let method = name(of: tokens[dot + 1])
            if method == "tostring" || (language == .go && method == "string") {
                // `jdbc.query(sql.toString(), …)`: the statement is handed to an entry point.
                if named, let callee = enclosingCallee(before: cursor), isEntryPoint(name(of: tokens[callee.nameIndex])) {
                    candidate.context.role = .entryPoint
                }
                readOut = true
                break
            }
            guard delimiter == nil ? CallNames.builderAppends.contains(method) : method == "add",
                  tokens[dot + 2].kind == .punctuation, tokens[dot + 2].byte == ASCII.openParen else {
                cursor += 1
                continue
            }
            if method == "appendformat" { candidate.context.formatted = true }
            if let delimiter { candidate.text.append(contentsOf: delimiter) }
            candidate.concatenated = true
            let argument = dot + 3
            if tokens[argument].kind == .string {
                var piece = SQLCandidate(text: [], line: 0, column: 0, context: candidate.context, concatenated: false)
                let end = assemble(from: argument, into: &piece)
                candidate.text.append(contentsOf: piece.text)
                for used in argument...end where tokens[used].kind == .string { pieces.insert(used) }
                cursor = end + 1
            } else {
                candidate.text.append(SQLCandidate.dynamicHole)
                cursor = max(skipOperand(from: argument), argument + 1)
            }
            while cursor < tokens.count, !(tokens[cursor].kind == .punctuation && tokens[cursor].byte == ASCII.closeParen) {
                cursor += 1
            }
            last = cursor
            cursor += 1
        }
    }

    // MARK: - MyBatis annotation arrays

    /// `@Select({"SELECT id, name", "FROM users", "WHERE id = #{id}"})`: MyBatis joins the strings
    /// of an SQL annotation's array with spaces. The candidate at the array's first string, with
    /// the last token used (the closing brace); an element that is not a literal is a run-time hole.
    func annotationArray(at index: Int) -> (SQLCandidate, Int)? {
        guard index > 3, tokens[index - 1].kind == .punctuation, tokens[index - 1].byte == ASCII.openBrace,
              tokens[index - 2].kind == .punctuation, tokens[index - 2].byte == ASCII.openParen,
              CallNames.sqlAnnotations.contains(name(of: tokens[index - 3])),
              tokens[index - 4].kind == .punctuation, tokens[index - 4].byte == ASCII.at else { return nil }
        var context = CallContext()
        context.role = .entryPoint
        var candidate = SQLCandidate(text: [], line: Int(tokens[index].line), column: Int(tokens[index].column),
                                     context: context, concatenated: false)
        var cursor = index
        while cursor < tokens.count, cursor - index < 512 {
            let token = tokens[cursor]
            if token.kind == .string {
                appendLiteral(token, to: &candidate)
            } else if token.kind == .punctuation, token.byte == ASCII.closeBrace {
                break
            } else if token.kind == .punctuation, token.byte == UInt8(ascii: ",") {
                candidate.text.append(ASCII.space)
            } else if !(token.kind == .punctuation && token.byte == concatOperator) {
                if candidate.text.last != SQLCandidate.dynamicHole { candidate.text.append(SQLCandidate.dynamicHole) }
                candidate.concatenated = true
            }
            cursor += 1
        }
        guard cursor < tokens.count, tokens[cursor].byte == ASCII.closeBrace,
              candidate.text.withUnsafeBufferPointer({
                  LiteralPrefilter.keywordRange($0, from: 0, end: $0.count) != nil
              }) else { return nil }
        return (candidate, cursor)
    }

    // MARK: - Kotlin margins

    /// Whether the literal at `index` is re-indented by Kotlin's `.trimMargin()` (margin `|`).
    func trimsMargin(literalAt index: Int) -> Bool {
        language == .kotlin && index + 2 < tokens.count && tokens[index].kind == .string
            && tokens[index + 1].kind == .punctuation && tokens[index + 1].byte == UInt8(ascii: ".")
            && name(of: tokens[index + 2]) == "trimmargin"
    }

    /// ``startsWithKeyword(_:)`` for a literal whose lines open with a `|` margin.
    func marginedTextStartsWithKeyword(_ token: SourceToken) -> Bool {
        guard let text = firstText(of: token), !text.isEmpty, bytes[text.lowerBound] == UInt8(ascii: "|") else {
            return false
        }
        return LiteralPrefilter.keywordRange(bytes, from: text.lowerBound + 1, end: text.upperBound) != nil
    }

    /// `text` as `.trimMargin()` leaves it: on every line, the blanks before a `|` and the `|` dropped.
    static func trimmingMargins(_ text: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var lineStart = true
        var pending: [UInt8] = []
        for byte in text {
            if lineStart {
                if byte == ASCII.space || byte == ASCII.tab {
                    pending.append(byte)
                    continue
                }
                if byte != UInt8(ascii: "|") { output.append(contentsOf: pending) }
                pending.removeAll(keepingCapacity: true)
                lineStart = false
                if byte == UInt8(ascii: "|") { continue }
            }
            output.append(byte)
            if byte == ASCII.newline { lineStart = true }
        }
        output.append(contentsOf: pending)
        return output
    }
}
