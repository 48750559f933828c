import CPgQuery
import Foundation

/// Does what `pg_query_normalize` does, from the constants ``RawTreeReader`` found in the tree
/// of a text already parsed, instead of parsing the text again.
///
/// As `pg_query_normalize` does, it replaces each constant with `$n`, numbered in the order of
/// the walk after the highest parameter already in the text, and finds where each constant ends
/// with PostgreSQL's own scanner: the end of the token at the constant's location (of the next
/// token as well when the location is a minus sign; trailing blanks of a `U&'…'` string left out).
enum ConstantNormalizer {
    /// The normalised text; `nil` when two constants share a location (their numbers would then
    /// depend on how `pg_query_normalize` sorts them). Call in a libpg_query memory context.
    static func normalize(_ text: UnsafePointer<CChar>, constants: RawTreeReader.Constants) -> String? {
        guard !constants.locations.isEmpty else { return String(cString: text) }
        var found = constants.locations.enumerated().map { index, location in
            Constant(location: Int(location), number: Int(constants.highestParameter) + index + 1)
        }
        found.sort { $0.location < $1.location }
        for index in found.indices.dropFirst() where found[index].location == found[index - 1].location { return nil }
        let length = strlen(text)
        let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        var plain = true
        for index in found.indices {
            guard let measured = plainLength(at: found[index].location, in: bytes, count: length) else {
                plain = false
                break
            }
            found[index].length = measured
        }
        if !plain {
            for index in found.indices { found[index].length = -1 }
            measure(&found, in: text)
        }

        var output: [UInt8] = []
        output.reserveCapacity(length + 4 * found.count)
        var copied = 0
        for constant in found where constant.length >= 0 {
            guard constant.location >= copied, constant.location <= length else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(start: bytes + copied, count: constant.location - copied))
            output.append(UInt8(ascii: "$"))
            output.append(contentsOf: String(constant.number).utf8)
            copied = min(constant.location + constant.length, length)
        }
        output.append(contentsOf: UnsafeBufferPointer(start: bytes + copied, count: length - copied))
        return String(decoding: output, as: UTF8.self)
    }

    /// A constant: where it starts, the number it gets, and its length (-1 until measured, and
    /// for good when the scanner ends first).
    private struct Constant {
        var location: Int
        var number: Int
        var length = -1
    }

    /// The length of a constant spelt plainly, as PostgreSQL's scanner measures it, without
    /// scanning: a number of digits (`12`, `1.5e3`, `-7`: a minus sign right before it belongs
    /// to it) or a quoted string (`'it''s'`) that no blank run holding a newline and another
    /// quote continues. `nil` for any other spelling, left to the scanner.
    static func plainLength(at location: Int, in bytes: UnsafePointer<UInt8>, count: Int) -> Int? {
        func isDigit(_ index: Int) -> Bool { index < count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        var index = location
        guard index < count else { return nil }
        if bytes[index] == UInt8(ascii: "'") {
            index += 1
            while index < count {
                if bytes[index] == UInt8(ascii: "'") {
                    guard index + 1 < count, bytes[index + 1] == UInt8(ascii: "'") else { break }
                    index += 1
                }
                index += 1
            }
            guard index < count else { return nil }
            index += 1
            // What follows must not continue the string: blanks then a quote, or a comment.
            var next = index
            while next < count, isBlank(CChar(bitPattern: bytes[next])) { next += 1 }
            if next < count, bytes[next] == UInt8(ascii: "'") || bytes[next] == UInt8(ascii: "-")
                || bytes[next] == UInt8(ascii: "/") {
                return nil
            }
            return index - location
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else { return nil }
        while isDigit(index) { index += 1 }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            // `1..` is the integer 1 and an operator.
            guard !(index + 1 < count && bytes[index + 1] == UInt8(ascii: ".")) else { return nil }
            index += 1
            while isDigit(index) { index += 1 }
        }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            var exponent = index + 1
            if exponent < count, bytes[exponent] == UInt8(ascii: "+") || bytes[exponent] == UInt8(ascii: "-") {
                exponent += 1
            }
            guard isDigit(exponent) else { return nil }
            index = exponent
            while isDigit(index) { index += 1 }
        }
        // The scanner rejects a number run into a name (`1x`); anything else ends it.
        if index < count {
            let letter = bytes[index] | 0x20
            guard bytes[index] != UInt8(ascii: "_"), bytes[index] < 0x80,
                  !(letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z")) else { return nil }
        }
        return index - location
    }

    /// The length the scanner gives the constant at `location` (what ``plainLength(at:in:count:)``
    /// must agree with). Call in a libpg_query memory context.
    static func scannedLength(at location: Int, in text: UnsafePointer<CChar>) -> Int {
        var constants = [Constant(location: location, number: 1)]
        measure(&constants, in: text)
        return constants[0].length
    }

    /// Scans `text` once, measuring the constants (sorted by location) as their tokens come.
    private static func measure(_ constants: inout [Constant], in text: UnsafePointer<CChar>) {
        var state = PgScannerState()
        guard let scanner = pg_query_scanner_begin(text, &state) else { return }
        defer { scanner_finish(scanner) }
        var value: UInt64 = 0
        var tokenLocation: Int32 = 0
        for index in constants.indices {
            let location = constants[index].location
            while true {
                guard core_yylex(&value, &tokenLocation, scanner) != 0 else { return }
                guard Int(tokenLocation) >= location else { continue }
                // A negative number: its location is the minus sign's; it ends with the number.
                if text[location] == CChar(UInt8(ascii: "-")) {
                    guard core_yylex(&value, &tokenLocation, scanner) != 0 else { return }
                }
                // The scanner has NUL-terminated the token in its copy of the text.
                let start = state.scanbuf + location
                var length = strlen(start)
                if length > 4, start[0] == CChar(UInt8(ascii: "u")) || start[0] == CChar(UInt8(ascii: "U")),
                   start[1] == CChar(UInt8(ascii: "&")), start[2] == CChar(UInt8(ascii: "'")) {
                    while length > 0, isBlank(start[length - 1]) { length -= 1 }
                }
                constants[index].length = length
                break
            }
        }
    }

    /// PostgreSQL's scanner_isspace.
    private static func isBlank(_ byte: CChar) -> Bool {
        switch UInt8(bitPattern: byte) {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0C: true
        default: false
        }
    }
}
