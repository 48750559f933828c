import Foundation
import SourceLexing

/// Learns a file's SQL wrappers: functions (`def run_sql(sql)`, `func exec(db, q string)`,
/// `function runSql(text)`, `fun exec(sql: String)`, and in C#, Java and TypeScript methods
/// without a keyword, `public int Run(string sql) {`, `async query(text: string) {`) whose body
/// passes one of their parameters to a known SQL entry point. Calls to them are entry points too.
///
/// The pass visits every token of every lexed file, so it compares bytes in place and only
/// allocates a name for a definition it learns.
package struct WrapperLearner {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<SourceToken>
    /// The deepest braces at which methods are declared without a keyword: in a class (Java,
    /// TypeScript, JavaScript) or in a class in a namespace (C#); -1 where a keyword declares them.
    let methodDepth: Int

    package init(bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<SourceToken>, language: SQLLanguage) {
        self.bytes = bytes
        self.tokens = tokens
        switch language {
        case .csharp: methodDepth = 2
        case .java, .typescript, .javascript: methodDepth = 1
        default: methodDepth = -1
        }
    }

    /// Words that precede a call or open a statement with parentheses, never a method's name.
    private static let notMethodWords = NameSet(["if", "for", "foreach", "while", "switch", "catch", "using", "lock",
                                                 "fixed", "return", "new", "await", "throw", "else", "yield", "case",
                                                 "in", "is", "as", "of", "typeof", "sizeof", "nameof", "super", "this",
                                                 "base", "function", "synchronized", "when", "with", "out", "ref"])

    /// Parameter names that are receivers, types or contexts rather than SQL text.
    private static let ignoredParameters: [[UInt8]] = ["self", "cls", "this", "string", "str", "int", "any",
                                                       "context", "ctx"].map { Array($0.utf8) }

    /// Lower-cased names of the wrappers defined in the file.
    ///
    /// One pass over the tokens: a definition's parameters are noted, then the next 300 tokens, up
    /// to the next definition, are its body.
    package func wrappers() -> Set<String> {
        var learned: Set<String> = []
        var parameters: [Range<Int>] = []
        /// Filled by a method definition, so that a call that is none leaves `parameters` alone.
        var methodParameters: [Range<Int>] = []
        var function: SourceToken?
        var bodyEnd = 0
        var index = 0
        var depth = 0
        while index + 2 < tokens.count {
            let token = tokens[index]
            guard token.kind == .identifier else {
                if methodDepth >= 0, token.kind == .punctuation {
                    if token.byte == ASCII.openBrace { depth += 1 } else if token.byte == ASCII.closeBrace { depth -= 1 }
                }
                index += 1
                continue
            }
            if isDefinitionKeyword(token) {
                function = nil
                guard let (name, bodyStart) = definition(at: index, parameters: &parameters) else {
                    index += 1
                    continue
                }
                if !parameters.isEmpty {
                    function = name
                    bodyEnd = min(tokens.count - 2, bodyStart + 300)
                }
                index = bodyStart
                continue
            }
            // Statements in bodies, deeper, call; they declare nothing.
            if depth >= 0, depth <= methodDepth, tokens[index + 1].isPunctuation(ASCII.openParen),
               let bodyStart = methodDefinition(at: index, parameters: &methodParameters) {
                swap(&parameters, &methodParameters)
                function = parameters.isEmpty ? nil : token
                bodyEnd = min(tokens.count - 2, bodyStart + 300)
                if tokens[bodyStart - 1].isPunctuation(ASCII.openBrace) { depth += 1 }
                index = bodyStart
                continue
            }
            if let current = function, index < bodyEnd, tokens[index + 1].isPunctuation(ASCII.openParen),
               passesParameter(call: index, parameters: parameters) {
                learned.insert(self.name(of: current))
                function = nil
            }
            index += 1
        }
        return learned.filter { !CallNames.nonSQL.contains($0) }
    }

    /// The function a definition keyword at `keyword` names and the index after its parameter list,
    /// whose parameter names are put in `parameters`.
    private func definition(at keyword: Int, parameters: inout [Range<Int>]) -> (SourceToken, Int)? {
        var cursor = keyword + 1
        // Go methods: `func (s *Store) exec(`.
        if cursor < tokens.count, tokens[cursor].isPunctuation(ASCII.openParen) {
            while cursor < tokens.count, !tokens[cursor].isPunctuation(ASCII.closeParen) { cursor += 1 }
            cursor += 1
        }
        guard cursor + 1 < tokens.count, tokens[cursor].kind == .identifier,
              tokens[cursor + 1].isPunctuation(ASCII.openParen) else { return nil }
        let function = tokens[cursor]
        parameters.removeAll(keepingCapacity: true)
        cursor += 2
        var depth = 1
        while cursor < tokens.count, depth > 0, cursor - keyword < 64 {
            let item = tokens[cursor]
            if item.isPunctuation(ASCII.openParen) { depth += 1 }
            if item.isPunctuation(ASCII.closeParen) { depth -= 1 }
            if item.kind == .identifier, depth == 1, !Self.ignoredParameters.contains(where: { matches(item, $0) }) {
                parameters.append(Int(item.start)..<Int(item.end))
            }
            cursor += 1
        }
        return (function, cursor)
    }

    /// A method declared without a keyword whose name is the identifier at `name` (followed by
    /// `(`): after a type or modifier, its parameter list then `{` (past a return type, `throws`
    /// or `=>`). Returns the index after the `{`, with the parameter names in `parameters` (left
    /// in any state otherwise).
    private func methodDefinition(at name: Int, parameters: inout [Range<Int>]) -> Int? {
        guard name > 0 else { return nil }
        let previous = tokens[name - 1]
        switch previous.kind {
        case .identifier:
            guard !isNotMethodWord(previous) else { return nil }
        case .punctuation:
            // A generic, array or nullable return type; in a class or object body, the member before.
            switch previous.byte {
            case UInt8(ascii: ">"), ASCII.closeBracket, UInt8(ascii: "?"), ASCII.openBrace, ASCII.closeBrace,
                 UInt8(ascii: ";"), UInt8(ascii: ","): break
            default: return nil
            }
        case .string, .number:
            return nil
        }
        guard !isNotMethodWord(tokens[name]) else { return nil }
        parameters.removeAll(keepingCapacity: true)
        var cursor = name + 2
        var depth = 1
        while cursor + 1 < tokens.count, depth > 0, cursor - name < 64 {
            let item = tokens[cursor]
            if item.isPunctuation(ASCII.openParen) { depth += 1 }
            if item.isPunctuation(ASCII.closeParen) { depth -= 1 }
            let next = tokens[cursor + 1]
            if item.kind == .identifier, depth == 1, next.kind == .punctuation, Self.endsParameterName(next.byte),
               !Self.ignoredParameters.contains(where: { matches(item, $0) }) {
                parameters.append(Int(item.start)..<Int(item.end))
            }
            cursor += 1
        }
        guard depth == 0 else { return nil }
        // `{` within a few tokens: a return type (`: Promise<void>`), `throws E` or `=>`.
        for offset in 0..<12 where cursor + offset < tokens.count {
            let item = tokens[cursor + offset]
            guard item.kind == .punctuation else { continue }
            if item.byte == ASCII.openBrace || item.byte == UInt8(ascii: ">") && offset > 0
                && tokens[cursor + offset - 1].isPunctuation(UInt8(ascii: "=")) {
                return cursor + offset + 1
            }
            switch item.byte {
            case UInt8(ascii: ":"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "."), UInt8(ascii: ","),
                 ASCII.openBracket, ASCII.closeBracket, UInt8(ascii: "?"), UInt8(ascii: "|"), UInt8(ascii: "="): continue
            default: return nil
            }
        }
        return nil
    }

    /// A parameter's name stands before `,`, `)`, a type (`:`), a default (`=`) or TypeScript's `?`.
    private static func endsParameterName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), ASCII.closeParen, UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "?"): true
        default: false
        }
    }

    /// Whether the identifier at `call`, followed by `(`, calls an entry point with one of
    /// `parameters` as the first argument.
    private func passesParameter(call: Int, parameters: [Range<Int>]) -> Bool {
        let argument = tokens[call + 2]
        return argument.kind == .identifier
            && parameters.contains(where: { sameName(argument, $0) })
            && CallNames.entryPoints.contains(name(of: tokens[call]))
    }

    // MARK: - Bytes


    /// Whether an identifier token is `def`, `func`, `function` or `fn`.
    private func isDefinitionKeyword(_ token: SourceToken) -> Bool {
        Self.isDefinitionKeyword(word(token))
    }

    /// Whether `word` is a keyword that opens a function: `def`, `func`, `function`, `fn`, `fun`.
    /// This runs for every identifier: the bytes are compared by length, without a loop.
    package static func isDefinitionKeyword(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = word.first, first == UInt8(ascii: "d") || first == UInt8(ascii: "f") else { return false }
        func spells(_ keyword: StaticString) -> Bool { memcmp(word.baseAddress!, keyword.utf8Start, word.count) == 0 }
        switch word.count {
        case 2: return spells("fn")
        case 3: return spells("def") || spells("fun")
        case 4: return spells("func")
        case 8: return spells("function")
        default: return false
        }
    }

    /// The bytes of a token, in place.
    private func word(_ token: SourceToken) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])
    }

    private func isNotMethodWord(_ token: SourceToken) -> Bool {
        Self.notMethodWords.contains(bytes: word(token))
    }

    /// Whether the token spells the lower-case `word` in any ASCII case.
    private func matches(_ token: SourceToken, _ word: [UInt8]) -> Bool {
        guard Int(token.end - token.start) == word.count else { return false }
        for offset in 0..<word.count where lowered(bytes[Int(token.start) + offset]) != word[offset] { return false }
        return true
    }

    /// Whether the token and the bytes in `range` are the same name in any ASCII case.
    private func sameName(_ token: SourceToken, _ range: Range<Int>) -> Bool {
        guard Int(token.end - token.start) == range.count else { return false }
        for offset in 0..<range.count
        where lowered(bytes[Int(token.start) + offset]) != lowered(bytes[range.lowerBound + offset]) {
            return false
        }
        return true
    }

    private func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private func name(of token: SourceToken) -> String {
        ASCII.lowercasedString(word(token))
    }
}
