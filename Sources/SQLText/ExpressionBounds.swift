import SourceLexing

/// Where a string expression starts among a file's tokens, seen from a literal in it: the condition
/// of the conditional expression whose branch it is, the name concatenated before it, the variable
/// or key given the list that holds it.
package struct ExpressionBounds {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<SourceToken>
    let language: SQLLanguage

    package init(bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<SourceToken>, language: SQLLanguage) {
        self.bytes = bytes
        self.tokens = tokens
        self.language = language
    }

    /// PHP concatenates with `.`, the others with `+`.
    var concatOperator: UInt8 { language == .php ? UInt8(ascii: ".") : UInt8(ascii: "+") }

    /// The first token of a name concatenated before the literal at `index` (Android's
    /// `COLUMN_ID + " = ?"`, `Users.COLUMN + " = ?"`, PHP's `TaskModel::TABLE.".id IN (…)"`).
    package func leadingOperandStart(ofStringAt index: Int) -> Int? {
        guard index > 3, tokens[index - 1].isPunctuation(concatOperator), tokens[index - 2].kind == .identifier else {
            return nil
        }
        var start = index - 2
        while start > 3, index - start < 10, tokens[start - 1].kind == .punctuation {
            let separator = tokens[start - 1].byte
            if separator == UInt8(ascii: "."), language != .php, tokens[start - 2].kind == .identifier {
                start -= 2
            } else if separator == UInt8(ascii: ":") || separator == UInt8(ascii: ">"), tokens[start - 3].kind == .identifier,
                      tokens[start - 2].isPunctuation(separator == UInt8(ascii: ":") ? UInt8(ascii: ":") : ASCII.minus) {
                start -= 3  // PHP's `TaskModel::TABLE`, `$this->table`
            } else {
                break
            }
        }
        return start
    }

    /// The first token of the conditional expression (`c ? a : b`) whose branch `a` or `b` is the
    /// single token at `index`.
    package func conditionalStart(ofBranchAt index: Int) -> Int? {
        guard language != .python, language != .go, index > 3 else { return nil }
        if language == .kotlin { return kotlinIfStart(ofBranchAt: index) }
        var question = index - 1
        if tokens[question].isPunctuation(UInt8(ascii: ":")), tokens[index - 2].kind == .string { question = index - 3 }
        guard tokens[question].isPunctuation(UInt8(ascii: "?")),
              !tokens[question - 1].isPunctuation(UInt8(ascii: "?")) else { return nil }
        var cursor = question - 1
        var depth = 0
        while cursor > 0, question - cursor < 24 {
            let token = tokens[cursor]
            if token.kind == .punctuation {
                switch token.byte {
                case ASCII.closeParen, ASCII.closeBracket: depth += 1
                case ASCII.openParen, ASCII.openBracket, ASCII.openBrace, UInt8(ascii: ","), UInt8(ascii: ";"):
                    if depth == 0 { return cursor + 1 }
                    depth -= 1
                case UInt8(ascii: "="):
                    // `=` ends the condition unless it is part of `==`, `===`, `!=`, `<=`, `>=`.
                    let joined = cursor + 1 < question && tokens[cursor + 1].start == token.end
                        || tokens[cursor - 1].end == token.start && tokens[cursor - 1].kind == .punctuation
                    if depth == 0, !joined { return cursor + 1 }
                default: break
                }
            } else if token.kind == .identifier, depth == 0, word(token).elementsEqual("return".utf8) {
                return cursor + 1
            }
            cursor -= 1
        }
        return nil
    }

    /// The `if` of Kotlin's `if (cond) "…" else "…"` whose branch is the literal at `index`.
    private func kotlinIfStart(ofBranchAt index: Int) -> Int? {
        var close = index - 1
        if tokens[close].kind == .identifier, word(tokens[close]).elementsEqual("else".utf8), tokens[index - 2].kind == .string {
            close = index - 3
        }
        guard close > 1, tokens[close].isPunctuation(ASCII.closeParen) else { return nil }
        var cursor = close - 1
        var depth = 0
        while cursor > 0, close - cursor < 40 {
            if tokens[cursor].isPunctuation(ASCII.closeParen) { depth += 1 }
            if tokens[cursor].isPunctuation(ASCII.openParen) {
                if depth == 0 { break }
                depth -= 1
            }
            cursor -= 1
        }
        guard cursor > 0, tokens[cursor].isPunctuation(ASCII.openParen), tokens[cursor - 1].kind == .identifier,
              word(tokens[cursor - 1]).elementsEqual("if".utf8) else { return nil }
        return cursor - 1
    }

    /// The variable or key a list literal opened at `bracket` is assigned to (`conditions = [`,
    /// TypeScript's `const wheres: string[] = [`, `{ conditions: [`), as the index of its name.
    package func listVariable(openedAt bracket: Int) -> Int? {
        var cursor = bracket - 1
        // A key of an object, a dictionary or a hash: `{ conditions: ["a = ?"] }`.
        if cursor > 1, tokens[cursor].isPunctuation(UInt8(ascii: ":")), tokens[cursor - 1].kind == .identifier,
           !tokens[cursor - 2].isPunctuation(UInt8(ascii: "?")) {
            return cursor - 1
        }
        guard cursor > 1, tokens[cursor].kind == .punctuation, tokens[cursor].byte == UInt8(ascii: "=") else { return nil }
        cursor -= 1
        // A TypeScript annotation of an array type: `: string[]`, `: Array<string>`.
        if tokens[cursor].kind == .punctuation, cursor > 4 {
            var type = cursor
            while type > cursor - 6, type > 1, !(tokens[type].kind == .punctuation && tokens[type].byte == UInt8(ascii: ":")) { type -= 1 }
            guard tokens[type].kind == .punctuation, tokens[type].byte == UInt8(ascii: ":") else { return nil }
            cursor = type - 1
        }
        return tokens[cursor].kind == .identifier ? cursor : nil
    }

    /// Whether the literal at `index` is inside parentheses appended to a statement:
    /// `sql + ("WHERE a = %s" if a else "")`, `query += (cond ? ' AND b = ?' : '')`, perhaps in a
    /// conditional nested in such a group (`. ((a) ? ((b) ? ' AND …' : ' AND …') : '') .`); or a
    /// branch of a conditional appended to a piece (`$where .= $a ? " OR …" : " OR (…)"`).
    package func isInAppendedGroup(_ index: Int) -> Bool {
        if let lead = conditionalStart(ofBranchAt: index), lead + 2 < index, tokens[lead].kind == .identifier,
           tokens[lead + 2].isPunctuation(UInt8(ascii: "=")), tokens[lead + 1].end == tokens[lead + 2].start,
           tokens[lead + 1].isPunctuation(concatOperator) || tokens[lead + 1].isPunctuation(UInt8(ascii: "+")) {
            return true
        }
        var depth = 0
        var cursor = index - 1
        var searched = index
        while cursor > 0, searched - cursor <= 48 {
            let token = tokens[cursor]
            if token.kind == .punctuation, token.byte == ASCII.closeParen { depth += 1 }
            if token.kind == .punctuation, token.byte == ASCII.openParen {
                if depth == 0 {
                    let before = tokens[cursor - 1]
                    guard before.kind == .punctuation else { return false }
                    if before.byte == UInt8(ascii: "?") || before.byte == UInt8(ascii: ":") || before.byte == ASCII.openParen {
                        searched = cursor
                        cursor -= 1
                        continue
                    }
                    return before.byte == concatOperator
                        || before.byte == UInt8(ascii: "=") && cursor > 1 && tokens[cursor - 2].kind == .punctuation
                            && tokens[cursor - 2].byte == concatOperator && tokens[cursor - 2].end == before.start
                }
                depth -= 1
            }
            cursor -= 1
        }
        return false
    }

    /// The variable of `variable = new StringBuilder()` (Kotlin, C#: with or without `new`) when
    /// its `)` is at `paren`, as the index of its name.
    package func emptyBuilderVariable(closedAt paren: Int) -> Int? {
        guard paren > 4, tokens[paren].isPunctuation(ASCII.closeParen) else { return nil }
        return builderVariable(openedAt: paren - 1)
    }

    /// The variable of `query = new StringBuilder("…")` when the expression `first…last` is the
    /// constructor's whole argument, as the index of its name.
    package func builderVariable(constructedWithArgumentAt first: Int, last: Int) -> Int? {
        guard first > 4, last + 1 < tokens.count, tokens[last + 1].isPunctuation(ASCII.closeParen) else { return nil }
        return builderVariable(openedAt: first - 1)
    }

    /// The variable assigned the builder whose constructor's `(` is at `open`.
    private func builderVariable(openedAt open: Int) -> Int? {
        guard open > 3, tokens[open].isPunctuation(ASCII.openParen),
              CallNames.builderTypes.contains(bytes: word(tokens[open - 1])) else { return nil }
        var assignment = open - 2
        if tokens[assignment].kind == .identifier, word(tokens[assignment]).elementsEqual("new".utf8) { assignment -= 1 }
        guard assignment > 0, tokens[assignment].isPunctuation(UInt8(ascii: "=")),
              tokens[assignment - 1].kind == .identifier else { return nil }
        return assignment - 1
    }

    /// Whether the statement before `receiver.append(…)` appended to the same receiver a literal that
    /// ends with `(`: `result.append("id IN (");`.
    package func previousAppendEndsOpen(receiver: Int) -> Bool {
        var close = receiver - 1
        if tokens[close].isPunctuation(UInt8(ascii: ";")) { close -= 1 }
        guard close > 6, tokens[close].isPunctuation(ASCII.closeParen), tokens[close - 1].kind == .string,
              tokens[close - 2].isPunctuation(ASCII.openParen), tokens[close - 4].isPunctuation(UInt8(ascii: ".")),
              word(tokens[close - 5]).elementsEqual(word(tokens[receiver])) else { return false }
        var end = Int(tokens[close - 1].end) - 2
        while end > Int(tokens[close - 1].start), ASCII.isBlank(bytes[end]) { end -= 1 }
        return bytes[end] == ASCII.openParen
    }

    /// Whether the template literal at `literal` opens with a hole holding only the variable at
    /// `variable`: `` `${qry} AND …` ``.
    package func templateOpens(at literal: Int, withVariableAt variable: Int) -> Bool {
        let start = Int(tokens[literal].start)
        let name = word(tokens[variable])
        let opening = Array("`${".utf8) + Array(name) + [ASCII.closeBrace]
        return start + opening.count <= bytes.count && bytes[start..<(start + opening.count)].elementsEqual(opening)
    }

    /// The variable a collection literal opened at `brace` is assigned to: Go's `where := []string{`,
    /// C#'s `var whereClauses = new List<string> {`, Java's `conditions = new String[] {`.
    package func collectionVariable(openedAt brace: Int) -> Int? {
        if language == .go { return goSliceVariable(openedAt: brace) }
        guard language == .csharp || language == .java || language == .kotlin else { return nil }
        var cursor = brace - 1
        while cursor > 2, brace - cursor < 12, !(tokens[cursor].kind == .identifier && word(tokens[cursor]).elementsEqual("new".utf8)) {
            let token = tokens[cursor]
            guard token.kind == .identifier || token.kind == .punctuation && "<>[].,".utf8.contains(token.byte) else { return nil }
            cursor -= 1
        }
        guard word(tokens[cursor]).elementsEqual("new".utf8), tokens[cursor - 1].isPunctuation(UInt8(ascii: "=")),
              tokens[cursor - 2].kind == .identifier else { return nil }
        return cursor - 2
    }

    /// The variable a Go slice literal opened at `brace` is assigned to: `where := []string{`, or the
    /// matching name of a multiple assignment (`where, having := []string{…}, []string{`).
    func goSliceVariable(openedAt brace: Int) -> Int? {
        guard brace > 5, tokens[brace - 1].kind == .identifier, tokens[brace - 2].isPunctuation(ASCII.closeBracket),
              tokens[brace - 3].isPunctuation(ASCII.openBracket) else { return nil }
        // Back to the `=` over the values before this one, counting them.
        var cursor = brace - 4
        var position = 0
        var depth = 0
        while cursor > 0, brace - cursor < 200 {
            let token = tokens[cursor]
            if token.kind == .punctuation {
                switch token.byte {
                case ASCII.closeBrace, ASCII.closeBracket, ASCII.closeParen: depth += 1
                case ASCII.openBrace, ASCII.openBracket, ASCII.openParen:
                    guard depth > 0 else { return nil }
                    depth -= 1
                case UInt8(ascii: ",") where depth == 0: position += 1
                case UInt8(ascii: "=") where depth == 0:
                    if tokens[cursor - 1].isPunctuation(UInt8(ascii: ":")) { cursor -= 1 }
                    return assignedName(before: cursor, position: position)
                default: break
                }
            }
            cursor -= 1
        }
        return nil
    }

    /// The name at `position` of the names before the `=` at `equals` (`a, b =`).
    private func assignedName(before equals: Int, position: Int) -> Int? {
        var names: [Int] = []
        var cursor = equals - 1
        while cursor >= 0, tokens[cursor].kind == .identifier {
            names.append(cursor)
            guard cursor > 1, tokens[cursor - 1].isPunctuation(UInt8(ascii: ",")) else { break }
            cursor -= 2
        }
        guard position < names.count else { return nil }
        return names[names.count - 1 - position]
    }

    /// Whether the expression starting at `start` is returned, assigned (`=`, `:=`) or given by an
    /// arrow function (`=>`), not compared (`==`, `>=`) nor appended (`+=`).
    package func isReturnedOrAssigned(_ start: Int) -> Bool {
        guard start > 1 else { return false }
        let before = tokens[start - 1]
        if before.kind == .identifier { return word(before).elementsEqual("return".utf8) }
        guard before.kind == .punctuation, before.byte == UInt8(ascii: "=") || before.byte == UInt8(ascii: ">") else {
            return false
        }
        let joined = tokens[start - 2].kind == .punctuation && tokens[start - 2].end == before.start
        return before.byte == UInt8(ascii: ">") ? joined && tokens[start - 2].byte == UInt8(ascii: "=")
            : !joined || tokens[start - 2].byte == UInt8(ascii: ":")
    }

    /// The receiver of a method call whose name is at `callee` (`conditions` in `conditions.Add(`,
    /// `$where->add(`), as the index of its last identifier.
    package func receiver(ofCallee callee: Int) -> Int? {
        guard callee > 1, tokens[callee - 1].kind == .punctuation else { return nil }
        var cursor = callee - 1
        if tokens[cursor].byte == UInt8(ascii: ">"), cursor > 1, tokens[cursor - 1].byte == ASCII.minus { cursor -= 1 }
        else if tokens[cursor].byte != UInt8(ascii: ".") { return nil }
        return tokens[cursor - 1].kind == .identifier ? cursor - 1 : nil
    }

    /// The value last assigned (`name = value`) to the variable whose token is at `variable`, as
    /// the index of its first token, within the few hundred tokens before it.
    package func lastValue(ofVariableAt variable: Int) -> Int? {
        let spelled = word(tokens[variable])
        var cursor = variable - 1
        while cursor >= 0, variable - cursor < 400 {
            if tokens[cursor].kind == .identifier, tokens[cursor + 1].isPunctuation(UInt8(ascii: "=")),
               word(tokens[cursor]).elementsEqual(spelled) {
                return cursor + 2
            }
            cursor -= 1
        }
        return nil
    }

    /// The callee of the first call, within the few hundred tokens after it, that is handed the
    /// variable whose token is at `variable` as it is, first (`execute(sql)`, `query(sql, args)`).
    package func callee(handedFirst variable: Int) -> Int? {
        let spelled = word(tokens[variable])
        var cursor = variable + 3
        while cursor + 1 < tokens.count, cursor - variable < 400 {
            defer { cursor += 1 }
            guard tokens[cursor].kind == .identifier, tokens[cursor - 1].isPunctuation(ASCII.openParen),
                  tokens[cursor + 1].isPunctuation(ASCII.closeParen) || tokens[cursor + 1].isPunctuation(UInt8(ascii: ",")),
                  word(tokens[cursor]).elementsEqual(spelled), tokens[cursor - 2].kind == .identifier else { continue }
            return cursor - 2
        }
        return nil
    }

    // MARK: - Tokens


    func word(_ token: SourceToken) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])
    }
}
