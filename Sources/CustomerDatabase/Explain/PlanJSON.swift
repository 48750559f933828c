import Foundation

/// Any JSON value, decoded and re-encoded faithfully: how an `EXPLAIN (FORMAT JSON)` plan is
/// returned to clients and kept in history.
public enum PlanJSON: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([PlanJSON])
    case object([String: PlanJSON])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([PlanJSON].self) { self = .array(value) }
        else { self = .object(try container.decode([String: PlanJSON].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The member `key` of an object.
    public subscript(key: String) -> PlanJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// A number as a Double.
    public var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// A string's text.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// An array's elements (empty otherwise).
    public var elements: [PlanJSON] {
        if case .array(let value) = self { return value }
        return []
    }
}
