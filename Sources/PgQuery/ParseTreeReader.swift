import Foundation

/// Reads a ``ParseSummary`` from libpg_query's parse-tree JSON in a single pass.
///
/// Nothing is allocated per node: values are skipped in place, member names are compared as
/// bytes, and only the reported strings (relation names, aliases, CTE names, target columns) are
/// decoded. The walk keeps a small ``Context`` saying where it is (the statement's own fields,
/// its target list, a type name) and records what it learns about the current statement in
/// ``Facts``.
struct ParseTreeReader {
    typealias SyntaxError = JSONParser.SyntaxError

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var facts = Facts()

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: - Document

    /// Reads `{"version": …, "stmts": [{"stmt": {…}, "stmt_location": …, "stmt_len": …}, …]}`.
    mutating func read() throws(SyntaxError) -> ParseSummary {
        var statements: [ParseSummary.Statement] = []
        try open(JSONByte.openBrace)
        var first = true
        while try nextItem(&first, close: JSONByte.closeBrace) {
            let (key, _) = try readKey()
            guard key == .stmts else {
                try skipValue()
                continue
            }
            try open(JSONByte.openBracket)
            var firstStatement = true
            while try nextItem(&firstStatement, close: JSONByte.closeBracket) {
                statements.append(try readStatementEntry())
            }
        }
        return ParseSummary(statements: statements)
    }

    private mutating func readStatementEntry() throws(SyntaxError) -> ParseSummary.Statement {
        facts = Facts()
        var location = 0
        var length = 0
        var nodeType = ""
        try open(JSONByte.openBrace)
        var first = true
        while try nextItem(&first, close: JSONByte.closeBrace) {
            switch try readKey().key {
            case .stmt:
                try open(JSONByte.openBrace)
                var firstNode = true
                while try nextItem(&firstNode, close: JSONByte.closeBrace) {
                    let (_, name) = try readKey()
                    nodeType = decode(name)
                    var context = Context()
                    context.isStatementBody = true
                    try scanValue(context)
                }
            case .stmtLength: length = try readInt()
            case .stmtLocation: location = try readInt()
            default: try skipValue()
            }
        }
        return facts.statement(nodeType: nodeType, location: location, length: length, decode: decode)
    }

    // MARK: - Walk

    /// Where in the statement a value sits.
    private struct Context {
        /// The statement node's own fields (`fromClause`, `targetList`, …).
        var isStatementBody = false
        /// Anywhere inside the statement's own target list.
        var inTargetList = false
        /// Inside a type name, whose typmods `pg_query_normalize` leaves alone.
        var inTypeName = false
        /// The position within the target list, to see what each target computes.
        var targetRole = TargetRole.none
    }

    /// Steps from the statement's `targetList` down to each target's value.
    private enum TargetRole { case none, list, entry, resTarget, value }

    /// What an object tells its parent.
    private struct ObjectInfo {
        var relname: Range<Int>?
        var schemaname: Range<Int>?
        var aliasname: Range<Int>?
        /// The `aliasname` of the object's `alias` member.
        package var alias: Range<Int>?
        var sval: Range<Int>?
        /// The value of a `{"String": {"sval": …}}` node.
        var stringNode: Range<Int>?
        /// The only field of a `ColumnRef` when it is a plain name.
        var singleField: Range<Int>?
    }

    private mutating func scanValue(_ context: Context) throws(SyntaxError) {
        skipWhitespace()
        guard index < bytes.count else { throw SyntaxError(offset: index) }
        switch bytes[index] {
        case JSONByte.openBrace: _ = try scanObject(context)
        case JSONByte.openBracket: _ = try scanArray(context)
        case JSONByte.doubleQuote: _ = try readString()
        default: try skipScalar()
        }
    }

    private mutating func scanObject(_ context: Context) throws(SyntaxError) -> ObjectInfo {
        var info = ObjectInfo()
        try open(JSONByte.openBrace)
        var first = true
        var memberCount = 0
        while try nextItem(&first, close: JSONByte.closeBrace) {
            let (key, _) = try readKey()
            memberCount += 1
            // A target's value is a one-member node object; anything but a column reference computes.
            if context.targetRole == .value, key != .columnRef { facts.computesTarget = true }
            skipWhitespace()
            guard index < bytes.count else { throw SyntaxError(offset: index) }
            switch bytes[index] {
            case JSONByte.doubleQuote:
                let value = try readString()
                record(key, string: value, context, into: &info)
            case JSONByte.openBrace:
                let child = try scanObject(childContext(context, key: key))
                absorb(key, child: child, context, into: &info)
            case JSONByte.openBracket:
                let (count, firstString) = try scanArray(childContext(context, key: key))
                if key == .fields, count == 1 { info.singleField = firstString }
            default:
                try skipScalar()
            }
            noteKey(key, context)
        }
        if context.targetRole == .value, memberCount == 0 { facts.computesTarget = true }
        if let relname = info.relname {
            facts.relations.append((info.schemaname, relname, info.alias))
        }
        return info
    }

    /// Scans an array; returns its length and the value of its first element when that is a
    /// `String` node.
    private mutating func scanArray(_ context: Context) throws(SyntaxError) -> (count: Int, firstString: Range<Int>?) {
        var element = context
        element.isStatementBody = false
        element.targetRole = context.targetRole == .list ? .entry : .none
        var count = 0
        var firstString: Range<Int>?
        try open(JSONByte.openBracket)
        var first = true
        while try nextItem(&first, close: JSONByte.closeBracket) {
            skipWhitespace()
            if index < bytes.count, bytes[index] == JSONByte.openBrace {
                let info = try scanObject(element)
                if count == 0 { firstString = info.stringNode }
            } else {
                try scanValue(element)
            }
            count += 1
        }
        return (count, firstString)
    }

    // MARK: - Members

    private func childContext(_ context: Context, key: Key) -> Context {
        var child = context
        child.isStatementBody = false
        child.targetRole = .none
        switch key {
        case .targetList where context.isStatementBody:
            child.inTargetList = true
            child.targetRole = .list
        case .resTarget where context.targetRole == .entry:
            child.targetRole = .resTarget
        case .val where context.targetRole == .resTarget:
            child.targetRole = .value
        case .typeName, .typeNameNode:
            child.inTypeName = true
        default:
            break
        }
        return child
    }

    /// Learns from a member name alone (its value already read).
    private mutating func noteKey(_ key: Key, _ context: Context) {
        switch key {
        case .aConst, .defElem:
            if !context.inTypeName { facts.mayHaveConstants = true }
        case .fromClause, .withClause, .valuesLists, .larg, .intoClause:
            if context.isStatementBody {
                facts.selectHasSource = true
                if key == .withClause { facts.hasWithClause = true }
            }
        default:
            break
        }
    }

    private mutating func record(_ key: Key, string value: Range<Int>, _ context: Context, into info: inout ObjectInfo) {
        switch key {
        case .relname: info.relname = value
        case .schemaname: info.schemaname = value
        case .aliasname: info.aliasname = value
        case .sval: info.sval = value
        case .ctename: facts.cteNames.append(value)
        case .objtype where context.isStatementBody: facts.objtype = value
        default: break
        }
    }

    private mutating func absorb(_ key: Key, child: ObjectInfo, _ context: Context, into info: inout ObjectInfo) {
        switch key {
        case .alias: info.alias = child.aliasname
        case .string: info.stringNode = child.sval
        case .columnRef:
            if context.inTargetList, let name = child.singleField { facts.targetColumnNames.append(name) }
        default: break
        }
    }
}
