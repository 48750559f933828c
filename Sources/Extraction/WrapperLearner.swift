import Foundation
import SourceLexing

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
    func wrappers() -> Set<String> {
        var learned: Set<String> = []
        var parameters: [Range<Int>] = []
        var index = 0
        while index + 2 < tokens.count {
            let token = tokens[index]
            guard token.kind == .identifier, isDefinitionKeyword(token) else {
                index += 1
                continue
            }
            var cursor = index + 1
            // Go methods: `func (s *Store) exec(`.
            if cursor < tokens.count, isPunctuation(tokens[cursor], ASCII.openParen) {
                while cursor < tokens.count, !isPunctuation(tokens[cursor], ASCII.closeParen) { cursor += 1 }
                cursor += 1
            }
            guard cursor + 1 < tokens.count, tokens[cursor].kind == .identifier,
                  isPunctuation(tokens[cursor + 1], ASCII.openParen) else {
                index += 1
                continue
            }
            let function = tokens[cursor]
            parameters.removeAll(keepingCapacity: true)
            cursor += 2
            var depth = 1
            while cursor < tokens.count, depth > 0, cursor - index < 64 {
                let item = tokens[cursor]
                if isPunctuation(item, ASCII.openParen) { depth += 1 }
                if isPunctuation(item, ASCII.closeParen) { depth -= 1 }
                if item.kind == .identifier, depth == 1, !Self.ignoredParameters.contains(where: { matches(item, $0) }) {
                    parameters.append(Int(item.start)..<Int(item.end))
                }
                cursor += 1
            }
            if !parameters.isEmpty, passesParameterToEntryPoint(bodyFrom: cursor, parameters: parameters) {
                learned.insert(name(of: function))
            }
            index = cursor
        }
        return learned.subtracting(CallNames.nonSQL)
    }

    /// Whether the next few hundred tokens from `start`, up to the next definition, call an entry
    /// point with one of `parameters` as the first argument.
    private func passesParameterToEntryPoint(bodyFrom start: Int, parameters: [Range<Int>]) -> Bool {
        let end = min(tokens.count - 2, start + 300)
        var body = start
        while body < end {
            let call = tokens[body]
            if call.kind == .identifier {
                if isDefinitionKeyword(call) { return false }
                let argument = tokens[body + 2]
                if isPunctuation(tokens[body + 1], ASCII.openParen), argument.kind == .identifier,
                   parameters.contains(where: { sameName(argument, $0) }),
                   CallNames.entryPoints.contains(name(of: call)) {
                    return true
                }
            }
            body += 1
        }
        return false
    }

    // MARK: - Bytes

    private func isPunctuation(_ token: SourceToken, _ byte: UInt8) -> Bool {
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
        String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)]), as: UTF8.self)
            .lowercased()
    }
}
