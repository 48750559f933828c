import Foundation
import SourceLexing
import SQLText

/// Pieces of SQL handed to ORMs (fragments), found among the string expressions of a file.
extension ExpressionAssembler {
    /// Where the file's string expressions start (``ExpressionBounds``).
    var bounds: ExpressionBounds { ExpressionBounds(bytes: bytes, tokens: tokens, language: language) }


    /// String expressions handed to ORM methods that take a piece of SQL (see ``FragmentSinks/sinks``).
    func fragments() -> [FragmentCandidate] {
        var found: [FragmentCandidate] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.kind == .string, index > 1, !startsWithKeyword(token) || opensWithComparedWord(token),
                  !continuesExpression(at: index),
                  let clause = fragmentClause(forStringAt: index) ?? clauseLedFragment(at: index)
                    ?? (isOrderingList(tokens[index]) ? .ordering : nil) ?? sqlOnlyExpression(at: index) else {
                index += 1
                continue
            }
            var context = CallContext()
            // The holes of an SQL tagged template are binds (or, `${sql.raw(…)}`, spliced text).
            context.holesAreParameters = clause == .taggedPiece
            var candidate = SQLCandidate(text: [], line: Int(token.line), column: Int(token.column),
                                         context: context, concatenated: false)
            // `COLUMN_ID + " = ?"`: the name before the literal is a run-time piece of the fragment;
            // `folderSel + " AND type=?"` extends a condition kept before, no fragment of its own.
            if bounds.leadingOperandStart(ofStringAt: index) != nil {
                if let text = firstText(of: token), FragmentText.opensWithConnector(UnsafeBufferPointer(rebasing: bytes[text])) {
                    index += 1
                    continue
                }
                candidate.text.append(SQLCandidate.dynamicHole)
            }
            let last = assemble(from: index, into: &candidate)
            found.append(FragmentCandidate(text: candidate.text, line: candidate.line, column: candidate.column,
                                           clause: clause, formatted: candidate.context.formatted))
            index = last + 1
        }
        return found
    }

    /// A literal that is an ordering and nothing else, two or more items or a qualified column, each
    /// with an upper-case direction: `'o.observed_at DESC, o.id DESC'` (a table of sort orders).
    func isOrderingList(_ token: SourceToken) -> Bool {
        guard lexed.literals[Int(token.literal)].segmentCount == 1, let text = firstText(of: token) else { return false }
        return FragmentText.isOrderingList(UnsafeBufferPointer(rebasing: bytes[text]))
    }

    /// A literal whose first word, a statement keyword, is compared: a column (`"cluster = ?"`).
    func opensWithComparedWord(_ token: SourceToken) -> Bool {
        let literal = lexed.literals[Int(token.literal)]
        guard literal.segmentCount > 0 else { return false }
        let segment = lexed.segments[Int(literal.segmentStart)]
        return !segment.isHole
            && LiteralPrefilter.opensWithComparedKeyword(UnsafeBufferPointer(rebasing: bytes[Int(segment.start)..<Int(segment.end)]))
    }

    /// The clause filled by the string at `index` when it is the first argument of an ORM method
    /// (or an element of the list that is: `where(["a = ?", 1])`, Django `extra(where=["…"])`),
    /// also as a branch of a conditional expression there (`raw(jsonb ? 'jsonb_array_length(??)' : …)`,
    /// `selection = all ? "a IS NULL" : "a = ?"`).
    func fragmentClause(forStringAt index: Int) -> FragmentClause? {
        if lexed.literals[Int(tokens[index].literal)].isTemplate, let tag = templateTag(before: index) {
            return CallNames.sqlTags.contains(name(of: tokens[tag])) ? .taggedPiece : nil
        }
        let start = bounds.conditionalStart(ofBranchAt: index) ?? bounds.leadingOperandStart(ofStringAt: index) ?? index
        return fragmentClause(forExpressionAt: start)
    }

    /// The clause filled by the expression whose first token is at `index`.
    private func fragmentClause(forExpressionAt index: Int) -> FragmentClause? {
        let previous = tokens[index - 1]
        guard previous.kind == .punctuation else { return nil }
        // Python's `where.append(("a = %s", [a]))`, `where = [("a = %s", [a])]`: the tuple's first item.
        if language == .python, previous.byte == ASCII.openParen, index > 2, tokens[index - 2].kind == .punctuation,
           tokens[index - 2].byte == ASCII.openParen || tokens[index - 2].byte == ASCII.openBracket {
            return fragmentClause(forExpressionAt: index - 1)
        }
        var opener = index - 1
        if previous.byte == ASCII.openBracket {
            // `where = ["a = ?"]` (Django's `extra`), `conditions = ['1=1']`, `const wheres: string[] = ["a = ?"]`: the first item of a list
            // kept in a variable named for its clause.
            if let variable = bounds.listVariable(openedAt: index - 1) {
                return FragmentSinks.clause(forPieceNamed: name(of: tokens[variable]))
            }
            opener = index - 2
        }
        // Go's `where := []string{"1 = 1"}`, C#'s `new List<string> { "…" }`: the same, as a collection literal.
        if previous.byte == ASCII.openBrace, let variable = bounds.collectionVariable(openedAt: index - 1) {
            return FragmentSinks.clause(forPieceNamed: name(of: tokens[variable]))
        }
        // A labelled argument: GRDB's `filter(sql: "…")`, Rails' `add_index …, where: "…"`.
        if previous.byte == UInt8(ascii: ":"), tokens[index - 2].kind == .identifier {
            let label = name(of: tokens[index - 2])
            if label == "where" { return .condition }
            // `{ clause: `${fieldName} = :arg${i}`, parameters: … }`: a key named for a clause.
            if language == .javascript || language == .typescript, label != "sql",
               let clause = FragmentSinks.clause(forPieceNamed: label) { return clause }
            // Rails' `change_column :t, :c, :jsonb, using: "c::jsonb"`: the expression converting a column.
            if label == "using" { return .selection }
            guard label == "sql" else { return nil }
            guard index > 3, tokens[index - 3].kind == .punctuation, tokens[index - 3].byte == ASCII.openParen,
                  let callee = calleeName(beforeParen: index - 3) else {
                // `return { sql: '1=1', params: [] }`: a piece of SQL kept with its parameters.
                return language == .javascript || language == .typescript ? .selection : nil
            }
            return FragmentSinks.clause(forSink: name(of: tokens[callee]), language: language)
        }
        let open = tokens[opener]
        if open.kind == .punctuation, open.byte == ASCII.openParen, let callee = calleeName(beforeParen: opener) {
            let calleeName = name(of: tokens[callee])
            // Python's and Ruby's `join` joins strings.
            if calleeName == "join", language == .python || language == .ruby { return nil }
            // SQLAlchemy's `where(text("…"))`, Sequelize's `where(literal("…"))`, GORM's
            // `Where(fmt.Sprintf("…", x))`, C#'s `clauses.Add(string.Format("…", x))`: the outer call's clause.
            if FragmentSinks.textWrappers.contains(calleeName) || CallNames.formatters.contains(calleeName) {
                // Past the wrapper's receiver: `where(Sequel.lit("…"))`, `where(sa.text("…"))`.
                var start = callee
                while start > 2, tokens[start - 1].kind == .punctuation, tokens[start - 1].byte == UInt8(ascii: "."),
                      tokens[start - 2].kind == .identifier { start -= 2 }
                if start > 1, tokens[start - 1].kind == .punctuation, tokens[start - 1].byte == ASCII.openParen,
                   let outer = self.calleeName(beforeParen: start - 1) {
                    return clause(forArgumentOf: outer)
                }
                // `conds = append(conds, fmt.Sprintf("%s = ?", col))`.
                if start > 3, language == .go, tokens[start - 1].kind == .punctuation, tokens[start - 1].byte == UInt8(ascii: ","),
                   tokens[start - 2].kind == .identifier, tokens[start - 3].kind == .punctuation,
                   tokens[start - 3].byte == ASCII.openParen, name(of: tokens[start - 4]) == "append" {
                    return FragmentSinks.clause(forPieceNamed: name(of: tokens[start - 2]))
                }
            }
            return clause(forArgumentOf: callee)
        }
        // `where_clause = ("…" "…")`: an expression in parentheses.
        if opener == index - 1, open.isPunctuation(ASCII.openParen), opener > 1, tokens[opener - 1].isPunctuation(UInt8(ascii: "=")) {
            return fragmentClause(forExpressionAt: opener)
        }
        // `where_clause = "a = ?"`, `$conditions[] = "a = ?"`: a piece kept in a variable named for it;
        // `conditions = ""` then `conditions += " and a = %s"`: the first piece of one.
        if previous.byte == UInt8(ascii: "="),
           let variable = pieceVariable(before: index) ?? firstPieceVariable(appendedAt: index) {
            return FragmentSinks.clause(forPieceNamed: name(of: tokens[variable]))
        }
        // Ruby's command call: `add_check_constraint :receipts, "amount > 0", name: "…"`, its
        // arguments perhaps on lines of their own after a `,`.
        if language == .ruby, previous.byte == UInt8(ascii: ",") {
            var first = index - 1
            while first > 0, index - first < 16, tokens[first - 1].line == tokens[first].line
                    || tokens[first - 1].kind == .punctuation && tokens[first - 1].byte == UInt8(ascii: ",") { first -= 1 }
            if tokens[first].kind == .identifier, tokens[first + 1].kind != .punctuation || tokens[first + 1].byte != ASCII.openParen,
               FragmentSinks.commandSinks.contains(name(of: tokens[first])) {
                return .condition
            }
        }
        guard previous.byte == UInt8(ascii: ","), let callee = enclosingCallee(before: index) else { return nil }
        let calleeName = name(of: tokens[callee.nameIndex])
        if FragmentSinks.checkConstraints.contains(calleeName) { return .condition }
        // Go's `conds = append(conds, "a = ?")`, PHP's `array_push($clauses, "…")`: the list is the first argument.
        if language == .go && calleeName == "append" || language == .php && calleeName == "array_push",
           callee.openParen + 2 == index - 1,
           tokens[callee.openParen + 1].kind == .identifier {
            return FragmentSinks.clause(forPieceNamed: name(of: tokens[callee.openParen + 1]))
        }
        // Android's `db.query(table, columns, "email = ?", args, …)`, `db.delete(table, "id = ?", args)`.
        if language == .java || language == .kotlin, ["query", "update", "delete"].contains(calleeName) { return .condition }
        if language == .go, FragmentSinks.selectListBuilders.contains(calleeName) { return .selectList }
        // CodeIgniter's `->join("dir_master", "jobs.aircraft_id = dir_master.id")`, xorm's
        // `Join("INNER", "perms", "repos.repo_id = perms.perm_repo_id")`: the ON condition (elsewhere
        // `join` joins paths: `Rails.root.join('tmp', 'caching-dev.txt')`, `path.join(dir, 'a-b')`).
        if language == .php || language == .go, FragmentSinks.sinks[calleeName] == .join { return .condition }
        return ["first", "find", "last", "take"].contains(calleeName) ? .condition : nil
    }

    /// The variable of `name += "…"` (PHP: `.=`) when the string at `index` is the first text it is
    /// given: its last assignment was an empty string (Frappe's `conditions = ""`).
    func firstPieceVariable(appendedAt index: Int) -> Int? {
        guard index > 3, tokens[index - 2].kind == .punctuation, tokens[index - 2].byte == concatOperator,
              tokens[index - 2].end == tokens[index - 1].start, tokens[index - 3].kind == .identifier else { return nil }
        let variable = index - 3
        guard let assigned = bounds.lastValue(ofVariableAt: variable), tokens[assigned].kind == .string,
              !tokens[assigned + 1].isPunctuation(concatOperator) else { return nil }
        let literal = lexed.literals[Int(tokens[assigned].literal)]
        let empty = literal.segmentCount == 0 || literal.segmentCount == 1 && firstText(of: tokens[assigned])?.isEmpty == true
        return empty ? variable : nil
    }

    /// A literal returned, assigned or given by an arrow function (`return `(${column} @> ${json}::jsonb)``,
    /// `const text = `(${column} #>> ARRAY[${key}])``) whose text has syntax only SQL has: a piece of
    /// an expression that a helper builds for splicing.
    func sqlOnlyExpression(at index: Int) -> FragmentClause? {
        // `return self.field + " = ?", [self.pattern]`: a name led into it, returned (not only assigned).
        let branch = bounds.conditionalStart(ofBranchAt: index)
        let led = branch == nil ? bounds.leadingOperandStart(ofStringAt: index) : nil
        let start = led ?? branch ?? index
        guard bounds.isReturnedOrAssigned(start), led == nil || tokens[start - 1].kind == .identifier else { return nil }
        let source = UnsafeBufferPointer(rebasing: bytes[Int(tokens[index].start)..<Int(tokens[index].end)])
        return FragmentText.hasSQLOnlySyntax(source) && !FragmentText.extendsLeadingPiece(source) ? .selection : nil
    }

    /// The clause a string argument of the call named at `callee` fills: an ORM sink's, a check
    /// constraint's condition, or the clause of the collection it is added to
    /// (`conditions.Add("id = ANY(@Ids)")`, `where_parts.append("a = ?")`, which the code joins later).
    func clause(forArgumentOf callee: Int) -> FragmentClause? {
        let calleeName = name(of: tokens[callee])
        if let clause = FragmentSinks.clause(forSink: calleeName, language: language) { return clause }
        // jOOQ's plain SQL field: `DSL.field("COALESCE(string_agg(label.name, ','), '')", String.class)`;
        // sqlf's `sqlf.Sprintf("user_id=%v", id)`.
        if calleeName == "field" || calleeName == "sprintf", let receiver = bounds.receiver(ofCallee: callee),
           ["dsl", "sqlf"].contains(name(of: tokens[receiver])) {
            return .selection
        }
        if FragmentSinks.checkConstraints.contains(calleeName) { return .condition }
        // Java's, Kotlin's and C#'s `append` is a StringBuilder's: a piece of the text it builds.
        let builds = calleeName == "append" && (language == .java || language == .kotlin || language == .csharp)
        guard FragmentSinks.collectors.contains(calleeName), !builds, let receiver = bounds.receiver(ofCallee: callee) else {
            return nil
        }
        return FragmentSinks.clause(forPieceNamed: name(of: tokens[receiver]))
    }

    /// The variable of `name = "…"` or `$name[] = "…"` when the string at `index` is its value
    /// (not `==`, `+=`, `.=`: those extend a statement).
    func pieceVariable(before index: Int) -> Int? {
        if let variable = assignedVariable(before: index) {
            // `=` or Go's `:=` right before the literal.
            let operatorStart = tokens[variable + 1]
            if variable + 2 < index - 1 || operatorStart.kind != .punctuation
                || tokens[index - 1].start - operatorStart.start > 1 { return nil }
            return variable
        }
        guard index > 3, tokens[index - 2].kind == .punctuation, tokens[index - 2].byte == ASCII.closeBracket,
              tokens[index - 3].kind == .punctuation, tokens[index - 3].byte == ASCII.openBracket,
              tokens[index - 4].kind == .identifier else { return nil }
        return index - 4
    }

    /// A literal that opens with an upper-case `WHERE`, `AND` or `OR` and is not a piece appended to a
    /// statement (`sql += " AND a = ?"`, `query + " WHERE …"`, `sb.append(" AND …")`): a condition
    /// kept for later splicing (`user_condition = "AND type = ?"`, `scan(ctx, "WHERE id=$1", id)`).
    func clauseLedFragment(at index: Int) -> FragmentClause? {
        guard let text = firstText(of: tokens[index]) else { return nil }
        let end = text.upperBound
        var start = text.lowerBound
        // Blanks, written or escaped (`$"\nORDER BY {Sort} DESC"`).
        while start < end, ASCII.isBlank(bytes[start])
                || bytes[start] == ASCII.backslash && start + 1 < end && "ntr".utf8.contains(bytes[start + 1]) {
            start += bytes[start] == ASCII.backslash ? 2 : 1
        }
        var wordEnd = start
        while wordEnd < end, ASCII.isIdentifierStart(bytes[wordEnd]) { wordEnd += 1 }
        guard wordEnd < end, bytes[wordEnd] == ASCII.space || bytes[wordEnd] == ASCII.newline
                || bytes[wordEnd] == ASCII.tab || bytes[wordEnd] == ASCII.openParen else { return nil }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<wordEnd])
        let previous = tokens[index - 1]
        // A lower-case `where` only as an argument (`get_data("*", "branch", "where deleted = '0'")`).
        let isArgument = previous.kind == .punctuation && (previous.byte == UInt8(ascii: ",") || previous.byte == ASCII.openParen)
        let clause: FragmentClause
        if word.elementsEqual("WHERE".utf8) || word.elementsEqual("AND".utf8) || word.elementsEqual("OR".utf8)
            || isArgument && word.elementsEqual("where".utf8) {
            clause = .condition
        } else if word.elementsEqual("ORDER".utf8) || word.elementsEqual("GROUP".utf8),
                  UnsafeBufferPointer(rebasing: bytes[(wordEnd + 1)..<end]).starts(with: "BY ".utf8) {
            // `'ORDER BY match_name ASC'` kept for splicing.
            clause = word.elementsEqual("ORDER".utf8) ? .ordering : .grouping
        } else {
            return nil
        }
        // `"SELECT …" "WHERE …"`: adjacent literals join (in Python within parentheses, over lines).
        if previous.kind == .string, language == .python || previous.line == tokens[index].line { return nil }
        if previous.kind == .punctuation, previous.byte == ASCII.backslash, tokens[index - 2].kind == .string {
            return nil  // the same, continued on the next line with `\`
        }
        if previous.kind == .punctuation {
            switch previous.byte {
            case concatOperator, ASCII.less, UInt8(ascii: "|"):
                return nil
            case UInt8(ascii: "="):
                let before = tokens[index - 2]
                if before.kind == .punctuation, before.end == previous.start { return nil }
            default:
                break
            }
        }
        if bounds.isInAppendedGroup(index) { return nil }
        if let callee = enclosingCallee(before: index) {
            let calleeName = name(of: tokens[callee.nameIndex])
            // `new StringBuilder(" WHERE 1=1 ")`: the opening of the text a builder goes on with.
            if FragmentSinks.statementBuilders.contains(calleeName) || CallNames.isNonSQLSink(calleeName)
                || CallNames.builderTypes.contains(bytes: self.word(tokens[callee.nameIndex])) {
                return nil
            }
            // `$sql .= sprintf(" AND …", $x)`: formatted, then appended to a statement.
            let before = callee.nameIndex
            if CallNames.formatters.contains(calleeName), before > 2, tokens[before - 1].kind == .punctuation,
               tokens[before - 1].byte == UInt8(ascii: "="), tokens[before - 2].kind == .punctuation,
               tokens[before - 2].byte == concatOperator || tokens[before - 2].byte == UInt8(ascii: "+") {
                return nil
            }
        }
        return clause
    }
}
