import CPgQuery

/// Computes libpg_query's fingerprint (version 3, as `pg_query_fingerprint_node` does) of the tree
/// `pg_query_raw_parse` returns, when it is made only of the nodes ``RawTreeReader`` knows;
/// otherwise it answers `nil` and the caller asks the library.
///
/// libpg_query feeds an XXH3 state (seed 3) with strings while it walks the tree: each node's
/// name, then its fields in the order of their names, each scalar as its name and value when it
/// is not zero, each node-valued field as its name and what the child writes, the name dropped
/// when the child writes nothing (it copies the hash state before every such field to find
/// out, most of its time). This writes the same strings into one buffer and hashes it once:
/// a field whose child wrote nothing is cut off again. The items of a list held by a field named
/// `fromClause`, `targetList`, `cols`, `rexpr`, `valuesLists` or `args` are hashed apart and
/// written in the order of their hashes, once each. Constants, parameters, aliases and locations
/// count for nothing; nodes 100 levels down neither.
struct RawTreeFingerprinter: ~Copyable {
    typealias Tag = RawTreeReader.Tag

    /// How the field a node hangs from changes what libpg_query writes for it: the items of a
    /// list in a sorted field are written in hash order without repeats, and a target of a
    /// SELECT's own target list leaves its name out. A list passes its field on to its items.
    enum Field {
        case plain
        case sorted
        case selectTargetList
    }

    /// A list item written in a sorted field: its bytes and their hash.
    private struct SortedItem {
        var hash: UInt64
        var range: Range<Int>
    }

    /// The depth at which libpg_query stops walking.
    private static let maximumDepth = 100

    private var output = FingerprintBuffer()
    private let tags = RawTreeReader.TagTable.shared
    /// Set on meeting a node or value the fingerprinter does not know.
    private var unsupported = false

    // MARK: - Trees

    /// The fingerprint of a parsed script (`tree` is the List of RawStmt), or `nil` when it holds
    /// a node the fingerprinter does not know.
    static func fingerprint(_ tree: UnsafeRawPointer) -> UInt64? {
        var fingerprinter = RawTreeFingerprinter()
        fingerprinter.visit(tree, depth: 0, in: .plain)
        return fingerprinter.unsupported ? nil : fingerprinter.output.hash
    }

    /// Writes a node: nothing for the nodes libpg_query ignores, else its name and fields.
    private mutating func visit(_ node: UnsafeRawPointer?, depth: Int, in field: Field) {
        guard let node, depth < Self.maximumDepth, !unsupported else { return }
        guard let tag = self.tag(node) else {
            unsupported = true
            return
        }
        switch tag {
        case .list:
            if field == .plain {
                let list = node.assumingMemoryBound(to: PgList.self).pointee
                for index in 0..<Int(list.length) {
                    visit(UnsafeRawPointer(list.elements[index]), depth: depth + 1, in: field)
                }
            } else {
                writeSorted(node, depth: depth, in: field)
            }
        case .integer, .float, .boolean, .string, .bitString:
            writeValue(node, tag)
        case .aConst, .paramRef, .alias, .setToDefault:
            return
        default:
            // A constant or parameter cast to a type counts for nothing, like the constant itself.
            if tag == .typeCast, let argument = node.assumingMemoryBound(to: PgTypeCast.self).pointee.arg,
               let kind = self.tag(UnsafeRawPointer(argument)), kind == .aConst || kind == .paramRef {
                return
            }
            output.append(tag.name)
            writeFields(of: node, tag, depth: depth, in: field)
        }
    }

    /// A list in a sorted field: each item is written, then they are put in the order of their
    /// hashes, each hash once.
    private mutating func writeSorted(_ list: UnsafeRawPointer, depth: Int, in field: Field) {
        let value = list.assumingMemoryBound(to: PgList.self).pointee
        guard value.length > 1 else {
            if value.length == 1 { visit(UnsafeRawPointer(value.elements[0]), depth: depth + 1, in: field) }
            return
        }
        let start = output.count
        // The items live in the parse's memory context, like the output (freed with the tree).
        let count = Int(value.length)
        let items = UnsafeMutableBufferPointer(
            start: palloc(count * MemoryLayout<SortedItem>.stride).bindMemory(to: SortedItem.self, capacity: count),
            count: count)
        for index in 0..<count {
            let itemStart = output.count
            visit(UnsafeRawPointer(value.elements[index]), depth: depth + 1, in: field)
            let range = itemStart..<output.count
            items.initializeElement(at: index, to: SortedItem(hash: output.hash(range), range: range))
        }
        var sorted = items
        sorted.sort { $0.hash < $1.hash }
        var kept = 1
        for index in 1..<count where items[index].hash != items[kept - 1].hash {
            items[kept] = items[index]
            kept += 1
        }
        output.rewrite(from: start, keeping: items[..<kept].lazy.map(\.range))
    }

    /// The fields of a node libpg_query writes, in its order (that of their names).
    private mutating func writeFields(of node: UnsafeRawPointer, _ tag: Tag, depth: Int, in field: Field) {
        switch tag {
        case .rawStmt, .selectStmt, .insertStmt, .updateStmt, .deleteStmt, .intoClause, .withClause, .commonTableExpr,
             .onConflictClause, .inferClause, .lockingClause:
            writeStatementFields(of: node, tag, depth: depth)
        case .rangeVar, .joinExpr, .rangeSubselect, .rangeFunction, .sortBy, .windowDef, .groupingSet:
            writeSourceFields(of: node, tag, depth: depth)
        case .createStmt, .indexStmt, .columnDef, .constraint, .indexElem, .typeName, .collateClause:
            writeDefinitionFields(of: node, tag, depth: depth)
        default:
            writeExpressionFields(of: node, tag, depth: depth, in: field)
        }
    }

