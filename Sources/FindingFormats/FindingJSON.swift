import Extraction
import Foundation

/// Fast, allocation-light JSON text for a finding (the streaming writers emit thousands per second).
enum FindingJSON {
    /// The finding as one JSON object with sorted snake_case keys, `null` for missing values,
    /// after `prefix` (the separator the writer puts before it).
    static func object(_ finding: SQLFinding, after prefix: String = "") -> String {
        var out = prefix
        out.reserveCapacity(192 + finding.file.utf8.count + finding.sql.utf8.count)
        out += "{\"column\":\(finding.column),\"dialect\":\"\(finding.dialect)\",\"file\":"
        appendString(finding.file, to: &out)
        out += ",\"fingerprint\":"
        appendOptional(finding.fingerprint, to: &out)
        out += ",\"kind\":\"\(finding.kind.rawValue)\",\"language\":\"\(finding.language.rawValue)\",\"line\":\(finding.line)"
        out += ",\"parse_error\":"
        appendOptional(finding.parseError, to: &out)
        out += ",\"sql\":"
        appendString(finding.sql, to: &out)
        out += ",\"statement_type\":"
        appendString(finding.statementType, to: &out)
        out += ",\"tables\":["
        for (index, table) in finding.tables.enumerated() {
            if index > 0 { out += "," }
            appendString(table, to: &out)
        }
        out += "]}"
        return out
    }

    private static func appendOptional(_ value: String?, to out: inout String) {
        if let value { appendString(value, to: &out) } else { out += "null" }
    }

    /// Appends `value` as a JSON string literal.
    static func appendString(_ value: String, to out: inout String) {
        var value = value
        let plain = value.withUTF8 { bytes in
            !bytes.contains { $0 < 0x20 || $0 == Byte.doubleQuote || $0 == Byte.backslash }
        }
        out += "\""
        if plain {
            out += value
        } else {
            appendEscaped(value, to: &out)
        }
        out += "\""
    }

    /// Appends `value` with JSON escapes, without the quotes.
    private static func appendEscaped(_ value: String, to out: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 8)
        let hex = Array("0123456789abcdef".utf8)
        for byte in value.utf8 {
            switch byte {
            case Byte.doubleQuote: bytes += [Byte.backslash, Byte.doubleQuote]
            case Byte.backslash: bytes += [Byte.backslash, Byte.backslash]
            case Byte.newline: bytes += [Byte.backslash, UInt8(ascii: "n")]
            case Byte.carriageReturn: bytes += [Byte.backslash, UInt8(ascii: "r")]
            case Byte.tab: bytes += [Byte.backslash, UInt8(ascii: "t")]
            case 0..<0x20:
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        out += String(decoding: bytes, as: UTF8.self)
    }
}

/// The bytes JSON string escaping looks at.
private enum Byte {
    static let doubleQuote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let tab = UInt8(ascii: "\t")
}
