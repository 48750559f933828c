import Foundation
import SourceLexing
import SQLText

/// Learns a file's SQL wrappers: functions (`def run_sql(sql)`, `func exec(db, q string)`,
/// `function runSql(text)`) whose body passes one of their parameters to a known SQL entry
/// point. Calls to them are entry points too.
///
/// The pass visits every token of every lexed file, so it compares bytes in place and only
/// allocates a name for a definition it learns.
struct WrapperLearner {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<SourceToken>

    private static let definitionKeywords: [[UInt8]] = ["def", "func", "function", "fn"].map { Array($0.utf8) }

    /// Parameter names that are receivers, types or contexts rather than SQL text.
    private static let ignoredParameters: [[UInt8]] = ["self", "cls", "this", "string", "str", "int", "any",
                                                       "context", "ctx"].map { Array($0.utf8) }

    /// Lower-cased names of the wrappers defined in the file.
    ///
    /// One pass over the tokens: a definition's parameters are noted, then the next 300 tokens, up
    /// to the next definition, are its body.
    func wrappers() -> Set<String> {
        var learned: Set<String> = []
        var parameters: [Range<Int>] = []
        var function: SourceToken?
        var bodyEnd = 0
        var index = 0
        while index + 2 < tokens.count {
            let token = tokens[index]
            guard token.kind == .identifier else {
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
            if let current = function, index < bodyEnd, isPunctuation(tokens[index + 1], ASCII.openParen),
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
        if cursor < tokens.count, isPunctuation(tokens[cursor], ASCII.openParen) {
            while cursor < tokens.count, !isPunctuation(tokens[cursor], ASCII.closeParen) { cursor += 1 }
            cursor += 1
        }
        guard cursor + 1 < tokens.count, tokens[cursor].kind == .identifier,
              isPunctuation(tokens[cursor + 1], ASCII.openParen) else { return nil }
        let function = tokens[cursor]
        parameters.removeAll(keepingCapacity: true)
        cursor += 2
        var depth = 1
        while cursor < tokens.count, depth > 0, cursor - keyword < 64 {
            let item = tokens[cursor]
            if isPunctuation(item, ASCII.openParen) { depth += 1 }
            if isPunctuation(item, ASCII.closeParen) { depth -= 1 }
            if item.kind == .identifier, depth == 1, !Self.ignoredParameters.contains(where: { matches(item, $0) }) {
                parameters.append(Int(item.start)..<Int(item.end))
            }
            cursor += 1
        }
        return (function, cursor)
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

    @inline(__always) private func isPunctuation(_ token: SourceToken, _ byte: UInt8) -> Bool {
        token.kind == .punctuation && token.byte == byte
    }

    /// Whether an identifier token is `def`, `func`, `function` or `fn`.
    private func isDefinitionKeyword(_ token: SourceToken) -> Bool {
        let length = Int(token.end - token.start)
        guard length == 2 || length == 3 || length == 4 || length == 8 else { return false }
        let first = bytes[Int(token.start)]
        guard first == UInt8(ascii: "d") || first == UInt8(ascii: "f") else { return false }
        let word = UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])
        return Self.definitionKeywords.contains { $0.count == length && $0.elementsEqual(word) }
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
        ASCII.lowercasedString(UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)]))
    }
}
