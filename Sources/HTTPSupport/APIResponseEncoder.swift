import Foundation
import Hummingbird

/// Encodes JSON responses as the API promises them: object keys sorted (diffable, cacheable),
/// dates in ISO 8601, and UUIDs in lowercase (RFC 9562; Foundation prints them upper-case).
public struct APIResponseEncoder: ResponseEncoder, Sendable {
    public init() {}

    public func encode(_ value: some Encodable, from request: Request, context: some RequestContext) throws -> Response {
        let bytes = try Self.encode(value)
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .contentLength: String(bytes.count)],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The JSON bytes of `value`, encoded by the API's rules.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        var bytes = try JSONBytesEncoder.encode(value)
        lowercaseUUIDs(&bytes)
        return bytes
    }

    /// Lower-cases every JSON string whose whole text is a UUID.
    static func lowercaseUUIDs(_ bytes: inout [UInt8]) {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), dash = UInt8(ascii: "-")
        var index = 0
        while index + 37 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == quote, bytes[index + 37] == quote, index == 0 || bytes[index - 1] != backslash else {
                continue
            }
            var isUUID = true, hasUpper = false
            for offset in 1...36 {
                let byte = bytes[index + offset]
                switch offset {
                case 9, 14, 19, 24: isUUID = byte == dash
                default:
                    let lower = byte | 0x20
                    isUUID = (byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x66)
                    hasUpper = hasUpper || (byte >= 0x41 && byte <= 0x46)
                }
                if !isUUID { break }
            }
            guard isUUID, hasUpper else { continue }
            for offset in 1...36 where bytes[index + offset] != dash { bytes[index + offset] |= 0x20 }
            index += 37
        }
    }
}
