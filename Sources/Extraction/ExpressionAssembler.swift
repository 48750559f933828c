import Foundation
import SourceLexing
import SQLText

/// Turns the tokens of a file into ``SQLCandidate``s: string literals (and the literals joined to
/// them with `+`, `.` or adjacency) whose text opens with a SQL statement keyword, together with
/// what the surrounding code says about them.
struct ExpressionAssembler {
    let bytes: UnsafeBufferPointer<UInt8>
    let lexed: LexedSource
    /// `tokens`, read without the buffer's access checks.
    let tokens: UnsafeBufferPointer<SourceToken>
    let language: SQLLanguage
    /// Functions of this file that hand a parameter to a SQL entry point (``WrapperLearner``).
    let wrappers: Set<String>
    /// Wrappers learned from the other files of the tree (lower-cased names).
    let treeWrappers: Set<String>
    /// A Swift file that imports an SQLite library (SQLiteNIO, SQLite.swift): its `query(…)`
    /// takes a plain `String`, so `\(x)` holes there are run-time text, not binds.
    let importsSQLite: Bool

    init(bytes: UnsafeBufferPointer<UInt8>, lexed: LexedSource, language: SQLLanguage,
         treeWrappers: Set<String> = []) {
        self.bytes = bytes
        self.lexed = lexed
        tokens = lexed.tokens.elements
        self.language = language
        wrappers = WrapperLearner(bytes: bytes, tokens: tokens, language: language).wrappers()
        self.treeWrappers = treeWrappers
        importsSQLite = language == .swift && lexed.imports(modulePrefix: "SQLite", in: bytes)
    }

    // MARK: - Candidates

