import Foundation
import Testing
@testable import HTTPSupport

/// The API's JSON writer must write exactly what Foundation's encoder writes with the API's
/// settings (sorted keys, unescaped slashes, ISO 8601 dates), or throw where it throws.
@Suite("JSONBytesEncoder")
struct JSONBytesEncoderTests {
    // MARK: - Values of every shape

    struct Profile: Encodable {
        let zeta: String
        let alpha: Int?
        let middle: [Double]
        let created: Date
        let id: UUID
        let link: URL
        let blob: Data
        let flags: [String: Bool]
        let nested: [Profile]
    }

    struct Empty: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    struct TwoKeyedCalls: Encodable {
        enum First: String, CodingKey { case b, a }
        enum Second: String, CodingKey { case c }
        func encode(to encoder: any Encoder) throws {
            var first = encoder.container(keyedBy: First.self)
            try first.encode(1, forKey: .b)
            try first.encode("x", forKey: .a)
            var second = encoder.container(keyedBy: Second.self)
            try second.encodeNil(forKey: .c)
        }
    }

    struct Nested: Encodable {
        enum Keys: String, CodingKey { case outer, list }
        enum Inner: String, CodingKey { case y, x }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var inner = container.nestedContainer(keyedBy: Inner.self, forKey: .outer)
            try inner.encode(2, forKey: .y)
            try inner.encode(1, forKey: .x)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode("a")
        }
    }

    struct RepeatedKey: Encodable {
        enum Keys: String, CodingKey { case b, a }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .b)
            try container.encode(2, forKey: .a)
            try container.encode(3, forKey: .b)
        }
    }

    class Base: Encodable {
        var base = 1
    }

    final class Derived: Base {
        var own = "o"
        enum Keys: String, CodingKey { case own }
        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try super.encode(to: container.superEncoder())
            try container.encode(own, forKey: .own)
        }
    }

    enum Status: String, Encodable { case active, ended }

    static let strings = [
        "", "plain", "q\"b\\s/", "line\nfeed\r\t\u{08}\u{0C}", "\u{01}\u{1F}\u{7F}", "é😀\u{2028}", "30F0EAD3-1C2B-4D5E-8F90-ABCDEF012345",
    ]
    static let numbers: [Double] = [0, -0.0, 1, 2.5, 0.1, 1e-7, 1e21, 123_456_789_012_345_678, 3e16, 1.0 / 3.0, 100, 1e16, -12_345.678]
    static let dates = [0, 1.9, -1.5, 1e10 + 0.999, 1_795_000_000.25].map(Date.init(timeIntervalSince1970:))

    @Test("writes what Foundation writes, for values of every shape")
    func sameBytes() throws {
        let profile = Profile(
            zeta: "z/", alpha: nil, middle: Self.numbers, created: Self.dates[4],
            id: UUID(uuidString: "30F0EAD3-1C2B-4D5E-8F90-ABCDEF012345")!, link: URL(string: "https://a.example/b?c=1")!,
            blob: Data([0, 1, 2, 250]), flags: ["b": true, "A": false, "_": true, "a_b": false, "a1": true, "é": false],
            nested: [])
        let withChild = Profile(
            zeta: "", alpha: 7, middle: [], created: Self.dates[0], id: UUID(), link: URL(string: "file:///x")!,
            blob: Data(), flags: [:], nested: [profile, profile])
        try expectSame(profile)
        try expectSame(withChild)
        try expectSame(Self.strings)
        try expectSame(Self.numbers)
        try expectSame([Float(1.1), Float(0.1), Float(-3)])
        try expectSame(Self.dates)
        try expectSame([Int.min, Int.max, 0, -1])
        try expectSame([UInt64.max])
        try expectSame([Int8(-3)])
        try expectSame([[Empty()], []])
        try expectSame(["k": [String: Int](), "j": ["x": 1]])
        try expectSame([1: "one", 10: "ten", 2: "two"])
        try expectSame([Status.active, .ended])
        try expectSame("top-level string")
        try expectSame(42)
        try expectSame(Optional<Int>.none)
        try expectSame(TwoKeyedCalls())
    }

    @Test("leaves nested and super encoders, decimals and empty top-level values to Foundation")
    func handedToFoundation() throws {
        try expectSame(Nested(), fallsBack: true)
        try expectSame(Derived(), fallsBack: true)
        try expectSame(RepeatedKey(), fallsBack: true)
        try expectSame([Decimal(string: "12.50")!], fallsBack: true)
        try expectSame([Date(timeIntervalSince1970: -70_000_000_000)], fallsBack: true)
        #expect(throws: (any Error).self) { try JSONBytesEncoder.encode(Empty()) }
        #expect(throws: (any Error).self) { try JSONBytesEncoder.encode([Double.nan]) }
        #expect(throws: (any Error).self) { try JSONBytesEncoder.encode(["x": Double.infinity]) }
    }

    @Test("random trees: the same bytes as Foundation")
    func randomTrees() throws {
        var random = SeededGenerator(seed: 0x5EED)
        for _ in 0..<400 {
            try expectSame(Tree.random(depth: 4, using: &random))
        }
    }

    // MARK: - Support

    /// Expects the same bytes as Foundation and, unless `fallsBack`, that the writer wrote them itself.
    private func expectSame<T: Encodable>(
        _ value: T, fallsBack: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let writer = JSONByteWriter()
        let handled = (try? writer.write(value)) != nil && (try? writer.checkSupported()) != nil
        #expect(handled == !fallsBack, sourceLocation: sourceLocation)
        // UUIDs: this writer prints them in lowercase, Foundation in uppercase; the API lower-cases both.
        var ours = try JSONBytesEncoder.encode(value)
        var foundations = [UInt8](try JSONBytesEncoder.foundationEncoder().encode(value))
        APIResponseEncoder.lowercaseUUIDs(&ours)
        APIResponseEncoder.lowercaseUUIDs(&foundations)
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: foundations, as: UTF8.self),
                sourceLocation: sourceLocation)
    }
}

/// A JSON-like value of random shape.
private indirect enum Tree: Encodable {
    case object([String: Tree])
    case array([Tree])
    case string(String)
    case integer(Int)
    case number(Double)
    case flag(Bool)
    case null

    static func random(depth: Int, using generator: inout SeededGenerator) -> Tree {
        let pick = Int.random(in: 0..<(depth > 0 ? 7 : 5), using: &generator)
        switch pick {
        case 0: return .string(randomString(using: &generator))
        case 1: return .integer(Int.random(in: -1_000_000...1_000_000, using: &generator))
        case 2: return .number(Double.random(in: -1e6...1e6, using: &generator) * pow(10, Double(Int.random(in: -12...12, using: &generator))))
        case 3: return .flag(Bool.random(using: &generator))
        case 4: return .null
        case 5:
            var members: [String: Tree] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                members[randomString(using: &generator)] = random(depth: depth - 1, using: &generator)
            }
            return .object(members)
        default:
            return .array((0..<Int.random(in: 0...5, using: &generator)).map { _ in random(depth: depth - 1, using: &generator) })
        }
    }

    static func randomString(using generator: inout SeededGenerator) -> String {
        let alphabet = Array("aAzZ_-09 /\\\"\n\t\u{01}é😀")
        return String((0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members): try members.encode(to: encoder)
        case .array(let elements): try elements.encode(to: encoder)
        case .string(let value): try value.encode(to: encoder)
        case .integer(let value): try value.encode(to: encoder)
        case .number(let value): try value.encode(to: encoder)
        case .flag(let value): try value.encode(to: encoder)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }
}

/// A deterministic random number generator (SplitMix64), so that a failure can be replayed.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
