import Extraction
import Foundation
import SourceLexing

/// Fast, allocation-light JSON text for a finding (the streaming writers emit thousands per second),
/// written as UTF-8 bytes straight into the output buffer.
enum FindingJSON {
    /// The finding as one JSON object with sorted snake_case keys, `null` for missing values,
    /// after `prefix` (the separator the writer puts before it).
    static func object(_ finding: SQLFinding, after prefix: String = "") -> String {
        var out = OutputBuffer(capacity: 512)
        append(finding, after: prefix, to: &out)
        return out.text
    }

    /// Appends ``object(_:after:)``'s text to `out`.
    static func append(_ finding: SQLFinding, after prefix: String, to out: inout OutputBuffer) {
        appendRaw(prefix, to: &out)
        appendLiteral("{\"column\":", to: &out)
        appendInteger(finding.column, to: &out)
        appendLiteral(",\"dialect\":\"", to: &out)
        appendRaw(finding.dialect, to: &out)
        appendLiteral("\"", to: &out)
        appendLiteral(",\"file\":", to: &out)
        appendString(finding.file, to: &out)
        appendLiteral(",\"fingerprint\":", to: &out)
        if let hash = finding.fingerprintHash {
            appendHex(hash, to: &out)
        } else {
            appendOptional(finding.fingerprint, to: &out)
        }
        appendLiteral(",\"kind\":\"", to: &out)
        appendRaw(finding.kind.rawValue, to: &out)
        appendLiteral("\",\"language\":\"", to: &out)
        appendRaw(finding.language.rawValue, to: &out)
        appendLiteral("\",\"line\":", to: &out)
        appendInteger(finding.line, to: &out)
        appendLiteral(",\"parse_error\":", to: &out)
        appendOptional(finding.parseError, to: &out)
        appendLiteral(",\"sql\":", to: &out)
        appendString(finding.sql, to: &out)
        appendLiteral(",\"statement_type\":", to: &out)
        appendString(finding.statementType, to: &out)
        appendLiteral(",\"tables\":[", to: &out)
        for (index, table) in finding.tables.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendString(table, to: &out)
        }
        appendLiteral("]}", to: &out)
    }

    /// Appends a fingerprint's number as its 16 lower-case hex digits, quoted.
    private static func appendHex(_ value: UInt64, to out: inout OutputBuffer) {
        out.append(Byte.doubleQuote)
        for shift in stride(from: 60, through: 0, by: -4) {
            let digit = UInt8(truncatingIfNeeded: value >> UInt64(shift)) & 0xF
            out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
        out.append(Byte.doubleQuote)
    }

    private static func appendOptional(_ value: String?, to out: inout OutputBuffer) {
        if let value { appendString(value, to: &out) } else { appendLiteral("null", to: &out) }
    }

    /// Appends JSON punctuation and keys.
    private static func appendLiteral(_ text: StaticString, to out: inout OutputBuffer) {
        out.append(text)
    }

    /// Appends text that needs no escaping (or is written unescaped: the dialect, kind and
    /// language are fixed words), as it is.
    private static func appendRaw(_ text: String, to out: inout OutputBuffer) {
        out.append(text)
    }

    /// Appends `value` in decimal.
    private static func appendInteger(_ value: Int, to out: inout OutputBuffer) {
        guard value >= 0 else {
            appendRaw(String(value), to: &out)
            return
        }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends `value` as a JSON string literal.
    static func appendString(_ value: String, to out: inout OutputBuffer) {
        out.append(Byte.doubleQuote)
        value.withUTF8Bytes { bytes in
            if needsEscaping(bytes) {
                appendEscaped(bytes, to: &out)
            } else {
                out.append(bytes)
            }
        }
        out.append(Byte.doubleQuote)
    }

    /// Whether `bytes` hold a control byte, a quote or a backslash; read eight bytes at a time.
    private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if ASCII.bytesBelow(0x20, in: word) | ASCII.zeroBytes(word ^ ASCII.repeated(Byte.doubleQuote))
                    | ASCII.zeroBytes(word ^ ASCII.repeated(Byte.backslash)) != 0 { return true }
                index += 8
            }
        }
        return bytes[index...].contains { $0 < 0x20 || $0 == Byte.doubleQuote || $0 == Byte.backslash }
    }

    /// Appends `bytes` with JSON escapes, without the quotes.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) {
        let hex: StaticString = "0123456789abcdef"
        for byte in bytes {
            switch byte {
            case Byte.doubleQuote: out.append("\\\"")
            case Byte.backslash: out.append("\\\\")
            case Byte.newline: out.append("\\n")
            case Byte.carriageReturn: out.append("\\r")
            case Byte.tab: out.append("\\t")
            case 0..<0x20:
                out.append("\\u00")
                out.append(hex.utf8Start[Int(byte >> 4)])
                out.append(hex.utf8Start[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
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
