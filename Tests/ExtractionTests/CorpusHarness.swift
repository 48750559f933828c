@testable import Extraction
import Foundation
@testable import SourceLexing

/// Reads the labels of the corpus in `Corpus/` and scores findings against them.
///
/// A line ending with `expect: static`, `expect: dynamic` or `expect: fragment` (in a `#`, `//`
/// or `--` comment, so also inside a multi-statement SQL literal) must yield a finding on that
/// line; `expect-next:` labels the following line. Every other finding is a false positive. The
/// language of a label is the corpus folder it lives in; its classes come from `classes.txt`.
struct CorpusHarness {
    struct Label: Hashable, Comparable {
        let file: String
        let line: Int

        static func < (lhs: Label, rhs: Label) -> Bool { (lhs.file, lhs.line) < (rhs.file, rhs.line) }
    }

    /// Recall and precision of one group of labels (a language, a class, or everything).
    struct Score {
        var labelled: [FindingKind: Int] = [:]
        var found: [FindingKind: Int] = [:]
        var findings = 0
        var falsePositives = 0

        func recall(_ kind: FindingKind) -> Double? {
            guard let total = labelled[kind], total > 0 else { return nil }
            return Double(found[kind, default: 0]) / Double(total)
        }

        var precision: Double { findings == 0 ? 1 : Double(findings - falsePositives) / Double(findings) }
    }

    let root: URL
    let labels: [Label: FindingKind]
    let classes: [String: [String]]

    static let baselineClass = "baseline"

    init(root: URL) throws {
        self.root = root
        labels = try Self.readLabels(under: root)
        classes = Self.readClasses(root.appendingPathComponent("classes.txt"))
    }

    // MARK: - Reading

    private static func readLabels(under root: URL) throws -> [Label: FindingKind] {
        var labels: [Label: FindingKind] = [:]
        let pattern = try NSRegularExpression(pattern: #"(?:#|//|--)\s*expect(-next)?:\s*(static|dynamic|fragment)\b"#)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard SQLLanguage(fileName: url.lastPathComponent) != nil,
                  let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            for (index, line) in text.components(separatedBy: "\n").enumerated() {
                let range = NSRange(line.startIndex..., in: line)
                guard let match = pattern.firstMatch(in: line, range: range),
                      let kindRange = Range(match.range(at: 2), in: line),
                      let kind = FindingKind(rawValue: String(line[kindRange])) else { continue }
                let next = match.range(at: 1).location != NSNotFound
                labels[Label(file: relative, line: index + 1 + (next ? 1 : 0))] = kind
            }
        }
        return labels
    }

    private static func readClasses(_ url: URL) -> [String: [String]] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var classes: [String: [String]] = [:]
        for line in text.components(separatedBy: "\n") where !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let names = line[line.index(after: colon)...].split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            classes[String(line[..<colon])] = names
        }
        return classes
    }

    // MARK: - Scoring

    /// The language folder of a corpus path (`ts/x.ts` → `ts`).
    static func language(of file: String) -> String { String(file.split(separator: "/").first ?? "") }

    func classes(of file: String) -> [String] { classes[file] ?? [Self.baselineClass] }

    /// Scores `findings`, grouped by `group` (a file's groups: its language, its classes, "all").
    func score(_ findings: [SQLFinding], group: (String) -> [String]) -> [String: Score] {
        var scores: [String: Score] = [:]
        let hit = Set(findings.map { Label(file: $0.file, line: $0.line) }).filter { labels[$0] != nil }
        for (label, kind) in labels {
            for name in group(label.file) {
                scores[name, default: Score()].labelled[kind, default: 0] += 1
                if hit.contains(label) { scores[name, default: Score()].found[kind, default: 0] += 1 }
            }
        }
        for finding in findings {
            for name in group(finding.file) {
                scores[name, default: Score()].findings += 1
                if labels[Label(file: finding.file, line: finding.line)] == nil {
                    scores[name, default: Score()].falsePositives += 1
                }
            }
        }
        return scores
    }

    /// One table row per group: labels and recall per kind, findings, precision.
    static func table(_ scores: [String: Score], title: String) -> String {
        func cell(_ score: Score, _ kind: FindingKind) -> String {
            guard let recall = score.recall(kind) else { return pad("-", 16) }
            return pad("\(score.found[kind, default: 0])/\(score.labelled[kind, default: 0]) \(String(format: "%.3f", recall))", 16)
        }
        var out = pad(title, 20) + pad("static", 16) + pad("dynamic", 16) + pad("fragment", 16) + "findings  precision\n"
        for name in scores.keys.sorted() {
            let score = scores[name]!
            out += pad(name, 20) + cell(score, .static) + cell(score, .dynamic) + cell(score, .fragment)
                + pad("\(score.findings)", 10) + String(format: "%.3f", score.precision) + "\n"
        }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
