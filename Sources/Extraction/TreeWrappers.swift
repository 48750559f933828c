import Foundation
import SourceLexing
import SQLText

/// What extracting one file taught about the rest of its tree.
struct FileLearning {
    /// The file was lexed, so its wrappers are known.
    var lexed = false
    /// Lower-cased names of the file's wrappers (``WrapperLearner``).
    var wrappers: Set<String> = []
    /// Functions, as spelled, that the file knows nothing of and that were handed a literal no rule
    /// accepted but an entry point would: a wrapper defined in another file makes the literal SQL.
    var unknownCallees: Set<String> = []
}

/// Cross-file wrapper learning: a function defined in one file that hands its parameter to a SQL
/// entry point (`def run_sql(q): cur.execute(q)`) makes its calls in every file of the same
/// language entry points (`run_sql("select id from users")`).
///
/// The main pass lexes every file that may hold SQL and learns its wrappers on the way. A file
/// with a literal that no rule accepted but an entry point would, handed to a function the file
/// does not know, is remembered with that function's name and the findings it had. After the main
/// pass:
/// 1. ``definitionSearches()``: names not learned yet are looked for in the files the main pass
///    did not lex (a module of wrappers holds no SQL of its own); a file spelling one after a
///    definition keyword is lexed and learned from (``learn(_:language:)``);
/// 2. ``reextractions()``: the remembered files calling a learned wrapper are extracted again with
///    the tree's wrappers, and the findings the first extraction lacked are reported.
/// A tree without such calls pays for the bookkeeping only.
final class TreeWrappers: @unchecked Sendable {
    /// A file whose findings may grow once the tree's wrappers are known.
    struct Reextraction {
        /// Index of the file in the scan's list.
        var file: Int
        /// Keys (``key(_:)``) of the findings already reported.
        var seen: Set<String>
    }

    private struct Pending {
        var family: SQLLanguage
        var callees: Set<String>
        var seen: Set<String>
    }

    private let lock = NSLock()
    private var learned: [SQLLanguage: Set<String>] = [:]
    private var pending: [Int: Pending] = [:]
    private var unlexed: [(file: Int, family: SQLLanguage)] = []

    /// Languages whose functions ``WrapperLearner`` reads. Swift is left out: its state machines
    /// hand their parameters on to methods named like entry points.
    private static let learnable: Set<SQLLanguage> = [.python, .javascript, .typescript, .go, .ruby, .php, .csharp,
                                                      .java, .kotlin]

    /// Languages whose files call each other's functions share wrappers.
    static func family(_ language: SQLLanguage) -> SQLLanguage {
        language == .javascript ? .typescript : language == .kotlin ? .java : language
    }

    /// Wrappers learned so far, by language family.
    var wrappers: [SQLLanguage: Set<String>] { lock.withLock { learned } }

    /// Notes what extracting file `file` learned.
    func record(_ learning: FileLearning, file: Int, language: SQLLanguage, findings: [SQLFinding]) {
        guard Self.learnable.contains(language) else { return }
        let family = Self.family(language)
        lock.withLock {
            guard learning.lexed else {
                unlexed.append((file, family))
                return
            }
            if !learning.wrappers.isEmpty { learned[family, default: []].formUnion(learning.wrappers) }
            if !learning.unknownCallees.isEmpty {
                pending[file] = Pending(family: family, callees: learning.unknownCallees,
                                        seen: Set(findings.map(Self.key)))
            }
        }
    }

    /// Adds wrappers learned from a file the main pass did not lex.
    func learn(_ wrappers: Set<String>, language: SQLLanguage) {
        guard !wrappers.isEmpty else { return }
        lock.withLock { learned[Self.family(language), default: []].formUnion(wrappers) }
    }

    /// The files the main pass did not lex whose language family calls names (as spelled) that
    /// are not learned yet, with those names; none when every remembered call is resolved.
    func definitionSearches() -> [(file: Int, names: [[UInt8]])] {
        lock.withLock {
            var names: [SQLLanguage: Set<String>] = [:]
            for entry in pending.values {
                let known = learned[entry.family] ?? []
                for callee in entry.callees where Self.mayBeWrapper(callee, family: entry.family)
                    && !known.contains(callee.lowercased()) {
                    names[entry.family, default: []].insert(callee)
                }
            }
            guard !names.isEmpty else { return [] }
            let spelled = names.mapValues { $0.sorted().map { Array($0.utf8) } }
            return unlexed.compactMap { file, family in spelled[family].map { (file, $0) } }
        }
    }

    /// Names no search is spent on: keywords a call-like `return (…)` puts before a parenthesis, and
    /// built-in functions and methods that every file calls.
    private static let commonNames: NameSet = [
        "return", "and", "or", "not", "in", "if", "elif", "while", "for", "print", "append", "extend", "pop",
        "insert", "join", "format", "getattr", "hasattr", "setattr", "isinstance", "object", "super", "str",
        "list", "dict", "tuple", "set", "len", "push", "concat", "replace", "split", "strip", "map", "filter",
    ]

