import Foundation

/// Decodes the escapes of a string literal's text segment.
package enum EscapeDecoder {
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, style: EscapeStyle,
                       into output: inout [UInt8]) {
        switch style {
        case .none, .rawBackslash:
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        case .doubledQuote:
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = bytes[index]
                output.append(byte)
                index += (byte == ASCII.doubleQuote && index + 1 < range.upperBound
                          && bytes[index + 1] == ASCII.doubleQuote) ? 2 : 1
            }
        case .backslash:
            var index = range.lowerBound
            while index < range.upperBound {
                let run = plainRunEnd(bytes, from: index, limit: range.upperBound)
                if run > index {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<run]))
                    index = run
                    continue
                }
                guard index + 1 < range.upperBound else {
                    output.append(bytes[index])
                    index += 1
                    continue
                }
                let next = bytes[index + 1]
                switch next {
                case UInt8(ascii: "n"): output.append(ASCII.newline)
                case UInt8(ascii: "t"): output.append(ASCII.tab)
                case UInt8(ascii: "r"): output.append(ASCII.carriageReturn)
                case ASCII.newline: break
                default: output.append(next)
                }
                index += 2
            }
        }
    }

    /// The end of the run of bytes from `start` that holds no backslash.
    private static func plainRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int {
        guard let base = bytes.baseAddress, start < limit,
              let found = memchr(base + start, Int32(ASCII.backslash), limit - start) else { return limit }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
    }
}
