import Foundation

/// Encodes a value to the JSON bytes Foundation's `JSONEncoder` writes with `.sortedKeys`,
/// `.withoutEscapingSlashes` and ISO 8601 dates — byte for byte — but in one pass into one
/// buffer, without building an intermediate tree (Foundation's encoder took 6 % of dbooster's CPU
/// on `GET /users/me`; this writer is 2.6–3× faster).
///
/// Objects are written as their keys arrive and put in key order (UTF-8 byte order, as Foundation
/// sorts) when they close. What this writer does not cover — nested and super encoders, `Decimal`,
/// dates outside the years 0–9999, a key written twice, non-finite floating-point numbers, a
/// top-level value that encodes nothing, or any error thrown by a value's own `encode(to:)` — is
/// handed to Foundation's encoder, which then writes the whole value or throws its own error.
enum JSONBytesEncoder {
    /// The JSON bytes of `value`.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let writer = JSONByteWriter()
        do {
            try writer.write(value)
            try writer.checkSupported()
            return writer.bytes
        } catch {
            return [UInt8](try foundationEncoder().encode(value))
        }
    }

    /// Foundation's encoder with the same settings.
    static func foundationEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

// MARK: - Writer

/// The `Encoder` every level of a value is written through; each value's container state is
/// kept on a stack of frames that `write(_:)` pushes and pops around the value's `encode(to:)`.
final class JSONByteWriter: Encoder {
    /// Something this writer leaves to Foundation.
    struct Unsupported: Error {}

    /// One member of an open object: its key and the bytes `"key":value` in ``bytes``.
    struct Member {
        let key: String
        let range: Range<Int>
    }

    /// The container the value being written asked for.
    enum Frame {
        case none
        case single(written: Bool)
        case object(members: [Member])
        case array(count: Int)
    }

    var bytes: [UInt8] = []
    var frame = Frame.none
    /// How many values `write(_:)` is inside of.
    private var depth = 0
    /// Set when a value asked for something this writer leaves to Foundation.
    private(set) var failed = false

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init() {
        bytes.reserveCapacity(512)
    }

    // MARK: Values

    /// Writes `value` at the current position.
    func write<T: Encodable>(_ value: T) throws {
        if T.self == UUID.self { return writeUUID(unsafeBitCast(value, to: UUID.self)) }
        if T.self == Date.self { return try writeDate(unsafeBitCast(value, to: Date.self)) }
        if T.self == URL.self, let url = value as? URL { return writeString(url.absoluteString) }
        if T.self == Data.self, let data = value as? Data { return writeString(data.base64EncodedString()) }
        if T.self == Decimal.self { throw Unsupported() }
        let outer = frame
        frame = .none
        depth += 1
        defer { frame = outer; depth -= 1 }
        try value.encode(to: self)
        switch frame {
        case .none:
            // Nothing encoded: Foundation writes an empty object (and refuses at the top level).
            guard depth > 1 else { throw Unsupported() }
            bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
        case .single(let written):
            guard written else { throw Unsupported() }
        case .object(let members):
            try closeObject(members)
        case .array:
            bytes.append(UInt8(ascii: "]"))
        }
    }

