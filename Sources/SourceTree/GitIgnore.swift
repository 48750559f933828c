import Foundation
import SourceLexing

/// The rules of one `.gitignore` file (patterns, `!` negation, trailing `/` for directories,
/// leading or inner `/` anchoring, `*`, `?`, `[…]` and `**`).
package struct GitIgnore: Sendable {
    struct Rule: Sendable {
        var pattern: [UInt8]
        var negated: Bool
        var directoryOnly: Bool
        var anchored: Bool
    }

    /// Directory holding the file, relative to the scan root ("" for the root).
    package let base: String
    let rules: [Rule]

    /// Parses the text of a `.gitignore` found in `base` (relative to the scan root).
    package init(_ text: String, base: String = "") {
        self.base = base
        self.rules = text.split(whereSeparator: \.isNewline).compactMap(Self.rule)
    }

    private static func rule(_ rawLine: Substring) -> Rule? {
        var line = Substring(rawLine)
        while line.last == " " && !line.hasSuffix("\\ ") { line = line.dropLast() }
        guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
        var negated = false
        if line.hasPrefix("!") {
            negated = true
            line = line.dropFirst()
        } else if line.hasPrefix("\\!") || line.hasPrefix("\\#") {
            line = line.dropFirst()
        }
        var directoryOnly = false
        if line.hasSuffix("/") {
            directoryOnly = true
            line = line.dropLast()
        }
        var anchored = line.contains("/")
        if line.hasPrefix("/") {
            anchored = true
            line = line.dropFirst()
        }
        if line.hasPrefix("**/") {
            anchored = true
        }
        guard !line.isEmpty else { return nil }
        return Rule(pattern: Array(line.utf8), negated: negated, directoryOnly: directoryOnly, anchored: anchored)
    }

    // MARK: - Matching

    /// `true` ignored, `false` re-included by a negation, `nil` when no rule matches.
    /// `path` is relative to this file's directory.
    package func match(_ path: String, isDirectory: Bool) -> Bool? {
        let bytes = Array(path.utf8)
        let name = bytes.lastIndex(of: ASCII.slash).map { Array(bytes[($0 + 1)...]) } ?? bytes
        var result: Bool?
        for rule in rules where !rule.directoryOnly || isDirectory {
            let subject = rule.anchored ? bytes : name
            if Glob.matches(rule.pattern[...], subject[...]) { result = !rule.negated }
        }
        return result
    }
}

/// Git-style wildcard matching over bytes.
enum Glob {
    static func matches(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        while p < pattern.endIndex {
            let c = pattern[p]
            if c == ASCII.star {
                let doubleStar = p + 1 < pattern.endIndex && pattern[p + 1] == ASCII.star
                if doubleStar {
                    var rest = p + 2
                    if rest < pattern.endIndex, pattern[rest] == ASCII.slash { rest += 1 }
                    if rest == pattern.endIndex { return true }
                    var start = t
                    while true {
                        if matches(pattern[rest...], text[start...]) { return true }
                        guard let slash = text[start...].firstIndex(of: ASCII.slash) else { return false }
                        start = slash + 1
                    }
                }
                let rest = pattern[(p + 1)...]
                var start = t
                while true {
                    if matches(rest, text[start...]) { return true }
                    guard start < text.endIndex, text[start] != ASCII.slash else { return false }
                    start += 1
                }
            }
            guard t < text.endIndex else { return false }
            switch c {
            case UInt8(ascii: "?"):
                guard text[t] != ASCII.slash else { return false }
            case ASCII.openBracket:
                guard let (matched, next) = matchClass(pattern, from: p, byte: text[t]), matched else { return false }
                p = next
                t += 1
                continue
            case ASCII.backslash where p + 1 < pattern.endIndex:
                p += 1
                guard pattern[p] == text[t] else { return false }
            default:
                guard c == text[t] else { return false }
            }
            p += 1
            t += 1
        }
        return t == text.endIndex
    }

    /// Matches `[abc]`, `[a-z]`, `[!x]`; returns whether it matched and the index after `]`.
    private static func matchClass(_ pattern: ArraySlice<UInt8>, from start: Int, byte: UInt8) -> (Bool, Int)? {
        var p = start + 1
        var negate = false
        if p < pattern.endIndex, pattern[p] == UInt8(ascii: "!") || pattern[p] == UInt8(ascii: "^") {
            negate = true
            p += 1
        }
        var matched = false
        var first = true
        while p < pattern.endIndex, pattern[p] != ASCII.closeBracket || first {
            first = false
            let low = pattern[p]
            if p + 2 < pattern.endIndex, pattern[p + 1] == ASCII.minus, pattern[p + 2] != ASCII.closeBracket {
                if byte >= low && byte <= pattern[p + 2] { matched = true }
                p += 3
            } else {
                if byte == low { matched = true }
                p += 1
            }
        }
        guard p < pattern.endIndex else { return nil }
        return (matched != negate, p + 1)
    }
}