    func candidates() -> [SQLCandidate] {
        var found: [SQLCandidate] = []
        /// Literals already read as later pieces of a string builder's statement.
        var builderPieces = Set<Int>()
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .string, !builderPieces.isEmpty, builderPieces.contains(index) {
                index += 1
                continue
            }
            if token.kind == .identifier, language == .python, let (candidate, last) = joinedList(at: index) {
                found.append(candidate)
                index = last + 1
                continue
            }
            if language == .java, token.kind == .string, case (var candidate, let last)? = annotationArray(at: index) {
                markSplices(in: &candidate)
                found.append(candidate)
                index = last + 1
                continue
            }
            // (The next token is checked here: this runs for every identifier of the file.)
            if token.kind == .identifier, index + 2 < tokens.count, tokens[index + 1].kind == .punctuation,
               tokens[index + 1].byte == concatOperator,
               let (candidate, last) = extendedConstant(at: index) {
                found.append(candidate)
                index = last + 1
                continue
            }
            let margined = trimsMargin(literalAt: index)
            guard token.kind == .string, !continuesExpression(at: index) else {
                index += 1
                continue
            }
            let opensWithKeyword = margined ? marginedTextStartsWithKeyword(token) : startsWithKeyword(token)
            // `"$baseSql ORDER BY lb.wins DESC"`: a statement kept in a variable, then a clause.
            let extendsStatement = !opensWithKeyword && !margined && opensWithSQLNamedHole(at: index)
            guard opensWithKeyword || extendsStatement || !margined && mayOpenStatementWithoutKeyword(at: index) else {
                index += 1
                continue
            }
            var context = context(forExpressionAt: index)
            if extendsStatement { context.role = .entryPoint }
            // Without a keyword, a statement only when handed straight to an entry point.
            guard opensWithKeyword || context.role == .entryPoint else {
                index += 1
                continue
            }
            var candidate = SQLCandidate(text: [], line: Int(token.line), column: Int(token.column),
                                         context: context, concatenated: false)
            if token.byte == ASCII.less { candidate.bodyLineDelta = 1 }
            let last = assemble(from: index, into: &candidate)
            if margined { candidate.text = Self.trimmingMargins(candidate.text) }
            if let (receiver, delimiter) = builderReceiver(ofArgumentAt: index, last: last) {
                appendBuilderPieces(to: &candidate, receiver: receiver, delimiter: delimiter, closingParen: last + 1,
                                    pieces: &builderPieces)
                // `result.append("id IN (")` then `result.append("SELECT …")`: a subquery of the text before.
                if bounds.previousAppendEndsOpen(receiver: receiver) { candidate.context.role = .notSQL }
            } else if let variable = bounds.builderVariable(constructedWithArgumentAt: index, last: last) {
                // `query = new StringBuilder("UPDATE ")`: the appends that follow are the statement's.
                candidate.context.role = max(candidate.context.role, .sqlNamed)
                appendBuilderPieces(to: &candidate, receiver: variable, delimiter: nil, closingParen: last + 1,
                                    pieces: &builderPieces)
                candidate.extendedLater = candidate.concatenated
            } else if let variable = assignedVariable(before: index), bounds.isExtended(variable, after: last) {
                candidate.extendedLater = true
                candidate.concatenated = true
            }
            markSplices(in: &candidate)
            if candidate.context.role != .notSQL, !candidate.context.jpql {
                found.append(candidate)
            }
            index = last + 1
        }
        return found
    }

    /// The variable a string expression is assigned to (`sql = "…"`, `$sql = '…'`,
    /// `StringBuilder sql = new StringBuilder("…")`), as the index of its name token.
    func assignedVariable(before index: Int) -> Int? {
        var cursor = index - 1
        // Names compared in place: this runs for every candidate.
        if cursor > 2, tokens[cursor].kind == .punctuation, tokens[cursor].byte == ASCII.openParen,
           CallNames.builderTypes.contains(bytes: word(tokens[cursor - 1])) {
            cursor -= 2
            if tokens[cursor].kind == .identifier, name(of: tokens[cursor]) == "new" { cursor -= 1 }
        } else if cursor > 2, tokens[cursor].kind == .punctuation, tokens[cursor].byte == ASCII.openParen,
                  tokens[cursor - 1].kind == .identifier, Self.sqlValueCalls.contains(bytes: word(tokens[cursor - 1])) {
            // `query = sql.SQL("…")` (psycopg), `stmt = text("…")` (SQLAlchemy): the variable holds the SQL.
            cursor -= 2
            while cursor > 1, tokens[cursor].kind == .punctuation, tokens[cursor].byte == UInt8(ascii: "."),
                  tokens[cursor - 1].kind == .identifier { cursor -= 2 }
        }
        // `query = (` then the literal on the next line (Python), the parentheses holding nothing
        // else (not `("ANALYZE" if mariadb else …)`).
        if cursor > 1, tokens[cursor].kind == .punctuation, tokens[cursor].byte == ASCII.openParen,
           tokens[cursor - 1].kind == .punctuation, tokens[cursor - 1].byte == UInt8(ascii: "="), index + 1 < tokens.count,
           tokens[index + 1].kind == .string || tokens[index + 1].kind == .punctuation
            && (tokens[index + 1].byte == ASCII.closeParen || tokens[index + 1].byte == UInt8(ascii: "+")) { cursor -= 1 }
        guard cursor > 0, tokens[cursor].kind == .punctuation, tokens[cursor].byte == UInt8(ascii: "=") else { return nil }
        // Go's short declaration: `query := "SELECT …"`.
        if cursor > 1, tokens[cursor - 1].kind == .punctuation, tokens[cursor - 1].byte == UInt8(ascii: ":"),
           tokens[cursor - 1].end == tokens[cursor].start, tokens[cursor - 2].kind == .identifier {
            return cursor - 2
        }
        guard tokens[cursor - 1].kind == .identifier else { return nil }
        if cursor > 1, tokens[cursor - 2].kind == .punctuation, tokens[cursor - 2].end == tokens[cursor - 1].start - 0,
           tokens[cursor - 2].byte == UInt8(ascii: "=") || tokens[cursor - 2].byte == UInt8(ascii: "!") { return nil }
        return cursor - 1
    }

    /// Calls that turn a literal into a SQL value held by the variable it is assigned to.
    static let sqlValueCalls: NameSet = ["sql", "SQL", "text"]

    /// The bytes of a token, in place.
    func word(_ token: SourceToken) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])
    }

    /// `" ".join(["SELECT * FROM", table, "WHERE", …])` (Python): the pieces joined with the
    /// separator, run-time pieces as holes; `nil` unless `index` is such a `join` whose first
    /// piece opens with a statement keyword. Returns the candidate and the last token of the list.
    func joinedList(at index: Int) -> (SQLCandidate, Int)? {
        guard language == .python, index > 1, index + 3 < tokens.count, tokens[index - 2].kind == .string,
              tokens[index - 1].kind == .punctuation, tokens[index - 1].byte == UInt8(ascii: "."),
              tokens[index + 1].kind == .punctuation, tokens[index + 1].byte == ASCII.openParen,
              tokens[index + 2].kind == .punctuation,
              tokens[index + 2].byte == ASCII.openBracket || tokens[index + 2].byte == ASCII.openParen,
              tokens[index + 3].kind == .string, startsWithKeyword(tokens[index + 3]), name(of: tokens[index]) == "join"
        else { return nil }
        var separator = SQLCandidate(text: [], line: 0, column: 0, context: CallContext(), concatenated: false)
        appendLiteral(tokens[index - 2], to: &separator)
        let first = tokens[index + 3]
        var candidate = SQLCandidate(text: [], line: Int(first.line), column: Int(first.column),
                                     context: context(forExpressionAt: index - 2), concatenated: false)
        let close = tokens[index + 2].byte == ASCII.openBracket ? ASCII.closeBracket : ASCII.closeParen
        var cursor = index + 3
        var pieces = 0
        while cursor < tokens.count, cursor - index < 256 {
            let token = tokens[cursor]
            if token.kind == .punctuation, token.byte == close { break }
            if token.kind == .punctuation, token.byte == UInt8(ascii: ",") {
                cursor += 1
                continue
            }
            if pieces > 0 { candidate.text += separator.text }
            pieces += 1
            if token.kind == .string, cursor + 1 < tokens.count, tokens[cursor + 1].kind == .punctuation,
               tokens[cursor + 1].byte == UInt8(ascii: ",") || tokens[cursor + 1].byte == close {
                appendLiteral(token, to: &candidate)
                cursor += 1
            } else {
                candidate.text.append(SQLCandidate.dynamicHole)
                candidate.concatenated = true
                var depth = 0
                while cursor < tokens.count {
                    let piece = tokens[cursor]
                    if piece.kind == .punctuation {
                        if piece.byte == ASCII.openParen || piece.byte == ASCII.openBracket { depth += 1 }
                        if piece.byte == ASCII.closeParen || piece.byte == ASCII.closeBracket {
                            if depth == 0 { break }
                            depth -= 1
                        }
                        if piece.byte == UInt8(ascii: ","), depth == 0 { break }
                    }
                    cursor += 1
                }
            }
        }
        guard candidate.context.role != .notSQL else { return nil }
        return (candidate, cursor)
    }

    /// The first text segment of the literal `token` from its first byte that is not blank, or nil
    /// when the literal opens with a hole.
    func firstText(of token: SourceToken) -> Range<Int>? {
        let literal = lexed.literals[Int(token.literal)]
        guard literal.segmentCount > 0 else { return nil }
        let segment = lexed.segments[Int(literal.segmentStart)]
        guard !segment.isHole else { return nil }
        var start = Int(segment.start)
        let end = Int(segment.end)
        while start < end, bytes[start] == ASCII.space || bytes[start] == ASCII.tab || bytes[start] == ASCII.newline
                || bytes[start] == ASCII.carriageReturn { start += 1 }
        return start..<end
    }

    /// Cheap check on the raw bytes of a literal's first text segment.
    func startsWithKeyword(_ token: SourceToken) -> Bool {
        let literal = lexed.literals[Int(token.literal)]
        guard literal.segmentCount > 0 else { return false }
        let segment = lexed.segments[Int(literal.segmentStart)]
        guard !segment.isHole else { return false }
        return LiteralPrefilter.keywordRange(bytes, from: Int(segment.start), end: Int(segment.end)) != nil
    }

    /// A literal handed straight to an entry point may open with a run-time piece
    /// (`exec_query(<<~SQL)` holding `(#{posts}) UNION ALL (#{replies})`) or with T-SQL's
    /// `IF [NOT] EXISTS (…) BEGIN … END`: no statement keyword, a statement all the same when it is
    /// the call's first argument (a later one is a condition: `db.query(t, cols, "$c = ?")`). The
    /// caller checks that the call is an entry point.
    func mayOpenStatementWithoutKeyword(at index: Int) -> Bool {
        let literal = lexed.literals[Int(tokens[index].literal)]
        guard literal.segmentCount > 0, index > 0 else { return false }
        let previous = tokens[index - 1]
        // `(` of a call, or `=` of ADO.NET's `cmd.CommandText = "…"`.
        guard previous.kind == .identifier || previous.kind == .punctuation
                && (previous.byte == ASCII.openParen || previous.byte == UInt8(ascii: "=")) else {
            return false
        }
        let segments = lexed.segments[Int(literal.segmentStart)..<Int(literal.segmentStart + literal.segmentCount)]
        let first = segments[segments.startIndex]
        if !first.isHole {
            var start = Int(first.start)
            let end = Int(first.end)
            while start < end, ASCII.isBlank(bytes[start]) || bytes[start] == ASCII.openParen { start += 1 }
            if LiteralPrefilter.opensWithTSQLCondition(UnsafeBufferPointer(rebasing: bytes[start..<end])) { return true }
            guard start == end else { return false }
        }
        // The holes go on with a clause, not a path (`fetch(`${API_URL}/student/courses`)`).
        guard let firstHole = segments.firstIndex(where: \.isHole),
              let text = segments[(firstHole + 1)...].first(where: { !$0.isHole }) else { return false }
        return TextSignals.continuesWithClause(UnsafeBufferPointer(rebasing: bytes[Int(text.start)..<Int(text.end)]))
    }

    /// `BASE_SELECT_SQL + " where a.ID = ?"`: a constant named for SQL (upper case), or a name the
    /// file assigned a statement to and whose extension is assigned to another name
    /// (`getByIDQuery = getNamespacePart + " WHERE id = $1"`), that a literal goes on with a clause
    /// is a statement, run-time text from the constant on (also with names between:
    /// `sql + where + " LIMIT …"`); with the index of its last token.
    /// Statements kept in a constant are read as SQL (an entry point's role).
    func extendedConstant(at index: Int) -> (SQLCandidate, Int)? {
        let constant = tokens[index]
        guard index + 2 < tokens.count, tokens[index + 1].kind == .punctuation, tokens[index + 1].byte == concatOperator,
              !isAssignmentOperator(at: index + 1),
              index == 0 || tokens[index - 1].kind != .punctuation || tokens[index - 1].byte != concatOperator else {
            return nil
        }
        // Run-time pieces between the name and the literal: `sql + where + " LIMIT …"`.
        var literal = index + 2
        while literal - index < 6, literal + 2 < tokens.count, tokens[literal].kind == .identifier,
              tokens[literal + 1].kind == .punctuation, tokens[literal + 1].byte == concatOperator { literal += 2 }
        guard tokens[literal].kind == .string else { return nil }
        let name = word(constant)
        let namedConstant = name.count > 3 && !name.contains(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
            && CallNames.isSQLName(ASCII.lowercasedString(name))
        guard let text = firstText(of: tokens[literal]),
              TextSignals.continuesWithClause(UnsafeBufferPointer(rebasing: bytes[text.lowerBound..<text.upperBound]))
                || text.lowerBound > Int(tokens[literal].start) + 1 && TextSignals.continuesWithClause(
                    UnsafeBufferPointer(rebasing: bytes[(text.lowerBound - 1)..<text.upperBound])) else { return nil }
        // Assigned to another name (not `sql = sql + …`, which extends the statement), or, with
        // pieces between, handed on as it is.
        let target = assignedVariable(before: index)
        let newExpression = target.map { !word(tokens[$0]).elementsEqual(name) } ?? (literal > index + 2)
        guard namedConstant || newExpression && assignsStatement(to: constant, before: index,
                                                                  whole: literal > index + 2) else { return nil }
        var context = context(forExpressionAt: literal)
        context.role = max(context.role, .entryPoint)
        var candidate = SQLCandidate(text: [SQLCandidate.dynamicHole], line: Int(constant.line),
                                     column: Int(constant.column), context: context, concatenated: true)
        let last = assemble(from: literal, into: &candidate)
        markSplices(in: &candidate)
        return (candidate, last)
    }

    /// Whether the file assigns a literal opening with a statement keyword to the name at `name`
    /// before `index` (`getNamespacePart = `SELECT …``); with `whole`, a literal that does not end
    /// open (`"SELECT … FROM config_info WHERE "` is the start of a statement completed later).
    func assignsStatement(to name: SourceToken, before index: Int, whole: Bool = false) -> Bool {
        let spelling = word(name)
        var cursor = index - 1
        while cursor > 1, index - cursor < 5000 {
            defer { cursor -= 1 }
            guard tokens[cursor].kind == .string, startsWithKeyword(tokens[cursor]),
                  let variable = assignedVariable(before: cursor) else { continue }
            if word(tokens[variable]).elementsEqual(spelling) { return !whole || !endsOpen(tokens[cursor]) }
        }
        return false
    }

    /// Whether a literal's text ends with a word or sign that the next piece must complete
    /// (``StatementSignals/endsOpen(_:)``), or with a piece.
    func endsOpen(_ token: SourceToken) -> Bool {
        let literal = lexed.literals[Int(token.literal)]
        guard literal.segmentCount > 0 else { return false }
        let last = lexed.segments[Int(literal.segmentStart + literal.segmentCount) - 1]
        return last.isHole || StatementSignals.endsOpen(UnsafeBufferPointer(rebasing: bytes[Int(last.start)..<Int(last.end)]))
    }

    /// Whether an interpolated literal opens with a hole named for SQL (`"$baseSql ORDER BY …"`,
    /// `` `${BASE_QUERY} WHERE …` ``) that text goes on with a clause; not when it is assigned to the
    /// variable it names (`sql = "#{sql} RETURNING id"` extends a statement made elsewhere).
    func opensWithSQLNamedHole(at index: Int) -> Bool {
        let literal = lexed.literals[Int(tokens[index].literal)]
        guard literal.segmentCount > 1 else { return false }
        let first = lexed.segments[Int(literal.segmentStart)]
        let next = lexed.segments[Int(literal.segmentStart) + 1]
        guard first.isHole, !next.isHole else { return false }
        var start = Int(first.start)
        let end = Int(first.end)
        while start < end, !ASCII.isIdentifierStart(bytes[start]) { start += 1 }
        var nameEnd = start
        while nameEnd < end, ASCII.isIdentifierPart(bytes[nameEnd]) || bytes[nameEnd] == UInt8(ascii: ".") { nameEnd += 1 }
        var nameStart = nameEnd
        while nameStart > start, ASCII.isIdentifierPart(bytes[nameStart - 1]) { nameStart -= 1 }
        let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd])
        guard nameEnd > nameStart, CallNames.isSQLName(ASCII.lowercasedString(name)) else { return false }
        if let variable = assignedVariable(before: index), word(tokens[variable]).elementsEqual(name) { return false }
        return TextSignals.continuesWithClause(UnsafeBufferPointer(rebasing: bytes[Int(next.start)..<Int(next.end)]))
    }

    /// Whether the variable whose token is at `variable` is handed as it is, first, to a SQL entry
    /// point or wrapper within the next few hundred tokens (`delete_sql = "…" % table`, then
    /// `self.execute(delete_sql)`).
    func isHandedToEntryPoint(_ variable: Int) -> Bool {
        guard let callee = bounds.callee(handedFirst: variable) else { return false }
        return isEntryPoint(name(of: tokens[callee]))
    }

    /// Whether the lower-cased callee takes SQL: a driver's or ORM's entry point, or a wrapper of
    /// one the file or its tree defines.
    func isEntryPoint(_ calleeName: String) -> Bool {
        CallNames.entryPoints.contains(calleeName) || wrappers.contains(calleeName) || treeWrappers.contains(calleeName)
    }

    /// Whether the string at `index` is the right operand of a concatenation (handled with its start).
    func continuesExpression(at index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = tokens[index - 1]
        return previous.kind == .punctuation && previous.byte == concatOperator && index > 1
            && tokens[index - 2].kind == .string
    }

    // MARK: - Assembly

    var concatOperator: UInt8 { language == .php ? UInt8(ascii: ".") : UInt8(ascii: "+") }

    var adjacentLiteralsJoin: Bool { language == .python || language == .ruby }

    /// Appends the literal at `first` and everything concatenated to it; returns the last token used.
    func assemble(from first: Int, into candidate: inout SQLCandidate) -> Int {
        appendLiteral(tokens[first], to: &candidate)
        var index = first
        while index + 1 < tokens.count {
            let next = tokens[index + 1]
            if next.kind == .string, adjacentLiteralsJoin {
                appendLiteral(next, to: &candidate)
                index += 1
            } else if adjacentLiteralsJoin, next.kind == .punctuation, next.byte == ASCII.backslash,
                      index + 2 < tokens.count, tokens[index + 2].kind == .string {
                // `"UPDATE hosts " \` then `"SET …"` on the next line: one literal continued.
                appendLiteral(tokens[index + 2], to: &candidate)
                index += 2
            } else if next.kind == .punctuation, next.byte == concatOperator, index + 2 < tokens.count,
                      !isAssignmentOperator(at: index + 1) {
                let operand = tokens[index + 2]
                if operand.kind == .string, let end = joinCallEnd(ofStringAt: index + 2) {
                    // `" AND ".join(conditions)`: the call's result is a run-time piece.
                    candidate.text.append(SQLCandidate.dynamicHole)
                    candidate.concatenated = true
                    index = end - 1
                } else if operand.kind == .string {
                    appendLiteral(operand, to: &candidate)
                    index += 2
                } else {
                    let end = skipOperand(from: index + 2)
                    guard end > index + 2 else { break }
                    candidate.text.append(SQLCandidate.dynamicHole)
                    candidate.concatenated = true
                    index = end - 1
                }
            } else if language == .python, next.kind == .punctuation, next.byte == ASCII.percent {
                candidate.context.formatted = true
                break
            } else if next.kind == .punctuation, next.byte == UInt8(ascii: "."), index + 2 < tokens.count,
                      CallNames.formatters.contains(name(of: tokens[index + 2])) {
                candidate.context.formatted = true
                break
            } else if next.kind == .punctuation, next.byte == ASCII.closeParen, index + 3 < tokens.count,
                      first > 0, tokens[first - 1].kind == .punctuation, tokens[first - 1].byte == ASCII.openParen,
                      tokens[index + 2].kind == .punctuation, tokens[index + 2].byte == UInt8(ascii: "."),
                      CallNames.formatters.contains(name(of: tokens[index + 3])) {
                // `sql.SQL("SELECT {} FROM {}").format(…)` (psycopg): the call's result is formatted.
                candidate.context.formatted = true
                break
            } else if let end = textShapingCall(after: index) {
                // `"""…""".trimIndent().format(x)`: the text is only re-indented; look past it.
                index = end
            } else if next.kind == .punctuation, next.byte == UInt8(ascii: "."), index + 2 < tokens.count,
                      name(of: tokens[index + 2]) == "replace" {
                candidate.concatenated = true
                break
            } else {
                break
            }
        }
        return index
    }

    /// When the literal at `index` is the separator a `join` is called on (`" AND ".join(conditions)`),
    /// the index after the call: the call's result is the run-time piece, not the literal.
    func joinCallEnd(ofStringAt index: Int) -> Int? {
        // PHP's `.` joins strings: `") VALUES (" . implode(…)` calls nothing on the literal.
        guard language != .php, index + 3 < tokens.count, tokens[index + 1].kind == .punctuation,
              tokens[index + 1].byte == UInt8(ascii: "."), tokens[index + 3].kind == .punctuation,
              tokens[index + 3].byte == ASCII.openParen, word(tokens[index + 2]).elementsEqual("join".utf8) else { return nil }
        let end = skipOperand(from: index + 2)
        return end > index + 3 ? end : nil
    }

    func isAssignmentOperator(at index: Int) -> Bool {
        guard index + 1 < tokens.count else { return false }
        let next = tokens[index + 1]
        return next.kind == .punctuation && next.byte == UInt8(ascii: "=") && next.start == tokens[index].end
    }

    /// Skips an operand such as `table`, `obj.field`, `quote(name)`, `cols[0]`; returns the index after it.
    /// The last token of a call that only re-shapes the literal ending at `index` (`.trimIndent()`,
    /// `.trimMargin("|")`, `.stripIndent()`, `.strip()`, `.trim()`), or nil.
    func textShapingCall(after index: Int) -> Int? {
        guard index + 3 < tokens.count, tokens[index + 1].kind == .punctuation, tokens[index + 1].byte == UInt8(ascii: "."),
              CallNames.textShapers.contains(name(of: tokens[index + 2])),
              tokens[index + 3].kind == .punctuation, tokens[index + 3].byte == ASCII.openParen else { return nil }
        var close = index + 4
        while close < tokens.count, close <= index + 6 {
            if tokens[close].kind == .punctuation, tokens[close].byte == ASCII.closeParen { return close }
            close += 1
        }
        return nil
    }

    func skipOperand(from start: Int) -> Int {
        var index = start
        var depth = 0
        var expectOperand = true
        while index < tokens.count, index - start < 64 {
            let token = tokens[index]
            let isPunctuation = token.kind == .punctuation
            if depth > 0 {
                if isPunctuation, token.byte == ASCII.openParen || token.byte == ASCII.openBracket { depth += 1 }
                if isPunctuation, token.byte == ASCII.closeParen || token.byte == ASCII.closeBracket { depth -= 1 }
                index += 1
                continue
            }
            switch token.kind {
            case .identifier, .number:
                guard expectOperand else { return index }
                expectOperand = false
            case .string:
                return index
            case .punctuation:
                switch token.byte {
                case ASCII.openParen, ASCII.openBracket:
                    depth += 1
                    expectOperand = false
                case UInt8(ascii: ".") where language != .php, UInt8(ascii: ":"), ASCII.dollar:
                    expectOperand = true
                case ASCII.minus where index + 1 < tokens.count && tokens[index + 1].byte == UInt8(ascii: ">"):
                    index += 1
                    expectOperand = true
                default:
                    return index
                }
            }
            index += 1
        }
        return index
    }

    func appendLiteral(_ token: SourceToken, to candidate: inout SQLCandidate) {
        let start = candidate.text.count
        appendDecoded(token, to: &candidate)
        // `db.one('… WHERE id = ${id}', { id })`: pg-promise's variables in a plain string.
        if language == .javascript || language == .typescript, !lexed.literals[Int(token.literal)].isTemplate,
           candidate.text.count > start {
            PgPromiseFormat.markVariables(in: &candidate.text, from: start)
        }
    }

    /// Appends the literal's text, its escapes decoded and its holes as markers.
    private func appendDecoded(_ token: SourceToken, to candidate: inout SQLCandidate) {
        let literal = lexed.literals[Int(token.literal)]
        let holeMarker = candidate.context.holesAreParameters ? SQLCandidate.parameterHole : SQLCandidate.dynamicHole
        let segments = lexed.segments[Int(literal.segmentStart)..<Int(literal.segmentStart + literal.segmentCount)]
        // Decoded text is never longer than the token (a hole's marker is shorter than the hole).
        candidate.text.reserveCapacity(candidate.text.count + Int(token.end - token.start))
        for segment in segments {
            if segment.isHole {
                let marker = holeMarker == SQLCandidate.parameterHole
                    ? (isUnsafeRawHole(segment) ? SQLCandidate.dynamicHole : holeMarker)
                    : (isBindHole(segment) ? SQLCandidate.parameterHole : holeMarker)
                candidate.text.append(marker)
            } else {
                EscapeDecoder.decode(bytes, Int(segment.start)..<Int(segment.end), style: literal.escapes,
                                     into: &candidate.text)
            }
        }
    }

    /// A Swift interpolation that splices text, not a bind: `\(unsafeRaw: x)`, `\(raw: x)`, `\(ident: x)`.
    /// postgres.js and slonik fragments in a tagged template splice text too: `${sql(name)}`,
    /// `${sql.identifier([t])}`, `${sql.join(…)}`, `${asc ? sql`ASC` : sql`DESC`}`.
    func isUnsafeRawHole(_ segment: LiteralSegment) -> Bool {
        if language == .javascript || language == .typescript { return isSQLHelperHole(segment) }
        return swiftHoleLabel(segment).map { ["unsafeRaw", "raw", "ident"].contains($0) } ?? false
    }

    /// slonik's helpers that bind a value (`${sql.json(items)}`, `${sql.array(ids, 'int4')}`).
    static let sqlValueHelpers: NameSet = ["array", "json", "jsonb", "binary", "date", "timestamp", "interval",
                                           "uuid", "unnest"]

    /// Whether a JavaScript hole calls the `sql` helper or holds a nested `sql` template (but not
    /// a helper that binds a value: ``sqlValueHelpers``).
    func isSQLHelperHole(_ segment: LiteralSegment) -> Bool {
        var start = Int(segment.start)
        let end = Int(segment.end)
        while start < end, bytes[start] == ASCII.dollar || bytes[start] == ASCII.openBrace
                || bytes[start] == ASCII.space { start += 1 }
        let hole = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let sql = Array("sql".utf8)
        if hole.starts(with: sql), hole.count > 3, hole[3] == UInt8(ascii: ".") {
            var nameEnd = 4
            while nameEnd < hole.count, ASCII.isIdentifierPart(hole[nameEnd]) { nameEnd += 1 }
            let helper = ASCII.lowercasedString(UnsafeBufferPointer(rebasing: hole[4..<nameEnd]))
            return !Self.sqlValueHelpers.contains(helper)
        }
        if hole.starts(with: sql), hole.count > 3, [ASCII.openParen, ASCII.backtick].contains(hole[3]) { return true }
        if hole.indices.dropLast(3).contains(where: { index in
            hole[index...].starts(with: sql) && hole[index + 3] == ASCII.backtick
                && (index == 0 || !ASCII.isIdentifierPart(hole[index - 1]))
        }) { return true }
        return holeNamesSQL(hole)
    }

    /// Ends of names that hold or build a piece of SQL (`whereClause`, `buildConditions(…)`).
    private static let sqlNameEndings = ["clause", "condition", "conditions", "fragment", "subquery", "where"]

    /// Whether a hole is a name, or a call of a function, that says it holds SQL: `${doneCondSql(id)}`,
    /// `${whereClause}`, `${this.filterFragment()}` (not `${query}`: a search term).
    private func holeNamesSQL(_ hole: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = 0
        while end < hole.count, ASCII.isIdentifierPart(hole[end]) || hole[end] == UInt8(ascii: ".") { end += 1 }
        guard end > 0, end == hole.count || hole[end] == ASCII.openParen || hole[end] == ASCII.closeBrace
                || ASCII.isBlank(hole[end]) else { return false }
        var start = end
        while start > 0, ASCII.isIdentifierPart(hole[start - 1]) { start -= 1 }
        let name = ASCII.lowercasedString(UnsafeBufferPointer(rebasing: hole[start..<end]))
        return name.contains("sql") || Self.sqlNameEndings.contains { name.hasSuffix($0) }
    }

    /// A Swift interpolation that is a bind whatever the callee: SQLKit's `\(bind: x)`, `\(binds: xs)`.
    func isBindHole(_ segment: LiteralSegment) -> Bool {
        swiftHoleLabel(segment).map { $0 == "bind" || $0 == "binds" } ?? false
    }

    /// The argument label of a Swift interpolation (`unsafeRaw` in `\(unsafeRaw: x)`), or nil.
    func swiftHoleLabel(_ segment: LiteralSegment) -> String? {
        guard language == .swift else { return nil }
        var start = Int(segment.start)
        let end = Int(segment.end)
        while start < end, bytes[start] == ASCII.backslash || bytes[start] == ASCII.openParen
                || bytes[start] == ASCII.space { start += 1 }
        var wordEnd = start
        while wordEnd < end, ASCII.isIdentifierPart(bytes[wordEnd]) { wordEnd += 1 }
        guard wordEnd > start, wordEnd < end, bytes[wordEnd] == UInt8(ascii: ":") else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<wordEnd]), as: UTF8.self)
    }

    // MARK: - Context

    func name(of token: SourceToken) -> String {
        guard token.kind == .identifier else { return "" }
        return ASCII.lowercasedString(word(token))
    }

    /// Reads the code before the expression: a tag, a callee, a label or an assignment target.
    func context(forExpressionAt index: Int) -> CallContext {
        var context = CallContext()
        let literal = lexed.literals[Int(tokens[index].literal)]
        if literal.isTemplate, let tagIndex = templateTag(before: index) {
            let tag = name(of: tokens[tagIndex])
            if CallNames.sqlTags.contains(tag) || CallNames.isSQLName(tag) {
                context.role = .entryPoint
                context.holesAreParameters = true
            } else {
                context.role = .notSQL
            }
            return context
        }
        if index > 1, tokens[index - 1].kind == .punctuation,
           tokens[index - 1].byte == UInt8(ascii: "=") || tokens[index - 1].byte == UInt8(ascii: ":") {
            // PHP's `$sql[] = "…"` adds to a list of statements.
            let appended = language == .php && index > 4 && tokens[index - 2].isPunctuation(ASCII.closeBracket)
                && tokens[index - 3].isPunctuation(ASCII.openBracket)
            let target = name(of: tokens[appended ? index - 4 : index - 2])
            if tokens[index - 1].byte == UInt8(ascii: "="), tokens[index - 2].kind == .identifier { context.assignedTo = index - 2 }
            // ADO.NET's `cmd.CommandText = "…"` runs what it is given.
            if target == "commandtext" {
                context.role = .entryPoint
            } else if CallNames.isSQLName(target) {
                context.role = .sqlNamed
            }
        }
        if language == .swift, !importsSQLite, swiftHolesAreParameters(forStringAt: index) {
            context.holesAreParameters = true
        }
        // EF Core binds the holes of a `FormattableString` (`ExecuteSqlInterpolated`, `FromSql`).
        if language == .csharp, let type = declaredType(ofStringAt: index), name(of: tokens[type]) == "formattablestring" {
            context.holesAreParameters = true
        }
        var searchFrom = index
        var calleeFound = false
        for _ in 0..<3 {
            guard let callee = enclosingCallee(before: searchFrom) else { break }
            if !calleeFound { context.laterArgument = callee.openParen != index - 1 }
            calleeFound = true
            let calleeName = name(of: tokens[callee.nameIndex])
            if CallNames.formatters.contains(calleeName) {
                context.formatted = true
                searchFrom = callee.nameIndex
                continue
            }
            apply(callee: calleeName, at: callee, to: &context)
            break
        }
        if !calleeFound, language == .ruby, let callee = rubyCommandCallee(before: index) {
            apply(callee: name(of: tokens[callee]), at: (callee, callee), to: &context)
        }
        return context
    }

    /// Ruby words that stand before an expression without calling anything.
    static let rubyKeywords: Set<String> = [
        "if", "unless", "when", "return", "and", "or", "not", "then", "else", "elsif", "while", "until", "yield",
        "in", "do", "case", "begin", "end", "rescue", "ensure", "break", "next",
    ]

    /// The method of a Ruby call without parentheses whose first argument is the string at `index`
    /// (`execute "CREATE EXTENSION …"`, `connection.select_value <<~SQL`), or nil.
    func rubyCommandCallee(before index: Int) -> Int? {
        guard index > 0, tokens[index - 1].kind == .identifier, tokens[index - 1].line == tokens[index].line,
              tokens[index - 1].end < tokens[index].start,
              !Self.rubyKeywords.contains(name(of: tokens[index - 1])) else { return nil }
        return index - 1
    }

    /// Swift literals whose `\(x)` holes are bind parameters: the first argument of PostgresNIO's
    /// `query(…)` or `PostgresQuery(…)` (a `PostgresQuery` built by string interpolation) and GRDB's
    /// `literal:` argument (an `SQL` literal). `\(unsafeRaw: x)` holes stay run-time text.
    func swiftHolesAreParameters(forStringAt index: Int) -> Bool {
        // GRDB's `let request: SQLRequest<Row> = "…"`, `let query: SQL = "…"`: an SQL literal.
        if let type = declaredType(ofStringAt: index), ["sqlrequest", "sql"].contains(name(of: tokens[type])) {
            return true
        }
        guard index > 1, tokens[index - 1].kind == .punctuation else { return false }
        if tokens[index - 1].byte == UInt8(ascii: ":") {
            return tokens[index - 2].kind == .identifier && name(of: tokens[index - 2]) == "literal"
        }
        guard tokens[index - 1].byte == ASCII.openParen, let callee = calleeName(beforeParen: index - 1) else {
            return false
        }
        let calleeName = name(of: tokens[callee])
        return calleeName == "query" || calleeName == "postgresquery"
    }

    /// The type a declaration gives the variable the string at `index` is assigned to, as the index
    /// of the type's name: `FormattableString sql = $"…"` (C#), `let request: SQLRequest<Row> = "…"`
    /// (Swift, Kotlin, TypeScript: after a colon, generic arguments skipped).
    func declaredType(ofStringAt index: Int) -> Int? {
        guard index > 2, tokens[index - 1].kind == .punctuation, tokens[index - 1].byte == UInt8(ascii: "=") else {
            return nil
        }
        if tokens[index - 2].kind == .identifier, tokens[index - 3].kind == .identifier,
           language == .csharp || language == .java {
            return index - 3
        }
        // The name before the `=`, its generic arguments skipped as before a call's parenthesis.
        guard let type = calleeName(beforeParen: index - 1), type > 0, tokens[type - 1].kind == .punctuation,
              tokens[type - 1].byte == UInt8(ascii: ":") else { return nil }
        return type
    }

    /// The identifier tagging the template literal at `index` (`sql`…``, `$queryRaw<T>`…``).
    func templateTag(before index: Int) -> Int? {
        guard index > 0, tokens[index - 1].end == tokens[index].start else { return nil }
        if tokens[index - 1].kind == .identifier { return index - 1 }
        // A tag returned by a call: `getSql()`UPDATE …``.
        if tokens[index - 1].kind == .punctuation, tokens[index - 1].byte == ASCII.closeParen {
            var cursor = index - 2
            var depth = 1
            while cursor > 0, depth > 0, index - cursor < 16 {
                if tokens[cursor].kind == .punctuation, tokens[cursor].byte == ASCII.closeParen { depth += 1 }
                if tokens[cursor].kind == .punctuation, tokens[cursor].byte == ASCII.openParen { depth -= 1 }
                cursor -= 1
            }
            return depth == 0 && tokens[cursor].kind == .identifier ? cursor : nil
        }
        guard tokens[index - 1].kind == .punctuation, tokens[index - 1].byte == UInt8(ascii: ">") else { return nil }
        // A row type spelt out in the type argument (Kysely: sql<{ id: string; … }>`…`) is long.
        return calleeName(beforeParen: index, genericTokens: 200)
    }

    func apply(callee calleeName: String, at callee: (nameIndex: Int, openParen: Int), to context: inout CallContext) {
        let isAnnotation = callee.nameIndex > 0 && tokens[callee.nameIndex - 1].kind == .punctuation
            && tokens[callee.nameIndex - 1].byte == ASCII.at
        if isAnnotation {
            if calleeName == "query" {
                if annotationIsNative(from: callee.openParen) || language == .kotlin {
                    context.role = .entryPoint
                } else {
                    context.jpql = true
                }
            } else if CallNames.sqlAnnotations.contains(calleeName) {
                context.role = .entryPoint
            }
            return
        }
        if calleeName == "createquery", let receiver = bounds.receiver(ofCallee: callee.nameIndex),
           name(of: tokens[receiver]).hasSuffix("handle") {
            // JDBI's `handle.createQuery(sql)` takes SQL where JPA's and Hibernate's take JPQL or HQL.
            context.role = .entryPoint
        } else if CallNames.isNonSQLSink(calleeName) || isUIText(callee.nameIndex, calleeName) {
            context.role = .notSQL
        } else if isEntryPoint(calleeName) {
            context.role = .entryPoint
            if calleeName.hasSuffix("interpolated") || calleeName.hasSuffix("interpolatedasync")
                || (language == .csharp && CallNames.interpolationBinders.contains(calleeName)) {
                context.holesAreParameters = true
            }
        } else if tokens[callee.nameIndex].kind == .identifier {
            let token = tokens[callee.nameIndex]
            context.unknownCallee = Int(token.start)..<Int(token.end)
        }
    }

    /// SwiftUI's and Jetpack Compose's `Text("Delete from playlist")`: a label, where SQLAlchemy's
    /// `text("…")` (lower case) is SQL.
    func isUIText(_ nameIndex: Int, _ calleeName: String) -> Bool {
        calleeName == "text" && bytes[Int(tokens[nameIndex].start)] == UInt8(ascii: "T")
    }

    /// Finds the call whose argument list holds the token at `index`.
    func enclosingCallee(before index: Int) -> (nameIndex: Int, openParen: Int)? {
        var depth = 0
        var cursor = index - 1
        while cursor >= 0, index - cursor < 48 {
            let token = tokens[cursor]
            if token.kind == .punctuation {
                switch token.byte {
                case ASCII.closeParen, ASCII.closeBracket:
                    depth += 1
                case ASCII.openParen, ASCII.openBracket:
                    if depth == 0 {
                        guard token.byte == ASCII.openParen else { return nil }
                        return calleeName(beforeParen: cursor).map { ($0, cursor) }
                    }
                    depth -= 1
                case UInt8(ascii: ";"), ASCII.openBrace, ASCII.closeBrace:
                    if depth == 0 { return nil }
                default:
                    break
                }
            }
            cursor -= 1
        }
        return nil
    }

    /// The identifier naming a call, skipping generic arguments (of up to `genericTokens` tokens)
    /// such as `query<User>(`.
    func calleeName(beforeParen paren: Int, genericTokens: Int = 16) -> Int? {
        var cursor = paren - 1
        if cursor >= 0, tokens[cursor].kind == .punctuation, tokens[cursor].byte == UInt8(ascii: ">") {
            var depth = 0
            while cursor >= 0, paren - cursor < genericTokens {
                let token = tokens[cursor]
                if token.kind == .punctuation, token.byte == UInt8(ascii: ">") { depth += 1 }
                if token.kind == .punctuation, token.byte == ASCII.less {
                    depth -= 1
                    if depth == 0 { break }
                }
                cursor -= 1
            }
            cursor -= 1
        }
        guard cursor >= 0, tokens[cursor].kind == .identifier else { return nil }
        return cursor
    }

    func annotationIsNative(from openParen: Int) -> Bool {
        var cursor = openParen + 1
        var depth = 1
        while cursor < tokens.count, depth > 0 {
            let token = tokens[cursor]
            if token.kind == .punctuation, token.byte == ASCII.openParen { depth += 1 }
            if token.kind == .punctuation, token.byte == ASCII.closeParen { depth -= 1 }
            if token.kind == .identifier, name(of: token) == "nativequery" { return true }
            cursor += 1
        }
        return false
    }
}
