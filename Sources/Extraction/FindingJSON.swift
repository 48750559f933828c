import Foundation

/// Fast, allocation-light JSON text for a finding (the streaming writers emit thousands per second).
enum FindingJSON {
    /// The finding as one JSON object with sorted snake_case keys, `null` for missing values.
    static func object(_ finding: SQLFinding) -> String {
        var out = "{\"column\":\(finding.column),\"dialect\":\"\(finding.dialect)\",\"file\":"
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
        var bytes: [UInt8] = [ASCII.doubleQuote]
        bytes.reserveCapacity(value.utf8.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        for byte in value.utf8 {
            switch byte {
            case ASCII.doubleQuote: bytes += [ASCII.backslash, ASCII.doubleQuote]
            case ASCII.backslash: bytes += [ASCII.backslash, ASCII.backslash]
            case ASCII.newline: bytes += [ASCII.backslash, UInt8(ascii: "n")]
            case ASCII.carriageReturn: bytes += [ASCII.backslash, UInt8(ascii: "r")]
            case ASCII.tab: bytes += [ASCII.backslash, UInt8(ascii: "t")]
            case 0..<0x20:
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(ASCII.doubleQuote)
        out += String(decoding: bytes, as: UTF8.self)
    }
}
