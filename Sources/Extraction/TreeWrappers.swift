import Foundation
import SourceLexing

/// What extracting one file taught about the rest of its tree.
struct FileLearning {
    /// The file was lexed, so its wrappers are known.
    var lexed = false
    /// Lower-cased names of the file's wrappers (``WrapperLearner``).
    var wrappers: Set<String> = []
    /// Functions, as spelled, that were handed a literal no rule accepted and that the file knows
    /// nothing of: wrappers defined in another file would make the literal SQL.
    var unknownCallees: Set<String> = []
}

/// Cross-file wrapper learning: a function defined in one file that hands its parameter to a SQL
/// entry point (`def run_sql(q): cur.execute(q)`) makes its calls in every file of the same
/// language entry points (`run_sql("select id from users")`).
///
/// The main pass lexes every file that may hold SQL and learns its wrappers on the way. A file
/// with a literal no rule accepted, handed to a function it does not know, is remembered with
/// that function's name and the findings it had. After the main pass:
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

    /// Languages whose functions open with a keyword ``WrapperLearner`` reads. Swift is left out:
    /// its state machines hand their parameters on to methods named like entry points.
    private static let learnable: Set<SQLLanguage> = [.python, .javascript, .typescript, .go, .ruby, .php]

    /// Languages whose files call each other's functions share wrappers.
    static func family(_ language: SQLLanguage) -> SQLLanguage {
        language == .javascript ? .typescript : language
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
                for callee in entry.callees where callee.utf8.count >= 3 && !known.contains(callee.lowercased()) {
                    names[entry.family, default: []].insert(callee)
                }
            }
            guard !names.isEmpty else { return [] }
            let spelled = names.mapValues { $0.sorted().map { Array($0.utf8) } }
            return unlexed.compactMap { file, family in spelled[family].map { (file, $0) } }
        }
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

    /// Words after which a name is being defined.
    private static let definitionWords: [[UInt8]] = ["def", "func", "function", "fn"].map { Array($0.utf8) }

    /// Whether `bytes` define one of `names`: the name after a definition keyword (`def run_sql`,
    /// `def self.run_sql`, `function runSql`, `func (s *Store) RunSQL`). Cheap enough to run on
    /// files that are not lexed; a hit is confirmed by lexing the file.
    static func mayDefine(_ bytes: UnsafeBufferPointer<UInt8>, anyOf names: [[UInt8]]) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        for name in names {
            var offset = 0
            while offset + name.count <= bytes.count,
                  let hit = memchr(base + offset, Int32(name[0]), bytes.count - offset - name.count + 1) {
                let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + start, name, name.count) == 0, followsDefinitionWord(bytes, before: start) {
                    return true
                }
                offset = start + 1
            }
        }
        return false
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
        let word = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
        return definitionWords.contains { $0.elementsEqual(word) }
    }
}
