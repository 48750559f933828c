import Foundation
import PgQuery
import SourceLexing
import SQLScripts
import SQLText

/// What the parser (or, failing that, a best-effort reading of the text) says about one statement.
///
/// A class: analyses are kept in the cache and handed from the analyzer to the findings, and
/// copying a struct of this many strings costs a retain and a release for each of them.
final class StatementAnalysis {
    let statementType: String
    let tables: [String]
    /// The libpg_query fingerprint (the number its hex digits spell).
    let fingerprint: UInt64?
    let sql: String
    let dynamic: Bool
    let parseError: String?
    /// What the parser says about the statement when it parses.
    let parsed: ParsedFacts?
    /// Text handed to the parser (placeholders normalised).
    let parseText: String
    /// Lines between the start of the analysed text and this statement.
    let lineOffset: Int
    /// A piece of SQL handed to an ORM, not a statement.
    let fragment: Bool

    init(statementType: String, tables: [String], fingerprint: UInt64?, sql: String, dynamic: Bool,
         parseError: String?, parsed: ParsedFacts?, parseText: String, lineOffset: Int, fragment: Bool = false) {
        self.statementType = statementType
        self.tables = tables
        self.fingerprint = fingerprint
        self.sql = sql
        self.dynamic = dynamic
        self.parseError = parseError
        self.parsed = parsed
        self.parseText = parseText
        self.lineOffset = lineOffset
        self.fragment = fragment
    }
}

/// Parses statement text with libpg_query and derives the reported fields.
enum StatementAnalyzer {
    /// Analyses `text` (a literal's decoded text with hole markers); one result per statement.
    ///
    /// Returns nothing, without parsing, when the classifier is certain to reject the text in
    /// `role` (the default, ``CallContext/Role/entryPoint``, never skips). The first hole mode
    /// (parameters) adds the most SQL punctuation, so when its text is rejected so are the others.
    /// Text that does not parse is cut into its statements unless `splittingScripts` is false (a
    /// T-SQL routine, whose body's `;` do not end it).
    static func analyze(_ text: [UInt8], formatted: Bool, concatenated: Bool,
                        role: CallContext.Role = .entryPoint, splittingScripts: Bool = true) -> [StatementAnalysis] {
        if role == .neutral, isPlainProse(text) { return [] }
        var text = text
        var concatenated = concatenated
        if text.first == ASCII.openBrace, let call = JDBCEscape.rewrite(text) { text = call }
        if text.contains(ASCII.less), let stripped = MyBatisScript.strip(text) {
            text = stripped.text
            concatenated = concatenated || stripped.dynamic
        }
        var firstAttempt: (PlaceholderNormalizer.Output, PgQueryError)?
        for mode in PlaceholderNormalizer.HoleMode.allCases {
            let output = PlaceholderNormalizer(formatted: formatted, mode: mode).normalize(text)
            if firstAttempt == nil, SQLClassifier.rejectsWithoutParsing(output.parseText, role: role) { return [] }
            let dynamic = output.dynamic || concatenated
            do {
                let summary = try PgQuery.summarize(output.parseText, normalizing: !dynamic)
                return statements(of: summary, output: output, dynamic: dynamic)
            } catch {
                if firstAttempt == nil { firstAttempt = (output, error) }
                if !output.usedHoleMode { break }
            }
        }
        guard let (output, error) = firstAttempt else { return [] }
        // `ALTER TABLE %(table)s DROP COLUMN %(column)s` (Django's schema templates): `%s` holes
        // where no parameter may stand are format holes when the text parses with them so.
        if !formatted, TextSignals.hasPercentHole(text) {
            let asFormat = analyze(text, formatted: true, concatenated: concatenated, role: role)
            if !asFormat.isEmpty, asFormat.allSatisfy({ $0.parseError == nil }) { return asFormat }
        }
        let dynamic = output.dynamic || concatenated
        if splittingScripts {
            // A T-SQL batch need not end its statements with `;`: it is also cut at the lines that
            // open them, each statement dynamic only when a run-time piece is in it. Pieces are read as
            // stand-in names, to tell and to show them.
            let tsql = TSQLStatements.isBatch(text)
            let source = tsql || output.dynamic ? PlaceholderNormalizer(formatted: formatted, mode: .identifier).normalize(text) : output
            var utf8 = Array(source.parseText.utf8)
            var pieces = [0..<utf8.count]
            if utf8.contains(UInt8(ascii: ";")), let cut = try? PgQuery.split(utf8: &utf8, usingParser: false), cut.count > 1 {
                pieces = cut
            }
            if tsql { pieces = pieces.flatMap { TSQLStatements.split(utf8, in: $0) ?? [$0] } }
            if pieces.count > 1 {
                return split(pieces, of: utf8, dynamic: tsql ? concatenated : dynamic, piecesAreDynamic: tsql && source.dynamic)
            }
        }
        return [unparsed(output, error: error, dynamic: dynamic)]
    }

