/// The bytes the parse-tree readers look for in libpg_query's JSON output.
package enum JSONByte {
    package static let newline = UInt8(ascii: "\n")
    package static let space = UInt8(ascii: " ")
    package static let tab = UInt8(ascii: "\t")
    package static let carriageReturn = UInt8(ascii: "\r")
    package static let doubleQuote = UInt8(ascii: "\"")
    package static let backslash = UInt8(ascii: "\\")
    package static let minus = UInt8(ascii: "-")
    package static let openBrace = UInt8(ascii: "{")
    package static let closeBrace = UInt8(ascii: "}")
    package static let openBracket = UInt8(ascii: "[")
    package static let closeBracket = UInt8(ascii: "]")

    @inline(__always) package static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