    /// Whether a name, as spelled, may be a wrapper worth looking for: not a keyword or built-in, and,
    /// in languages whose functions start with a lower-case letter, not a class name.
    private static func mayBeWrapper(_ name: String, family: SQLLanguage) -> Bool {
        guard name.utf8.count >= 3, !commonNames.contains(name) else { return false }
        // Go, PHP and C# capitalise functions and methods too.
        guard family != .go, family != .php, family != .csharp, let first = name.utf8.first else { return true }
        return !(first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z"))
    }

    /// The remembered files that call a learned wrapper, in scan order.
    func reextractions() -> [Reextraction] {
        lock.withLock {
            pending.compactMap { file, entry -> Reextraction? in
                guard let known = learned[entry.family],
                      entry.callees.contains(where: { known.contains($0.lowercased()) }) else { return nil }
                return Reextraction(file: file, seen: entry.seen)
            }.sorted { $0.file < $1.file }
        }
    }

    /// Keys a finding of a file by position and text.
    static func key(_ finding: SQLFinding) -> String {
        "\(finding.line):\(finding.column):\(finding.sql)"
    }

    // MARK: - Definitions

    /// Whether `bytes`, in a language of `family`, define one of `names`: the name after a
    /// definition keyword (`def run_sql`, `def self.run_sql`, `function runSql`,
    /// `func (s *Store) RunSQL`, `fun runSql`) or, where methods are declared without one (C#,
    /// Java, TypeScript), the name between a type and `(` (`public int RunSql(`). Cheap enough to
    /// run on files that are not lexed; a hit is confirmed by lexing the file.
    static func mayDefine(_ bytes: UnsafeBufferPointer<UInt8>, anyOf names: [[UInt8]], family: SQLLanguage) -> Bool {
        let keywordless = family == .csharp || family == .java || family == .typescript
        guard let base = bytes.baseAddress else { return false }
        for name in names {
            // memchr looks for the name's rarest byte, so that most of the file is skipped at its speed.
            let anchor = name.indices.min { rarity(name[$0]) < rarity(name[$1]) } ?? 0
            var offset = anchor
            while offset + name.count - anchor <= bytes.count,
                  let hit = memchr(base + offset, Int32(name[anchor]), bytes.count - offset - (name.count - anchor) + 1) {
                let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
                if name.indices.allSatisfy({ base[start + $0] == name[$0] }),
                   followsDefinitionWord(bytes, before: start)
                    || keywordless && isMethodDeclaration(bytes, name: start..<(start + name.count)) {
                    return true
                }
                offset = start + anchor + 1
            }
        }
        return false
    }

    /// How common a byte of a name is in code, lowest for the rarest.
    private static func rarity(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "_"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): 0
        case UInt8(ascii: "q"), UInt8(ascii: "x"), UInt8(ascii: "z"), UInt8(ascii: "j"), UInt8(ascii: "k"),
             UInt8(ascii: "v"), UInt8(ascii: "w"), UInt8(ascii: "y"), UInt8(ascii: "b"), UInt8(ascii: "g"): 1
        default: 2
        }
    }

    private static func followsDefinitionWord(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
        var index = start - 1
        if index >= 0, bytes[index] == UInt8(ascii: ".") {
            index -= 1
            while index >= 0, ASCII.isIdentifierPart(bytes[index]) { index -= 1 }
        }
        guard index >= 0, bytes[index] == ASCII.space || bytes[index] == ASCII.tab else { return false }
        while index >= 0, bytes[index] == ASCII.space || bytes[index] == ASCII.tab { index -= 1 }
        guard index >= 0 else { return false }
        if bytes[index] == ASCII.closeParen { return true }
        let end = index + 1
        while index >= 0, ASCII.isIdentifierPart(bytes[index]) { index -= 1 }
        return WrapperLearner.isDefinitionKeyword(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]))
    }

    /// A name between a type (a word, or a generic, array or nullable type's last byte) and `(`.
    private static func isMethodDeclaration(_ bytes: UnsafeBufferPointer<UInt8>, name: Range<Int>) -> Bool {
        var after = name.upperBound
        while after < bytes.count, bytes[after] == ASCII.space || bytes[after] == ASCII.tab { after += 1 }
        guard after < bytes.count, bytes[after] == ASCII.openParen else { return false }
        var before = name.lowerBound - 1
        guard before >= 0, bytes[before] == ASCII.space || bytes[before] == ASCII.tab else { return false }
        while before >= 0, bytes[before] == ASCII.space || bytes[before] == ASCII.tab { before -= 1 }
        guard before >= 0 else { return false }
        let type = bytes[before]
        return ASCII.isIdentifierPart(type) || type == UInt8(ascii: ">") || type == ASCII.closeBracket
            || type == UInt8(ascii: "?")
    }
}
