import SourceLexing

/// MyBatis XML in an annotation (`@Select("<script>SELECT … <where><if test='a != null'>a = #{a}</if></where></script>")`):
/// the `<script>` wrapper is dropped; the dynamic-SQL tags (`<if>`, `<foreach>`, `<where>`, `<set>`,
/// `<trim>`, `<choose>`, `<when>`, `<otherwise>`, `<bind>`, `<include>`) are dropped too and make the
/// statement dynamic, since MyBatis assembles its text at run time.
package enum MyBatisScript {
    private static let dynamicTags: [[UInt8]] = ["if", "foreach", "where", "set", "trim", "choose", "when",
                                                 "otherwise", "bind", "include"].map { Array($0.utf8) }

    /// The text without its MyBatis tags, or `nil` when it has none.
    package static func strip(_ text: [UInt8]) -> (text: [UInt8], dynamic: Bool)? {
        // Most texts with a `<` compare values: nothing is copied until a tag is met.
        guard let first = text.indices.first(where: { text[$0] == ASCII.less && tagEnd(text, from: $0) != nil })
        else { return nil }
        var output = Array(text[..<first])
        var dynamic = false
        var found = false
        var index = first
        while index < text.count {
            if text[index] == ASCII.less, let (end, isDynamic) = tagEnd(text, from: index) {
                found = true
                dynamic = dynamic || isDynamic
                output.append(ASCII.space)
                // `<where>` and `<set>` write their keyword (and trim what their content leaves over).
                if text[index + 1] | 0x20 == UInt8(ascii: "w"), text[index + 2] | 0x20 == UInt8(ascii: "h"),
                   text[index + 3] | 0x20 == UInt8(ascii: "e"), text[index + 4] | 0x20 == UInt8(ascii: "r") {
                    output.append(contentsOf: "WHERE ".utf8)
                } else if text[index + 1] | 0x20 == UInt8(ascii: "s"), text[index + 2] | 0x20 == UInt8(ascii: "e") {
                    output.append(contentsOf: "SET ".utf8)
                }
                index = end
                continue
            }
            output.append(text[index])
            index += 1
        }
        return found ? (output, dynamic) : nil
    }

    /// The index after the MyBatis tag that opens at `start` (`<if test='…'>`, `</if>`, `<script>`),
    /// and whether it is a dynamic-SQL tag; `nil` when `<` opens no such tag (`a < b`).
    private static func tagEnd(_ text: [UInt8], from start: Int) -> (Int, Bool)? {
        var index = start + 1
        if index < text.count, text[index] == ASCII.slash { index += 1 }
        let nameStart = index
        while index < text.count, index - nameStart < 10, (text[index] | 0x20) >= UInt8(ascii: "a"),
              (text[index] | 0x20) <= UInt8(ascii: "z") { index += 1 }
        guard index < text.count, index > nameStart else { return nil }
        let name = text[nameStart..<index].map { $0 | 0x20 }
        let isScript = name.elementsEqual("script".utf8)
        guard isScript || dynamicTags.contains(where: { $0.elementsEqual(name) }) else { return nil }
        let next = text[index]
        guard next == UInt8(ascii: ">") || next == ASCII.space || next == ASCII.slash || next == ASCII.newline else {
            return nil
        }
        var quote: UInt8 = 0
        while index < text.count {
            let byte = text[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == ASCII.singleQuote || byte == ASCII.doubleQuote {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return (index + 1, !isScript)
            }
            index += 1
        }
        return nil
    }
}