    func writeNull() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    func writeBool(_ value: Bool) {
        bytes.append(contentsOf: value ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
    }

    func writeInteger<T: BinaryInteger>(_ value: T) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// As Foundation writes a finite number: Swift's shortest description without a trailing ".0".
    func writeFloatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T) throws {
        guard value.isFinite else { throw Unsupported() }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`-style or `\u00xx` escapes,
    /// everything else (slashes, non-ASCII) as it is.
    func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0x0F)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// A UUID in lowercase.
    private func writeUUID(_ uuid: UUID) {
        bytes.append(UInt8(ascii: "\""))
        withUnsafeBytes(of: uuid.uuid) { raw in
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { bytes.append(UInt8(ascii: "-")) }
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A date as ISO 8601 in UTC to the whole second (rounded down, as Foundation's formatter does).
    private func writeDate(_ date: Date) throws {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let year = Int(parts.tm_year) + 1900
        guard (0...9999).contains(year) else { throw Unsupported() }
        bytes.append(UInt8(ascii: "\""))
        writeDigits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        writeDigits(Int(parts.tm_mon) + 1, 2)
        bytes.append(UInt8(ascii: "-"))
        writeDigits(Int(parts.tm_mday), 2)
        bytes.append(UInt8(ascii: "T"))
        writeDigits(Int(parts.tm_hour), 2)
        bytes.append(UInt8(ascii: ":"))
        writeDigits(Int(parts.tm_min), 2)
        bytes.append(UInt8(ascii: ":"))
        writeDigits(Int(parts.tm_sec), 2)
        bytes.append(contentsOf: [UInt8(ascii: "Z"), UInt8(ascii: "\"")])
    }

    /// `value` (0 ≤ value < 10^width) in `width` decimal digits.
    private func writeDigits(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    // MARK: Containers

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        switch frame {
        case .none:
            bytes.append(UInt8(ascii: "{"))
            frame = .object(members: [])
        case .object:
            break
        case .single, .array:
            // A second container of another kind: Foundation's business (it traps or throws).
            failed = true
        }
        return KeyedEncodingContainer(KeyedWriter(writer: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        switch frame {
        case .none:
            bytes.append(UInt8(ascii: "["))
            frame = .array(count: 0)
        case .array:
            break
        case .single, .object:
            failed = true
        }
        return UnkeyedWriter(writer: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        switch frame {
        case .none: frame = .single(written: false)
        default: failed = true
        }
        return SingleValueWriter(writer: self)
    }

    /// Throws ``Unsupported`` once a container request could not be served.
    func checkSupported() throws {
        if failed { throw Unsupported() }
    }

    /// Starts a member of the open object: a comma after the previous one, then `"key":`.
    func beginMember(_ key: String) throws -> Int {
        try checkSupported()
        guard case .object(let members) = frame else { throw Unsupported() }
        if !members.isEmpty { bytes.append(UInt8(ascii: ",")) }
        let start = bytes.count
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
        return start
    }

    /// Records the member written since `start`.
    func endMember(_ key: String, from start: Int) {
        guard case .object(var members) = frame else { return }
        frame = .none
        members.append(Member(key: key, range: start..<bytes.count))
        frame = .object(members: members)
    }

    /// Starts an element of the open array.
    func beginElement() throws {
        try checkSupported()
        guard case .array(let count) = frame else { throw Unsupported() }
        if count > 0 { bytes.append(UInt8(ascii: ",")) }
        frame = .array(count: count + 1)
    }

    /// Starts the single value of a single-value container (which holds one value only).
    func beginSingle() throws {
        try checkSupported()
        guard case .single(written: false) = frame else { throw Unsupported() }
        frame = .single(written: true)
    }

    /// Closes an object, its members in key order. A key written twice (Foundation keeps the
    /// last value) is left to Foundation.
    private func closeObject(_ members: [Member]) throws {
        let inOrder = zip(members, members.dropFirst()).allSatisfy { Self.precedes($0.key, $1.key) }
        if !inOrder, let first = members.first {
            let sorted = members.sorted(by: { Self.precedes($0.key, $1.key) })
            if zip(sorted, sorted.dropFirst()).contains(where: { $0.key == $1.key }) { throw Unsupported() }
            let start = first.range.lowerBound
            let written = Array(bytes[start...])
            bytes.removeSubrange(start...)
            for (index, member) in sorted.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: written[(member.range.lowerBound - start)..<(member.range.upperBound - start)])
            }
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    /// Nested and super encoders are left to Foundation.
    func markUnsupported() {
        failed = true
    }
}

// MARK: - Containers

struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONByteWriter
    var codingPath: [any CodingKey] { [] }

    private func member(_ key: Key, _ write: () throws -> Void) throws {
        let start = try writer.beginMember(key.stringValue)
        try write()
        writer.endMember(key.stringValue, from: start)
    }

    mutating func encodeNil(forKey key: Key) throws { try member(key) { writer.writeNull() } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try member(key) { writer.writeBool(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { try member(key) { writer.writeString(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { try member(key) { try writer.writeFloatingPoint(value) } }
    mutating func encode(_ value: Float, forKey key: Key) throws { try member(key) { try writer.writeFloatingPoint(value) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try member(key) { writer.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try member(key) { try writer.write(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        writer.markUnsupported()
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(writer: writer))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.markUnsupported()
        return UnkeyedWriter(writer: writer)
    }

    mutating func superEncoder() -> any Encoder {
        writer.markUnsupported()
        return writer
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.markUnsupported()
        return writer
    }
}

/// What unkeyed and single-value containers share: every value is written into a slot the
/// container opens (the next element, or the one value).
protocol SlotWriter {
    var writer: JSONByteWriter { get }
    /// Opens the slot, then writes its value with `write`.
    func slot(_ write: () throws -> Void) throws
}

extension SlotWriter {
    mutating func encodeNil() throws { try slot { writer.writeNull() } }
    mutating func encode(_ value: Bool) throws { try slot { writer.writeBool(value) } }
    mutating func encode(_ value: String) throws { try slot { writer.writeString(value) } }
    mutating func encode(_ value: Double) throws { try slot { try writer.writeFloatingPoint(value) } }
    mutating func encode(_ value: Float) throws { try slot { try writer.writeFloatingPoint(value) } }
    mutating func encode(_ value: Int) throws { try slot { writer.writeInteger(value) } }
    mutating func encode(_ value: Int8) throws { try slot { writer.writeInteger(value) } }
    mutating func encode(_ value: Int16) throws { try slot { writer.writeInteger(value) } }
    mutating func encode(_ value: Int32) throws { try slot { writer.writeInteger(value) } }
    mutating func encode(_ value: Int64) throws { try slot { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt) throws { try slot { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt8) throws { try slot { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt16) throws { try slot { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt32) throws { try slot { writer.writeInteger(value) } }
    mutating func encode(_ value: UInt64) throws { try slot { writer.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws { try slot { try writer.write(value) } }
}

struct UnkeyedWriter: UnkeyedEncodingContainer, SlotWriter {
    let writer: JSONByteWriter
    var codingPath: [any CodingKey] { [] }
    var count: Int {
        if case .array(let count) = writer.frame { return count }
        return 0
    }

    func slot(_ write: () throws -> Void) throws {
        try writer.beginElement()
        try write()
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.markUnsupported()
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(writer: writer))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.markUnsupported()
        return self
    }

    mutating func superEncoder() -> any Encoder {
        writer.markUnsupported()
        return writer
    }
}

struct SingleValueWriter: SingleValueEncodingContainer, SlotWriter {
    let writer: JSONByteWriter
    var codingPath: [any CodingKey] { [] }

    func slot(_ write: () throws -> Void) throws {
        try writer.beginSingle()
        try write()
    }
}