    /// Integer, Float, Boolean, String and BitString, as libpg_query 14 spelt them.
    private mutating func writeValue(_ node: UnsafeRawPointer, _ tag: Tag) {
        switch tag {
        case .integer:
            let value = node.assumingMemoryBound(to: PgInteger.self).pointee.ival
            guard value != 0 else { return }
            output.append("Integer")
            output.append("ival")
            output.append(decimal: value)
        case .float:
            guard let value = node.assumingMemoryBound(to: PgFloat.self).pointee.fval else { return }
            output.append("Float")
            output.append("str")
            output.append(cString: value)
        case .boolean:
            output.append("Boolean")
            output.append("boolval")
            output.append(node.assumingMemoryBound(to: PgBoolean.self).pointee.boolval ? "true" : "false")
        case .string:
            guard let value = node.assumingMemoryBound(to: PgString.self).pointee.sval else {
                unsupported = true
                return
            }
            output.append("String")
            output.append("str")
            output.append(cString: value)
        default:
            guard let value = node.assumingMemoryBound(to: PgBitString.self).pointee.bsval else { return }
            output.append("BitString")
            output.append("str")
            output.append(cString: value)
        }
    }

    // MARK: - Fields

    /// A node-valued field: its name and the node, or nothing when the node writes nothing.
    mutating func child<Pointee>(_ name: StaticString, _ pointer: UnsafeMutablePointer<Pointee>?, depth: Int,
                                in field: Field = .plain) {
        guard let pointer else { return }
        let mark = output.count
        output.append(name)
        let start = output.count
        visit(UnsafeRawPointer(pointer), depth: depth + 1, in: field)
        if output.count == start { output.truncate(to: mark) }
    }

    /// A List-valued field: as a node-valued one, except that a list of one empty item keeps its
    /// name (`SELECT DISTINCT` is not `SELECT`).
    mutating func list(_ name: StaticString, _ list: UnsafeMutablePointer<PgList>?, depth: Int,
                       in field: Field = .plain) {
        guard let list else { return }
        let mark = output.count
        output.append(name)
        let start = output.count
        visit(UnsafeRawPointer(list), depth: depth + 1, in: field)
        let value = list.pointee
        if output.count == start, !(value.length == 1 && value.elements[0] == nil) { output.truncate(to: mark) }
    }

    /// A field whose C type is a particular node: libpg_query writes its fields without its name
    /// (nor a depth check).
    mutating func typed<Pointee>(_ name: StaticString, _ pointer: UnsafeMutablePointer<Pointee>?, _ tag: Tag,
                                 depth: Int) {
        guard let pointer else { return }
        let mark = output.count
        output.append(name)
        let start = output.count
        writeFields(of: UnsafeRawPointer(pointer), tag, depth: depth + 1, in: .plain)
        if output.count == start { output.truncate(to: mark) }
    }

    /// A field of a node type the fingerprinter does not write (set only outside everyday SQL).
    mutating func unknown<Pointee>(_ pointer: UnsafeMutablePointer<Pointee>?) {
        if pointer != nil { unsupported = true }
    }

    /// A `char *` field, when set.
    mutating func string(_ name: StaticString, _ value: UnsafeMutablePointer<CChar>?) {
        guard let value else { return }
        output.append(name)
        output.append(cString: value)
    }

    /// A `bool` field, when true.
    mutating func flag(_ name: StaticString, _ value: Bool) {
        guard value else { return }
        output.append(name)
        output.append("true")
    }

    /// An integer field (`int`, `Oid`, … written as `%d`), when not zero.
    mutating func number(_ name: StaticString, _ value: Int32) {
        guard value != 0 else { return }
        output.append(name)
        output.append(decimal: value)
    }

    mutating func number(_ name: StaticString, _ value: UInt32) {
        number(name, Int32(bitPattern: value))
    }

    /// A `char` field, when not NUL.
    mutating func character(_ name: StaticString, _ value: CChar) {
        guard value != 0 else { return }
        output.append(name)
        output.append(byte: UInt8(bitPattern: value))
    }

    /// An enum field, always: its name and the name of its value.
    mutating func enumeration(_ name: StaticString, _ value: Int32, _ names: [StaticString]) {
        guard value >= 0, Int(value) < names.count else {
            unsupported = true
            return
        }
        output.append(name)
        output.append(names[Int(value)])
    }

    /// Writes a bare name or value.
    mutating func write(_ text: StaticString) {
        output.append(text)
    }

    mutating func write(cString text: UnsafePointer<CChar>) {
        output.append(cString: text)
    }

    mutating func write(byte: UInt8) {
        output.append(byte: byte)
    }

    /// Gives up: the tree holds something the fingerprinter does not write.
    mutating func giveUp() {
        unsupported = true
    }

    // MARK: - Helpers

    /// The node's tag, when the fingerprinter knows it.
    private func tag(_ node: UnsafeRawPointer) -> Tag? {
        tags.tag(node)
    }
}
