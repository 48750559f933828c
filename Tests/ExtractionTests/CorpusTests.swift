@testable import Extraction
import Foundation
import Testing

/// Precision and recall over the labelled corpus in `Corpus/`.
///
/// A line ending with `expect: static` or `expect: dynamic` (in a `#`, `//` or `--` comment) must
/// yield a finding of that kind on that line; `expect-next:` labels the following line. Every
/// other finding is a false positive.
@Suite("Labelled corpus")
struct CorpusTests {
    struct Label: Hashable {
        let file: String
        let line: Int
    }

    static func corpusRoot() throws -> URL {
        try #require(Bundle.module.resourceURL?.appendingPathComponent("Corpus"))
    }

    static func labels(under root: URL) throws -> [Label: FindingKind] {
        var labels: [Label: FindingKind] = [:]
        let pattern = try NSRegularExpression(pattern: #"(?:#|//|--)\s*expect(-next)?:\s*(static|dynamic)"#)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
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

    @Test func precisionAndRecallMeetTheTargets() throws {
        let root = try Self.corpusRoot()
        let labels = try Self.labels(under: root)
        var findings: [SQLFinding] = []
        try CodeScanner().scan(root: root, onFinding: { findings.append($0) })

        var truePositives = Set<Label>()
        var falsePositives: [SQLFinding] = []
        var kindMismatches: [SQLFinding] = []
        for finding in findings {
            let label = Label(file: finding.file, line: finding.line)
            guard let expected = labels[label] else {
                falsePositives.append(finding)
                continue
            }
            truePositives.insert(label)
            if expected != finding.kind { kindMismatches.append(finding) }
        }
        let staticLabels = labels.filter { $0.value == .static }.map(\.key)
        let dynamicLabels = labels.filter { $0.value == .dynamic }.map(\.key)
        let staticRecall = Double(staticLabels.filter(truePositives.contains).count) / Double(max(1, staticLabels.count))
        let dynamicRecall = Double(dynamicLabels.filter(truePositives.contains).count) / Double(max(1, dynamicLabels.count))
        let precision = Double(findings.count - falsePositives.count) / Double(max(1, findings.count))
        let missed = labels.keys.filter { !truePositives.contains($0) }.sorted { ($0.file, $0.line) < ($1.file, $1.line) }

        print("""
        corpus: \(labels.count) labelled statements (\(staticLabels.count) static, \(dynamicLabels.count) dynamic), \
        \(findings.count) findings
        precision \(String(format: "%.3f", precision)), static recall \(String(format: "%.3f", staticRecall)), \
        dynamic recall \(String(format: "%.3f", dynamicRecall)), kind mismatches \(kindMismatches.count)
        """)
        for finding in falsePositives { print("  false positive: \(finding.file):\(finding.line) \(finding.sql)") }
        for label in missed { print("  missed: \(label.file):\(label.line) (\(labels[label]!.rawValue))") }
        for finding in kindMismatches { print("  wrong kind: \(finding.file):\(finding.line) \(finding.kind.rawValue)") }

        #expect(staticLabels.count >= 50)
        #expect(staticRecall >= 0.95)
        #expect(precision >= 0.98)
        #expect(dynamicRecall >= 0.9)
        #expect(Double(kindMismatches.count) / Double(max(1, truePositives.count)) <= 0.05)
    }
}
