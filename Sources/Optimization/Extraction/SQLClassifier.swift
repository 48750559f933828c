import Foundation

/// Decides whether a string that opens with a SQL keyword really is SQL, so that messages such as
/// "Select a file", "update your profile" or JPQL are not reported.
enum SQLClassifier {
    /// How the first keyword is written.
    enum KeywordCase { case upper, lower, other }

    private static let clauseWords: Set<String> = [
        "from", "where", "join", "values", "set", "group", "order", "limit", "returning", "into", "on",
        "having", "union", "conflict", "table", "index", "exists", "as", "and", "by", "offset",
    ]

    /// Whether the analysed statement should be reported.
    static func accepts(_ analysis: StatementAnalysis, role: CallContext.Role) -> Bool {
        guard role != .notSQL else { return false }
        let text = analysis.parseText
        let keywordCase = leadingKeywordCase(text)
        if let tree = analysis.tree, looksLikeJPQL(tree) { return false }
        var strength = keywordCase == .upper ? 2 : (keywordCase == .lower ? 1 : 0)
        if role == .sqlNamed { strength += 1 }
        if role == .entryPoint { strength += 2 }
        if let tree = analysis.tree {
            guard hasSQLStructure(tree) else { return role == .entryPoint && keywordCase != .other }
            if strength >= 2 { return true }
            let clauses = clauseCount(text)
            return strength == 1 ? (hasSQLPunctuation(text) || clauses >= 3) : (hasSQLPunctuation(text) && clauses >= 2)
        }
        if role == .entryPoint { return keywordCase != .other || clauseCount(text) >= 2 }
        guard strength >= 2, !endsLikeSentence(text) else { return false }
        return clauseCount(text) >= 2 && hasSQLPunctuation(text)
    }

    // MARK: - Signals

    static func leadingKeywordCase(_ text: String) -> KeywordCase {
        var sawUpper = false
        var sawLower = false
        var started = false
        for byte in text.utf8 {
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if !isLetter {
                if started { break }
                continue
            }
            started = true
            if byte & 0x20 == 0 { sawUpper = true } else { sawLower = true }
        }
        if sawUpper && !sawLower { return .upper }
        if sawLower && !sawUpper { return .lower }
        return .other
    }

    private static func clauseCount(_ text: String) -> Int {
        Set(LooseSQLReader.words(of: text).dropFirst().filter(clauseWords.contains)).count
    }

    private static func hasSQLPunctuation(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case ASCII.star, UInt8(ascii: "="), ASCII.openParen, UInt8(ascii: ","), ASCII.less, UInt8(ascii: ">"),
                 ASCII.singleQuote, ASCII.backtick:
                return true
            case _ where previous == ASCII.dollar && ASCII.isDigit(byte):
                return true
            default:
                previous = byte
            }
        }
        return false
    }

    private static func endsLikeSentence(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.last, ".!?:".contains(last) else { return false }
        let beforeLast = trimmed.dropLast().last
        return beforeLast?.isLetter ?? false
    }

    // MARK: - Tree shape

    /// A SELECT without FROM must compute something (`SELECT 1`, `SELECT now()`), not list bare
    /// words as "Select a file" would.
    private static func hasSQLStructure(_ tree: ParseTree) -> Bool {
        guard let statement = tree.statements.first else { return false }
        guard statement.nodeType == "SelectStmt" else { return true }
        let body = statement.body
        if body["fromClause"] != nil || body["withClause"] != nil || body["valuesLists"] != nil
            || body["larg"] != nil || body["intoClause"] != nil {
            return true
        }
        let targets = body["targetList"]?.arrayValue ?? []
        return targets.contains { target in
            guard let value = target["ResTarget"]?["val"] else { return false }
            return value["ColumnRef"] == nil
        }
    }

    /// JPQL/HQL selects an entity alias (`SELECT u FROM User u`) or joins through a path
    /// (`JOIN o.items i`); SQL almost never does either.
    static func looksLikeJPQL(_ tree: ParseTree) -> Bool {
        guard let statement = tree.statements.first, statement.nodeType == "SelectStmt" else { return false }
        var aliases = Set<String>()
        for node in statement.body.objects(containing: "relname") {
            if let alias = node["alias"]?["aliasname"]?.stringValue { aliases.insert(alias) }
        }
        guard !aliases.isEmpty else { return false }
        for node in statement.body.objects(containing: "relname") {
            if let schema = node["schemaname"]?.stringValue, aliases.contains(schema) { return true }
        }
        let targets = statement.body["targetList"] ?? .array([])
        for columnRef in targets.nodes(named: "ColumnRef") {
            let fields = columnRef["fields"]?.arrayValue ?? []
            if fields.count == 1, let name = ParseTree.stringNodeValue(fields[0]), aliases.contains(name) {
                return true
            }
        }
        return false
    }
}