    /// A literal holding several statements that do not parse together (another dialect in one of
    /// them, a MySQL/SQLite schema): each statement is analysed on its own, on its own line. With
    /// `piecesAreDynamic`, a statement is dynamic when it holds a stand-in name of a piece.
    private static func split(_ pieces: [Range<Int>], of utf8: [UInt8], dynamic literalIsDynamic: Bool,
                              piecesAreDynamic: Bool = false) -> [StatementAnalysis] {
        // The `;` of a SQLite or MySQL trigger's body do not end it.
        let ranges = RoutineBodies.joined(pieces, in: utf8).ranges
        var results: [StatementAnalysis] = []
        for (index, range) in ranges.enumerated() {
            var piece = String(decoding: utf8[range], as: UTF8.self)
            let trimmed = piece.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !ScriptRanges.isOnlyComments(trimmed) else { continue }
            let leading = ScriptRanges.leadingLines(piece)
            let lineOffset = index == 0 && results.isEmpty ? 0
                : utf8[..<range.lowerBound].reduce(0) { $0 + ($1 == ASCII.newline ? 1 : 0) } + leading
            // The comment that ended the line of the `;` before (`; -- expect: …`) is no part of
            // this statement: its words would be read as the statement's.
            if leading > 0, let code = piece.utf8.split(separator: ASCII.newline, maxSplits: leading,
                                                        omittingEmptySubsequences: false).last {
                piece = String(Substring(code))
            }
            let dynamic = literalIsDynamic || piecesAreDynamic && PlaceholderNormalizer.isHoleIdentifier(piece)
            let display = dynamic ? PlaceholderNormalizer.display(ofParseText: piece) : piece
            let output = PlaceholderNormalizer.Output(parseText: piece, displayText: display, dynamic: dynamic,
                                                      usedHoleMode: false)
            do {
                let summary = try PgQuery.summarize(piece, normalizing: !dynamic)
                guard let statement = summary.statements.first else { continue }
                results.append(analysis(statement, parseText: piece, display: display, dynamic: dynamic,
                                        lineOffset: lineOffset, fingerprint: summary.fingerprintHash,
                                        normalized: summary.normalized))
            } catch {
                results.append(unparsed(output, error: error, dynamic: dynamic, lineOffset: lineOffset))
            }
        }
        return results
    }

    /// Whether `text` is prose the classifier rejects in a neutral place however it is read: its
    /// keyword in title case, no SQL punctuation, and nothing the normaliser would rewrite
    /// ("Update your profile", "Select a file"). Judged on the bytes, before normalising.
    private static func isPlainProse(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { bytes in
            TextSignals.leadingKeywordCase(bytes) == .other && !TextSignals.hasSQLPunctuation(bytes)
                && !bytes.contains { byte in
                    switch byte {
                    case HoleMarker.dynamic, HoleMarker.parameter, UInt8(ascii: "?"), ASCII.percent, UInt8(ascii: ":"),
                         ASCII.at, ASCII.dollar, ASCII.openBrace, ASCII.hash, UInt8(ascii: ";"), ASCII.less: true
                    default: false
                    }
                }
        }
    }

    // MARK: - Parsed statements

    private static func statements(of summary: consuming ParseSummary, output: PlaceholderNormalizer.Output,
                                   dynamic: Bool) -> [StatementAnalysis] {
        guard summary.statements.count > 1 else {
            // Moved out of the summary, not copied: a statement holds several lists of names.
            let statement = summary.statements.popLast()
            return [analysis(statement, parseText: output.parseText, display: output.displayText,
                             dynamic: dynamic, lineOffset: 0, fingerprint: summary.fingerprintHash,
                             normalized: summary.normalized, standIns: output.usedHoleMode)]
        }
        let utf8 = Array(output.parseText.utf8)
        return summary.statements.enumerated().map { index, statement in
            let start = min(statement.location, utf8.count)
            let end = statement.length == 0 ? utf8.count : min(start + statement.length, utf8.count)
            let text = String(decoding: utf8[start..<end], as: UTF8.self)
            let lineOffset = index == 0 ? 0 : utf8[..<start].reduce(0) { $0 + ($1 == ASCII.newline ? 1 : 0) }
                + ScriptRanges.leadingLines(text)
            return analysis(statement, parseText: text,
                            display: dynamic ? PlaceholderNormalizer.display(ofParseText: text) : text,
                            dynamic: dynamic, lineOffset: lineOffset)
        }
    }

