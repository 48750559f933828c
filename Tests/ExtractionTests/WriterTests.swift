@testable import Extraction
@testable import FindingFormats
import Foundation
import PgQuery
import Testing

@Suite("Output writers")
struct WriterTests {
    static let findings = [
        SQLFinding(file: "src/a b.py", line: 3, column: 5, language: .python, statementType: "select", tables: ["users"],
                   fingerprint: "0123456789abcdef", sql: "SELECT * FROM users", kind: .static, parseError: nil),
        SQLFinding(file: "src/b.go", line: 9, column: 1, language: .go, statementType: "select", tables: [],
                   fingerprint: nil, sql: "SELECT `x` FROM y", kind: .dynamic, parseError: "syntax error at or near \"`\""),
    ]

    private func render(_ format: OutputFormat) -> String {
        var writer = format.makeWriter()
        var text = writer.begin()
        for finding in Self.findings { text += writer.write(finding) }
        text += writer.finish(progress: ScanProgress(filesTotal: 2, filesScanned: 2, queriesFound: 2))
        return text
    }

    /// A finding keeps its fields in a shared box: a copy that changes must not change the original.
    @Test func findingsAreValues() {
        let original = Self.findings[0]
        var copy = original
        #expect(copy == original)
        copy.sql = "SELECT 1"
        copy.tables.append("other")
        copy.fingerprint = nil
        #expect(original.sql == "SELECT * FROM users" && original.tables == ["users"])
        #expect(original.fingerprint == "0123456789abcdef")
        #expect(copy.sql == "SELECT 1" && copy.tables == ["users", "other"] && copy.fingerprint == nil)
        #expect(copy != original)
        copy.sql = original.sql
        copy.tables = original.tables
        copy.fingerprint = original.fingerprint
        #expect(copy == original)
        #expect(Set([copy, original]).count == 1)
        #expect(Self.findings[1].dialect == "unknown" && original.dialect == "postgresql")
    }

    /// libpg_query's fingerprints are kept as numbers and written as their hex digits; any other
    /// text given as a fingerprint is kept and written as it is.
    @Test(arguments: ["0123456789abcdef", "00000000000000ff", "0123456789ABCDEF", "0123456789abcde", "fp-1", ""])
    func fingerprintsAreWrittenAsGiven(_ fingerprint: String) throws {
        var finding = Self.findings[0]
        finding.fingerprint = fingerprint
        #expect(finding.fingerprint == fingerprint)
        #expect((finding.fingerprintHash != nil) == (PgQuery.fingerprintHash(spelledBy: fingerprint) != nil))
        let json = FindingJSON.object(finding)
        #expect(json.contains("\"fingerprint\":\"\(fingerprint)\""))
        let decoded = try JSONDecoder().decode(SQLFinding.self, from: Data(json.utf8))
        #expect(decoded == finding && decoded.fingerprint == fingerprint)
    }

    @Test func jsonIsAnArrayWithTheDocumentedKeys() throws {
        let object = try JSONSerialization.jsonObject(with: Data(render(.json).utf8))
        let array = try #require(object as? [[String: Any]])
        #expect(array.count == 2)
        #expect(Set(array[0].keys) == ["file", "line", "column", "language", "statement_type", "tables", "fingerprint",
                                       "sql", "kind", "parse_error", "dialect"])
        #expect(array[1]["fingerprint"] is NSNull)
        let decoded = try JSONDecoder().decode([SQLFinding].self, from: Data(render(.json).utf8))
        #expect(decoded == Self.findings)
    }

    @Test func writingToBytesWritesTheSameText() {
        for format in OutputFormat.allCases {
            var text = format.makeWriter()
            var bytes = format.makeWriter()
            var output = OutputBuffer(capacity: 16)
            var expected = ""
            for finding in Self.findings {
                expected += text.write(finding)
                bytes.write(finding, to: &output)
            }
            #expect(output.text == expected, "\(format)")
        }
    }

    @Test func emptyJSONIsAnEmptyArray() throws {
        var writer = JSONFindingWriter()
        let text = writer.begin() + writer.finish(progress: ScanProgress())
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] != nil)
    }

    @Test func sarifHasTheShapeCodeScanningExpects() throws {
        let object = try JSONSerialization.jsonObject(with: Data(render(.sarif).utf8))
        let root = try #require(object as? [String: Any])
        #expect(root["version"] as? String == "2.1.0")
        #expect((root["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "dbooster")
        #expect(driver["informationUri"] is String)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIds = Set(rules.compactMap { $0["id"] as? String })
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        for result in results {
            let ruleId = try #require(result["ruleId"] as? String)
            #expect(ruleIds.contains(ruleId))
            #expect((result["message"] as? [String: Any])?["text"] is String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] is String)
            let region = try #require(location["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1)
            #expect((region["startColumn"] as? Int ?? 0) >= 1)
            let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
            #expect(!fingerprints.isEmpty)
        }
        let firstURI = (((results[0]["locations"] as? [[String: Any]])?[0]["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        #expect(firstURI == "src/a%20b.py")
        #expect(results[1]["ruleId"] as? String == SARIFFindingWriter.Rule.unparsedQuery.rawValue)
    }

    @Test func tableListsEveryFindingAndASummary() {
        let text = render(.table)
        #expect(text.contains("src/a b.py:3:5"))
        #expect(text.contains("parse error"))
        #expect(text.contains("2 statement(s) in 2 file(s): 1 static, 1 dynamic, 1 not parsed"))
    }
}
