import Extraction
import Foundation

/// SARIF 2.1.0 output for GitHub code scanning: one result per finding, located by file, line
/// and column, with the query fingerprint as partial fingerprint.
public struct SARIFFindingWriter: FindingWriter {
    /// The rules a result can refer to.
    public enum Rule: String, CaseIterable, Sendable {
        case staticQuery = "dbooster/sql-statement"
        case dynamicQuery = "dbooster/dynamic-sql"
        case unparsedQuery = "dbooster/unparsed-sql"
        case fragment = "dbooster/sql-fragment"

        var name: String {
            switch self {
            case .staticQuery: "SqlStatement"
            case .dynamicQuery: "DynamicSql"
            case .unparsedQuery: "UnparsedSql"
            case .fragment: "SqlFragment"
            }
        }

        var summary: String {
            switch self {
            case .staticQuery: "SQL statement run by the application."
            case .dynamicQuery: "SQL statement assembled at run time (concatenation or interpolation)."
            case .unparsedQuery: "SQL statement that PostgreSQL's parser rejects."
            case .fragment: "Piece of SQL handed to an ORM or query builder (a condition, an ordering, an expression)."
            }
        }

        var level: String { self == .staticQuery || self == .fragment ? "note" : "warning" }

        static func of(_ finding: SQLFinding) -> Rule {
            if finding.kind == .fragment { return .fragment }
            if finding.parseError != nil { return .unparsedQuery }
            return finding.kind == .dynamic ? .dynamicQuery : .staticQuery
        }
    }

    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    static let informationURI = "https://github.com/dbooster/dbooster"

    private var count = 0
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Creates a writer.
    public init() {}

    public mutating func begin() -> String {
        "{\"$schema\":\"\(Self.schemaURI)\",\"version\":\"2.1.0\",\"runs\":[{\"results\":["
    }

    public mutating func write(_ finding: SQLFinding) -> String {
        guard let data = try? encoder.encode(Result(finding)) else { return "" }
        defer { count += 1 }
        return (count == 0 ? "\n" : ",\n") + String(decoding: data, as: UTF8.self)
    }

    public mutating func finish(progress: ScanProgress) -> String {
        let driver = Driver(name: "dbooster", informationUri: Self.informationURI, version: "1.0.0",
                            rules: Rule.allCases.map(ReportingDescriptor.init))
        let tool = (try? encoder.encode(Tool(driver: driver))).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "\n],\"tool\":\(tool),\"columnKind\":\"unicodeCodePoints\"}]}\n"
    }

    // MARK: - Document model

    private struct Tool: Encodable { let driver: Driver }

    private struct Driver: Encodable {
        let name: String
        let informationUri: String
        let version: String
        let rules: [ReportingDescriptor]
    }

    private struct Message: Encodable { let text: String }

    private struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let defaultConfiguration: [String: String]

        init(_ rule: Rule) {
            id = rule.rawValue
            name = rule.name
            shortDescription = Message(text: rule.summary)
            defaultConfiguration = ["level": rule.level]
        }
    }

    private struct Result: Encodable {
        struct Location: Encodable { let physicalLocation: PhysicalLocation }
        struct PhysicalLocation: Encodable {
            let artifactLocation: ArtifactLocation
            let region: Region
        }
        struct ArtifactLocation: Encodable {
            let uri: String
            let uriBaseId: String
        }
        struct Region: Encodable {
            let startLine: Int
            let startColumn: Int
        }
        struct Properties: Encodable {
            let statementType: String
            package let tables: [String]
            let sql: String
            let language: String
            let kind: String
            let dialect: String
        }

        let ruleId: String
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let properties: Properties

        init(_ finding: SQLFinding) {
            let rule = Rule.of(finding)
            ruleId = rule.rawValue
            level = rule.level
            var text = finding.kind == .fragment ? "SQL fragment (\(finding.statementType))"
                : "\(finding.statementType.uppercased()) statement"
            if !finding.tables.isEmpty { text += " on \(finding.tables.joined(separator: ", "))" }
            if finding.kind == .dynamic { text += ", assembled at run time" }
            if let error = finding.parseError { text += "; \(finding.dialect) SQL, PostgreSQL parser: \(error)" }
            message = Message(text: text + ": " + finding.sql)
            let uri = finding.file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? finding.file
            locations = [Location(physicalLocation: PhysicalLocation(
                artifactLocation: ArtifactLocation(uri: uri, uriBaseId: "%SRCROOT%"),
                region: Region(startLine: max(1, finding.line), startColumn: max(1, finding.column))))]
            partialFingerprints = ["sqlFingerprint/v1": finding.fingerprint ?? Self.stableHash(finding.sql)]
            properties = Properties(statementType: finding.statementType, tables: finding.tables, sql: finding.sql,
                                    language: finding.language.rawValue, kind: finding.kind.rawValue,
                                    dialect: finding.dialect)
        }

        /// FNV-1a over the statement text, for statements without a parser fingerprint.
        static func stableHash(_ text: String) -> String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
    }
}
