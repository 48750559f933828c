@testable import Extraction
import Foundation
import Testing

/// Precision and recall over the labelled corpus in `Corpus/` (see ``CorpusHarness`` for the
/// label format and `Corpus/README.md` for the conventions), printed per language and per class.
@Suite("Labelled corpus")
struct CorpusTests {
    static func corpusRoot() throws -> URL {
        try #require(Bundle.module.resourceURL?.appendingPathComponent("Corpus"))
    }

    static func heldOutRoot() throws -> URL {
        try #require(Bundle.module.resourceURL?.appendingPathComponent("HeldOut"))
    }

    @Test func precisionAndRecallMeetTheTargets() throws {
        let root = try Self.corpusRoot()
        let (all, kindMismatches, found) = try Self.scoreAndPrint(root: root, title: "labelled corpus")
        #expect(all.labelled[.static, default: 0] >= 240)
        #expect(all.recall(.static) ?? 0 >= 0.95)
        #expect(all.recall(.dynamic) ?? 0 >= 0.90)
        #expect(all.precision >= 0.98)
        #expect(Double(kindMismatches) / Double(max(1, found)) <= 0.05)
    }

    /// The held-out folder (`HeldOut/`, see its README): real code labelled before the scanner ever
    /// ran on it, scored and printed apart from the corpus the extractor was developed on.
    @Test func heldOutPrecisionAndRecall() throws {
        let root = try Self.heldOutRoot()
        let (all, kindMismatches, found) = try Self.scoreAndPrint(root: root, title: "held-out")
        #expect(all.labelled[.static, default: 0] >= 150)
        #expect(all.recall(.static) ?? 0 >= 0.95)
        #expect(all.recall(.dynamic) ?? 0 >= 0.90)
        #expect(all.precision >= 0.98)
        #expect(Double(kindMismatches) / Double(max(1, found)) <= 0.05)
    }

    /// Findings come in walk order whatever the number of threads: the same sequence with 1 and 4.
    @Test func findingsComeInWalkOrder() throws {
        let roots = [try Self.corpusRoot(), try Self.heldOutRoot()]
        func scan(workers: Int) throws -> [String] {
            var options = ExtractionOptions(workers: workers)
            options.includeFragments = true
            var found: [String] = []
            for root in roots {
                try CodeScanner(options: options).scan(root: root) { found.append("\($0.file):\($0.line) \($0.sql)") }
            }
            return found
        }
        let one = try scan(workers: 1)
        #expect(one.count > 700)
        for _ in 0..<3 { #expect(try scan(workers: 4) == one) }
    }

    /// Scans `root` with fragments on, prints the tables, the false positives, the misses and the
    /// kind mismatches, and returns the overall score, the number of kind mismatches and of
    /// findings on a label.
    static func scoreAndPrint(root: URL, title: String) throws -> (CorpusHarness.Score, Int, Int) {
        let harness = try CorpusHarness(root: root)
        var options = ExtractionOptions()
        options.includeFragments = true
        var findings: [SQLFinding] = []
        try CodeScanner(options: options).scan(root: root, onFinding: { findings.append($0) })

        let all = harness.score(findings) { _ in ["all"] }["all"] ?? CorpusHarness.Score()
        let byLanguage = harness.score(findings) { [CorpusHarness.language(of: $0)] }
        let byClass = harness.score(findings) { harness.classes(of: $0) }
        var kindMismatches: [SQLFinding] = []
        var falsePositives: [SQLFinding] = []
        for finding in findings {
            guard let expected = harness.labels[CorpusHarness.Label(file: finding.file, line: finding.line)] else {
                falsePositives.append(finding)
                continue
            }
            if expected != finding.kind { kindMismatches.append(finding) }
        }
        let found = Set(findings.map { CorpusHarness.Label(file: $0.file, line: $0.line) })
        let missed = harness.labels.keys.filter { !found.contains($0) }.sorted()

        print("== \(title) ==")
        print(CorpusHarness.table(byLanguage.merging(["all": all]) { $1 }, title: "language"))
        print(CorpusHarness.table(byClass, title: "class"))
        print("kind mismatches: \(kindMismatches.count) of \(findings.count - falsePositives.count) found")
        for finding in falsePositives { print("  false positive: \(finding.file):\(finding.line) \(finding.sql)") }
        for label in missed { print("  missed: \(label.file):\(label.line) (\(harness.labels[label]!.rawValue))") }
        for finding in kindMismatches {
            let expected = harness.labels[CorpusHarness.Label(file: finding.file, line: finding.line)]!
            print("  wrong kind: \(finding.file):\(finding.line) \(finding.kind.rawValue), labelled \(expected.rawValue)")
        }

        return (all, kindMismatches.count, findings.count - falsePositives.count)
    }
}
