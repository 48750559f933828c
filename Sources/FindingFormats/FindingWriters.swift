import Extraction
import Foundation

/// Output formats of `dbooster scan`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, sarif

    /// A fresh writer for this format.
    public func makeWriter() -> any FindingWriter {
        switch self {
        case .table: TableFindingWriter()
        case .json: JSONFindingWriter()
        case .sarif: SARIFFindingWriter()
        }
    }
}

/// Streams findings as text: `begin()`, then `write(_:)` per finding as it arrives, then `finish(progress:)`.
/// Each call returns the chunk of text to append to the output.
public protocol FindingWriter {
    /// Text that opens the document.
    mutating func begin() -> String
    /// Text for one finding.
    mutating func write(_ finding: SQLFinding) -> String
    /// Text that closes the document.
    mutating func finish(progress: ScanProgress) -> String
    /// Appends the text for one finding (what ``write(_:)`` returns) to `output` as UTF-8.
    mutating func write(_ finding: SQLFinding, to output: inout OutputBuffer)
}

extension FindingWriter {
    /// Appends ``write(_:)``'s text to `output`.
    public mutating func write(_ finding: SQLFinding, to output: inout OutputBuffer) {
        output.append(write(finding))
    }
}

// MARK: - JSON

/// A JSON array of findings with snake_case keys.
public struct JSONFindingWriter: FindingWriter {
    private var count = 0

    /// Creates a writer.
    public init() {}

    public mutating func begin() -> String { "[" }

    public mutating func write(_ finding: SQLFinding) -> String {
        defer { count += 1 }
        return FindingJSON.object(finding, after: count == 0 ? "\n  " : ",\n  ")
    }

    public mutating func write(_ finding: SQLFinding, to output: inout OutputBuffer) {
        defer { count += 1 }
        FindingJSON.append(finding, after: count == 0 ? "\n  " : ",\n  ", to: &output)
    }

    public mutating func finish(progress: ScanProgress) -> String { count == 0 ? "]\n" : "\n]\n" }
}

// MARK: - Table

/// One line per finding for people, then a summary.
public struct TableFindingWriter: FindingWriter {
    private var total = 0
    private var dynamic = 0
    private var fragments = 0
    private var unparsed = 0
    private let sqlWidth = 100

    /// Creates a writer.
    public init() {}

    public mutating func begin() -> String {
        pad("LOCATION", 40) + "  " + pad("KIND", 8) + "  " + pad("TYPE", 14) + "  " + pad("TABLES", 28) + "  SQL\n"
    }

    public mutating func write(_ finding: SQLFinding) -> String {
        total += 1
        if finding.kind == .dynamic { dynamic += 1 }
        if finding.kind == .fragment { fragments += 1 }
        if finding.parseError != nil { unparsed += 1 }
        var sql = finding.sql.count > sqlWidth ? String(finding.sql.prefix(sqlWidth - 1)) + "…" : finding.sql
        if let error = finding.parseError { sql += "  [\(finding.dialect); parse error: \(error)]" }
        return pad("\(finding.file):\(finding.line):\(finding.column)", 40) + "  " + pad(finding.kind.rawValue, 8) + "  "
            + pad(finding.statementType, 14) + "  " + pad(finding.tables.joined(separator: ","), 28) + "  " + sql + "\n"
    }

    public mutating func finish(progress: ScanProgress) -> String {
        "\n\(total - fragments) statement(s) in \(progress.filesScanned) file(s): \(total - dynamic - fragments) static, "
            + "\(dynamic) dynamic, \(unparsed) not parsed by PostgreSQL"
            + (fragments > 0 ? "; \(fragments) fragment(s)\n" : "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