    /// The fields of a parsed statement. `pg_query_normalize` is only called when the statement
    /// has something for it to replace; otherwise its output would be the input. `fingerprint` and
    /// `normalized`, when known, are those of `parseText` (worked out when it was parsed).
    private static func analysis(_ statement: ParseSummary.Statement?, parseText: String, display: String,
                                 dynamic: Bool, lineOffset: Int, fingerprint known: UInt64? = nil,
                                 normalized: String? = nil, standIns: Bool = false) -> StatementAnalysis {
        var tables = statement?.tables ?? []
        if tables.contains(where: PlaceholderNormalizer.isHoleIdentifier) {
            tables.removeAll(where: PlaceholderNormalizer.isHoleIdentifier)
        }
        let fingerprint = known ?? (try? PgQuery.fingerprintHash(parseText))
        var sql: String
        if dynamic || statement?.mayHaveConstants == false {
            sql = dynamic ? display : parseText
        } else {
            sql = normalized ?? (try? PgQuery.normalize(parseText)) ?? parseText
        }
        // A name a template tool binds (`FROM {{ ref('orders') }}`, knex's `FROM ??`) was parsed as a
        // stand-in name, which is not shown.
        if standIns, !dynamic { sql = PlaceholderNormalizer.showingBoundNames(sql) }
        return StatementAnalysis(statementType: statement?.kind ?? "unknown", tables: tables,
                                 fingerprint: fingerprint, sql: collapse(sql), dynamic: dynamic, parseError: nil,
                                 parsed: statement.map(ParsedFacts.init), parseText: parseText, lineOffset: lineOffset)
    }

    // MARK: - Unparsed statements

    private static func unparsed(_ output: PlaceholderNormalizer.Output, error: PgQueryError,
                                 dynamic: Bool, lineOffset: Int = 0) -> StatementAnalysis {
        let words = LooseSQLReader.words(of: output.parseText)
        let tables = LooseSQLReader.tables(words).filter { !PlaceholderNormalizer.isHoleIdentifier($0) }
        return StatementAnalysis(statementType: LooseSQLReader.statementType(words), tables: tables,
                                 fingerprint: nil, sql: collapse(output.displayText), dynamic: dynamic,
                                 parseError: error.description, parsed: nil, parseText: output.parseText,
                                 lineOffset: lineOffset)
    }

    // MARK: - Helpers

    /// Collapses runs of blanks and line breaks to single spaces and drops `--` comments (which
    /// would swallow the rest of a one-line statement), outside of quotes.
    static func collapse(_ text: String) -> String {
        if isCollapsed(text) { return text }
        // Only ASCII bytes are dropped and a run of blanks becomes one space: never longer.
        return text.withUTF8Bytes { input in
            String(unsafeUninitializedCapacity: input.count) { output in
                var count = 0
                var quote: UInt8 = 0
                var pendingSpace = false
                var inComment = false
                var previous: UInt8 = 0
                for byte in input {
                    defer { previous = byte }
                    if inComment {
                        if byte == ASCII.newline {
                            inComment = false
                            pendingSpace = count > 0
                        }
                        continue
                    }
                    if quote != 0 {
                        output[count] = byte
                        count += 1
                        if byte == quote { quote = 0 }
                        continue
                    }
                    if byte == ASCII.minus, previous == ASCII.minus, count > 0, output[count - 1] == ASCII.minus {
                        count -= 1
                        while count > 0, output[count - 1] == ASCII.space { count -= 1 }
                        inComment = true
                        continue
                    }
                    if byte == ASCII.space || byte == ASCII.tab || byte == ASCII.newline || byte == ASCII.carriageReturn {
                        pendingSpace = count > 0
                        continue
                    }
                    if pendingSpace {
                        output[count] = ASCII.space
                        count += 1
                    }
                    pendingSpace = false
                    if byte == ASCII.singleQuote || byte == ASCII.doubleQuote { quote = byte }
                    output[count] = byte
                    count += 1
                }
                return count
            }
        }
    }

    /// Whether ``collapse(_:)`` would return `text` unchanged: single spaces only, none at the ends.
    private static func isCollapsed(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            var previousBlank = true
            var index = 0
            // Eight bytes at a time while they hold no control byte and no `-`: only spaces count.
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index + 8 <= bytes.count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    guard ASCII.bytesBelow(0x20, in: word) | ASCII.zeroBytes(word ^ ASCII.repeated(ASCII.minus)) == 0
                    else { break }
                    let spaces = ASCII.zeroBytes(word ^ ASCII.repeated(ASCII.space))
                    if spaces & (spaces >> 8) != 0 || (previousBlank && spaces & 0x80 != 0) { return false }
                    previousBlank = spaces >> 63 != 0
                    index += 8
                }
            }
            var previous: UInt8 = index > 0 ? bytes[index - 1] : 0
            for byte in UnsafeBufferPointer(rebasing: bytes[index...]) {
                switch byte {
                case ASCII.tab, ASCII.newline, ASCII.carriageReturn:
                    return false
                case ASCII.minus where previous == ASCII.minus:
                    return false
                case ASCII.space:
                    if previousBlank { return false }
                    previousBlank = true
                default:
                    previousBlank = false
                }
                previous = byte
            }
            return !previousBlank || bytes.isEmpty
        }
    }
}
