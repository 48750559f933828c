import Foundation

/// One member of a JSON object.
public struct JSONMember: Sendable, Equatable {
    /// The member's name.
    public let key: String
    /// The member's value.
    public let value: JSONValue

    /// Creates a member.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON document as a Swift enum, used to walk libpg_query parse trees. Objects keep their
/// members in document order (parse-tree objects are small, so lookups scan them).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    // MARK: - Accessors

    /// The value under `key` when this is an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    /// The string payload, if any.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The numeric payload as an integer, if any.
    public var intValue: Int? {
        if case .number(let value) = self { return Int(value) }
        return nil
    }

    /// The elements when this is an array, otherwise an empty array.
    public var arrayValue: [JSONValue] {
        if case .array(let elements) = self { return elements }
        return []
    }

    /// The members in document order when this is an object, otherwise an empty array.
    public var members: [JSONMember] {
        if case .object(let members) = self { return members }
        return []
    }

    // MARK: - Traversal

    /// Calls `visit` with every (key, value) member pair in the tree, depth first.
    public func walk(_ visit: (String, JSONValue) -> Void) {
        switch self {
        case .object(let members):
            for member in members {
                visit(member.key, member.value)
                member.value.walk(visit)
            }
        case .array(let elements):
            for element in elements { element.walk(visit) }
        default:
            break
        }
    }

    /// Every object anywhere in the tree (this one included) that has a member named `key`.
    public func objects(containing key: String) -> [JSONValue] {
        var found: [JSONValue] = []
        collectObjects(containing: key, into: &found)
        return found
    }

    private func collectObjects(containing key: String, into found: inout [JSONValue]) {
        switch self {
        case .object(let members):
            if members.contains(where: { $0.key == key }) { found.append(self) }
            for member in members { member.value.collectObjects(containing: key, into: &found) }
        case .array(let elements):
            for element in elements { element.collectObjects(containing: key, into: &found) }
        default:
            break
        }
    }

    /// Every value stored under a member named `key` anywhere in the tree (e.g. `"RangeVar"`).
    public func nodes(named key: String) -> [JSONValue] {
        var found: [JSONValue] = []
        walk { name, value in if name == key { found.append(value) } }
        return found
    }
}
