import Foundation
import SourceLexing

// MARK: - Statements extended later

extension ExpressionBounds {
    /// Whether the variable named by the token at `variable` is extended within the next few
    /// hundred tokens after `last`: `v +=`, `v .=`, `v = v + …`, `v.append(`, `v.format(`, `v.formatted(`.
    package func isExtended(_ variable: Int, after last: Int) -> Bool {
        let variableToken = tokens[variable]
        let length = Int(variableToken.end - variableToken.start)
        guard variableToken.kind == .identifier, length > 0 else { return false }
        let base = bytes.baseAddress!
        let limit = min(tokens.count - 2, last + 400)
        var cursor = last + 1
        var scanned = cursor
        while cursor < limit {
            let token = tokens[cursor]
            if token.kind == .identifier, Int(token.end - token.start) == length,
               memcmp(base + Int(token.start), base + Int(variableToken.start), length) == 0 {
                let next = tokens[cursor + 1]
                let after = tokens[cursor + 2]
                if next.kind == .punctuation, after.kind == .punctuation, after.byte == UInt8(ascii: "="),
                   next.byte == UInt8(ascii: "+") || next.byte == UInt8(ascii: "."), after.start == next.end {
                    return true
                }
                // Go's `query := …` declares another variable of the same name (in the next function).
                if next.kind == .punctuation, next.byte == UInt8(ascii: ":"), after.kind == .punctuation,
                   after.byte == UInt8(ascii: "="), after.start == next.end {
                    return false
                }
                // Ruby's `sql << " AND …"` appends in place.
                if language == .ruby, next.kind == .punctuation, next.byte == ASCII.less, after.kind == .punctuation,
                   after.byte == ASCII.less, after.start == next.end {
                    return true
                }
                if next.kind == .punctuation, next.byte == UInt8(ascii: "."), after.kind == .identifier,
                   ["append", "format", "formatted", "appendformat", "insert"].contains(lowercasedName(after)) {
                    return true
                }
                // Formatted later: `tables_query % schema_name` (Python, Ruby).
                if language == .python || language == .ruby, next.kind == .punctuation, next.byte == ASCII.percent,
                   after.kind != .punctuation || after.byte != UInt8(ascii: "=") || after.start != next.end {
                    return true
                }
                // Filled by a format call later: `fmt.Sprintf(query, field)`, `String.format(sql, t)`.
                if next.kind == .punctuation, next.byte == UInt8(ascii: ","), cursor > 1,
                   tokens[cursor - 1].kind == .punctuation, tokens[cursor - 1].byte == ASCII.openParen,
                   CallNames.formatters.contains(lowercasedName(tokens[cursor - 2])) {
                    return true
                }
                if next.kind == .punctuation, next.byte == UInt8(ascii: "="), after.kind == .identifier,
                   Int(after.end - after.start) == length,
                   memcmp(base + Int(after.start), base + Int(variableToken.start), length) == 0 {
                    // `sql = sql + …`, `query = query.format(…)`; `stmt = stmt.bindparams(…)` keeps the text.
                    if extendsItself(at: cursor + 3) { return true }
                    cursor += 3
                    continue
                }
                // `qry = `${qry} AND locale = ?``: a template that goes on from the variable.
                if next.isPunctuation(UInt8(ascii: "=")), after.kind == .string,
                   templateOpens(at: cursor + 2, withVariableAt: variable) {
                    return true
                }
                // Assigned anew: the text is replaced, unless in another branch (`} else { sql = …`).
                if next.kind == .punctuation, next.byte == UInt8(ascii: "="), after.start != next.end {
                    // `const sql = …` declares another variable of the same name.
                    guard !Self.declarationWords.contains(bytes: word(tokens[cursor - 1])),
                          isOtherBranch(scanned..<cursor) else { return false }
                    scanned = cursor
                }
            }
            cursor += 1
        }
        return false
    }

    /// Whether what follows `v = v` at `index` adds to the text: `+`, `%`, `.` then a string (PHP)
    /// or a formatting method.
    func extendsItself(at index: Int) -> Bool {
        guard index + 1 < tokens.count, tokens[index].kind == .punctuation else { return false }
        switch tokens[index].byte {
        case UInt8(ascii: "+"), ASCII.percent: return true
        case UInt8(ascii: "."):
            let next = tokens[index + 1]
            return language == .php || next.kind == .identifier
                && ["format", "formatted", "replace", "concat"].contains(lowercasedName(next))
        default: return false
        }
    }

    /// Whether the code in `range`, which follows a branch, leaves it for another branch of the same
    /// conditional (`} else {`, `elif …:`) and is still in it at its end.
    package func isOtherBranch(_ range: Range<Int>) -> Bool {
        var inOtherBranch = false
        var depth = 0
        var branchDepth = 0
        for token in tokens[range] {
            if token.kind == .identifier {
                // First bytes before hashing: most identifiers are neither.
                let first = bytes[Int(token.start)]
                if first == UInt8(ascii: "e"), Self.branchWords.contains(bytes: word(token)) {
                    inOtherBranch = true
                    branchDepth = depth
                } else if WrapperLearner.isDefinitionKeyword(word(token)) {
                    inOtherBranch = false
                }
            } else if token.kind == .punctuation, token.byte == ASCII.openBrace {
                depth += 1
            } else if token.kind == .punctuation, token.byte == ASCII.closeBrace {
                depth -= 1
                // The other branch's block has closed.
                if depth <= branchDepth { inOtherBranch = false }
            }
        }
        return inOtherBranch
    }

    /// Words that open another branch of a conditional.
    static let branchWords: NameSet = ["else", "elif", "elsif"]
    /// Words that declare a variable.
    static let declarationWords: NameSet = ["const", "let", "var", "val", "string", "String"]

    /// The lower-cased name of an identifier token (`""` for other tokens).
    func lowercasedName(_ token: SourceToken) -> String {
        token.kind == .identifier ? ASCII.lowercasedString(word(token)) : ""
    }
}
