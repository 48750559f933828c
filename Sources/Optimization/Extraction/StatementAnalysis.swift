import Foundation

/// What the parser (or, failing that, a best-effort reading of the text) says about one statement.
struct StatementAnalysis {
    var statementType: String
    var tables: [String]
    var fingerprint: String?
    var sql: String
    var dynamic: Bool
    var parseError: String?
    /// The statement's parse tree when it parses.
    var tree: ParseTree?
    /// Text handed to the parser (placeholders normalised).
    var parseText: String
    /// Lines between the start of the analysed text and this statement.
    var lineOffset: Int
}

/// Parses statement text with libpg_query and derives the reported fields.
enum StatementAnalyzer {
    /// Analyses `text` (a literal's decoded text with hole markers); one result per statement.
    static func analyze(_ text: [UInt8], formatted: Bool, concatenated: Bool) -> [StatementAnalysis] {
        var firstAttempt: (PlaceholderNormalizer.Output, PgQueryError)?
        for mode in PlaceholderNormalizer.HoleMode.allCases {
            let output = PlaceholderNormalizer(formatted: formatted, mode: mode).normalize(text)
            let dynamic = output.dynamic || concatenated
            do {
                let tree = try PgQuery.parse(output.parseText)
                return statements(of: tree, output: output, dynamic: dynamic)
            } catch {
                if firstAttempt == nil { firstAttempt = (output, error) }
                if !output.usedHoleMode { break }
            }
        }
        guard let (output, error) = firstAttempt else { return [] }
        return [unparsed(output, error: error, dynamic: output.dynamic || concatenated)]
    }

    // MARK: - Parsed statements

    private static func statements(of tree: ParseTree, output: PlaceholderNormalizer.Output,
                                   dynamic: Bool) -> [StatementAnalysis] {
        let entries = tree.root["stmts"]?.arrayValue ?? []
        guard entries.count > 1 else {
            return [analysis(tree: tree, parseText: output.parseText, display: output.displayText,
                             dynamic: dynamic, lineOffset: 0)]
        }
        let utf8 = Array(output.parseText.utf8)
        return entries.map { entry in
            let start = min(entry["stmt_location"]?.intValue ?? 0, utf8.count)
            let length = entry["stmt_len"]?.intValue ?? 0
            let end = length == 0 ? utf8.count : min(start + length, utf8.count)
            let text = String(decoding: utf8[start..<end], as: UTF8.self)
            let lineOffset = utf8[..<start].reduce(0) { $0 + ($1 == ASCII.newline ? 1 : 0) }
                + leadingNewlines(text)
            let single = ParseTree(root: .object([JSONMember("stmts", .array([entry]))]))
            return analysis(tree: single, parseText: text, display: text, dynamic: dynamic,
                            lineOffset: lineOffset)
        }
    }

    private static func analysis(tree: ParseTree, parseText: String, display: String, dynamic: Bool,
                                 lineOffset: Int) -> StatementAnalysis {
        let tables = tree.tables.filter { !$0.contains(PlaceholderNormalizer.holeIdentifierPrefix) }
        let fingerprint = try? PgQuery.fingerprint(parseText)
        let sql: String
        if dynamic {
            sql = display
        } else {
            sql = (try? PgQuery.normalize(parseText)) ?? parseText
        }
        return StatementAnalysis(statementType: tree.statementKind ?? "unknown", tables: tables,
                                 fingerprint: fingerprint, sql: collapse(sql), dynamic: dynamic, parseError: nil,
                                 tree: tree, parseText: parseText, lineOffset: lineOffset)
    }

    // MARK: - Unparsed statements

    private static func unparsed(_ output: PlaceholderNormalizer.Output, error: PgQueryError,
                                 dynamic: Bool) -> StatementAnalysis {
        let words = LooseSQLReader.words(of: output.parseText)
        return StatementAnalysis(statementType: LooseSQLReader.statementType(words), tables: LooseSQLReader.tables(words),
                                 fingerprint: nil, sql: collapse(output.displayText), dynamic: dynamic,
                                 parseError: error.description, tree: nil, parseText: output.parseText,
                                 lineOffset: leadingNewlines(output.parseText))
    }

    // MARK: - Helpers

    private static func leadingNewlines(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 {
            if byte == ASCII.newline { count += 1 } else if byte != ASCII.space && byte != ASCII.tab
                && byte != ASCII.carriageReturn { break }
        }
        return count
    }

    /// Collapses runs of blanks and line breaks to single spaces, outside of quotes.
    static func collapse(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var quote: UInt8 = 0
        var pendingSpace = false
        for byte in text.utf8 {
            if quote != 0 {
                output.append(byte)
                if byte == quote { quote = 0 }
                continue
            }
            if byte == ASCII.space || byte == ASCII.tab || byte == ASCII.newline || byte == ASCII.carriageReturn {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace { output.append(ASCII.space) }
            pendingSpace = false
            if byte == ASCII.singleQuote || byte == ASCII.doubleQuote { quote = byte }
            output.append(byte)
        }
        return String(decoding: output, as: UTF8.self)
    }
}
