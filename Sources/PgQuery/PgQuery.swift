import CPgQuery
import Foundation
@_exported import JSONValues

/// Swift binding over libpg_query, the real PostgreSQL (15) parser.
///
/// Every buffer returned by the C library is freed before the call returns. libpg_query keeps
/// its memory contexts per thread, so the functions may be called from several threads at once.
public enum PgQuery {
    // MARK: - Parse

    /// Parses `sql` and returns its parse tree.
    /// - Throws: ``PgQueryError`` with the parser's message and cursor position.
    public static func parse(_ sql: String) throws(PgQueryError) -> ParseTree {
        let result = pg_query_parse(sql)
        defer { pg_query_free_parse_result(result) }
        if let error = result.error { throw makeError(error.pointee) }
        guard let tree = result.parse_tree else { return ParseTree(root: .object([])) }
        let count = strlen(tree)
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(tree).assumingMemoryBound(to: UInt8.self), count: count)
        do {
            return ParseTree(root: try JSONValue.parse(bytes))
        } catch {
            throw PgQueryError(message: "invalid parse tree JSON: \(error)", cursorPosition: 0)
        }
    }

    /// Parses `sql` once and reads what the scanner needs (statement kinds, tables, shape) straight
    /// from the parser's output (the tree itself for everyday queries, see ``RawTreeReader``; its
    /// JSON otherwise), without building a ``ParseTree``, together with the fingerprint
    /// of the whole text (what ``fingerprint(_:)`` returns, without parsing a second time; worked
    /// out by ``RawTreeFingerprinter`` for everyday queries, by libpg_query otherwise).
    ///
    /// With `normalizing`, the summary also carries what ``normalize(_:)`` returns for `sql`
    /// when it can be worked out from the same parse (see ``ParseSummary/normalized``).
    /// - Throws: ``PgQueryError`` with the parser's message and cursor position.
    package static func summarize(_ sql: String, normalizing: Bool = false) throws(PgQueryError) -> ParseSummary {
        try summarize(sql, readingTreeDirectly: RawTreeReader.matchesLibrary, normalizing: normalizing)
    }

    /// ``summarize(_:normalizing:)``; with `readingTreeDirectly` false, always from the tree's JSON
    /// and with libpg_query's fingerprint (the reference the tests compare ``RawTreeReader`` with).
    static func summarize(_ sql: String, readingTreeDirectly: Bool,
                          normalizing: Bool = false) throws(PgQueryError) -> ParseSummary {
        let context = pg_query_enter_memory_context()
        defer { pg_query_exit_memory_context(context) }
        let outcome: Result<ParseSummary, PgQueryError> = sql.withCString { text in
            do throws(PgQueryError) {
                return .success(try summarize(text, readingTreeDirectly: readingTreeDirectly, normalizing: normalizing))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// ``summarize(_:readingTreeDirectly:normalizing:)`` of a C string, in the current memory context.
    private static func summarize(_ text: UnsafePointer<CChar>, readingTreeDirectly: Bool,
                                  normalizing: Bool) throws(PgQueryError) -> ParseSummary {
        guard let tree = try rawTree(text) else { return ParseSummary(statements: []) }
        var summary: ParseSummary
        if readingTreeDirectly, let (direct, constants) = RawTreeReader.read(tree) {
            summary = direct
            if normalizing, summary.statements.count == 1, constants.complete {
                summary.normalized = ConstantNormalizer.normalize(text, constants: constants)
            }
        } else {
            summary = try summaryFromJSON(of: tree)
        }
        let fingerprintsDirectly = readingTreeDirectly && RawTreeFingerprinter.matchesLibrary
        let direct = fingerprintsDirectly ? RawTreeFingerprinter.fingerprint(tree) : nil
        summary.fingerprintHash = direct ?? pg_query_fingerprint_node(tree)
        return summary
    }

    /// The raw parse tree of `text` (a `List *` of `RawStmt`), allocated in the current memory
    /// context; nil for text without statements.
    static func rawTree(_ text: UnsafePointer<CChar>) throws(PgQueryError) -> UnsafeMutableRawPointer? {
        let result = pg_query_raw_parse(text)
        free(result.stderr_buffer)
        if let error = result.error {
            defer { pg_query_free_error(error) }
            throw makeError(error.pointee)
        }
        return result.tree
    }

    /// Writes the tree as JSON and reads the summary from it with ``ParseTreeReader``.
    private static func summaryFromJSON(of tree: UnsafeMutableRawPointer) throws(PgQueryError) -> ParseSummary {
        guard let json = pg_query_nodes_to_json(tree) else { return ParseSummary(statements: []) }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(json).assumingMemoryBound(to: UInt8.self),
                                        count: strlen(json))
        do {
            var reader = ParseTreeReader(bytes)
            return try reader.read()
        } catch {
            throw PgQueryError(message: "invalid parse tree JSON: \(error)", cursorPosition: 0)
        }
    }

    /// A fingerprint as ``fingerprint(_:)`` spells it: 16 lower-case hex digits.
    package static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { text in
            for index in 0..<16 {
                let digit = UInt8(truncatingIfNeeded: value >> (60 - 4 * UInt64(index))) & 0xF
                text[index] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
            }
            return 16
        }
    }

    // MARK: - Fingerprint

    /// XXH3-64 of `bytes` (the hash libpg_query links): a fast hash of statement text for hash
    /// tables, much cheaper than `Hasher` over long texts.
    package static func textHash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        XXH3_64bits_withSeed(bytes.baseAddress, bytes.count, 0)
    }

    /// Returns the libpg_query fingerprint of `sql` as a hex string; equivalent queries
    /// (differing only in constants, whitespace or comments) share a fingerprint.
    public static func fingerprint(_ sql: String) throws(PgQueryError) -> String {
        let result = pg_query_fingerprint(sql)
        defer { pg_query_free_fingerprint_result(result) }
        if let error = result.error { throw makeError(error.pointee) }
        guard let text = result.fingerprint_str else { return String(result.fingerprint, radix: 16) }
        return String(cString: text)
    }

    /// The number ``fingerprint(_:)`` spells.
    package static func fingerprintHash(_ sql: String) throws(PgQueryError) -> UInt64 {
        let result = pg_query_fingerprint(sql)
        defer { pg_query_free_fingerprint_result(result) }
        if let error = result.error { throw makeError(error.pointee) }
        return result.fingerprint
    }

    /// The number a fingerprint's 16 lower-case hex digits spell; `nil` for any other text.
    package static func fingerprintHash(spelledBy text: String) -> UInt64? {
        guard text.utf8.count == 16, text.utf8.allSatisfy(isLowercaseHexDigit) else { return nil }
        return UInt64(text, radix: 16)
    }

    private static func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }

    // MARK: - Normalize

    /// Replaces constants in `sql` with `$n` parameter references.
    public static func normalize(_ sql: String) throws(PgQueryError) -> String {
        let result = pg_query_normalize(sql)
        defer { pg_query_free_normalize_result(result) }
        if let error = result.error { throw makeError(error.pointee) }
        guard let text = result.normalized_query else { return sql }
        return String(cString: text)
    }

    // MARK: - Split

    /// One statement of a script: its UTF-8 byte range in the input and its text.
    public struct Statement: Sendable, Equatable {
        /// UTF-8 byte offset of the statement in the script.
        public let location: Int
        /// UTF-8 byte length of the statement.
        public let length: Int
        /// The statement's text (without the terminating semicolon).
        public let text: String
    }

    /// Splits a script into statements.
    ///
    /// - Parameter usingParser: when `true` (the default) uses the full parser, which is the most
    ///   accurate but fails on any syntax error; when `false` uses the scanner only, which tolerates
    ///   statements in other dialects.
    public static func split(_ script: String, usingParser: Bool = true) throws(PgQueryError) -> [Statement] {
        var bytes = Array(script.utf8)
        return try split(utf8: &bytes, usingParser: usingParser).map { range in
            Statement(location: range.lowerBound, length: range.count,
                      text: String(decoding: bytes[range], as: UTF8.self))
        }
    }

    /// Splits UTF-8 bytes into statement byte ranges (see ``split(_:usingParser:)``).
    public static func split(utf8 bytes: inout [UInt8], usingParser: Bool) throws(PgQueryError) -> [Range<Int>] {
        bytes.append(0)
        defer { bytes.removeLast() }
        let result = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                usingParser ? pg_query_split_with_parser(pointer) : pg_query_split_with_scanner(pointer)
            }
        }
        defer { pg_query_free_split_result(result) }
        if let error = result.error { throw makeError(error.pointee) }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(Int(result.n_stmts))
        let limit = bytes.count - 1
        for index in 0..<Int(result.n_stmts) {
            guard let statement = result.stmts[index]?.pointee else { continue }
            let start = min(max(0, Int(statement.stmt_location)), limit)
            let end = min(start + max(0, Int(statement.stmt_len)), limit)
            ranges.append(start..<(end == start && statement.stmt_len == 0 ? limit : end))
        }
        return ranges
    }

    // MARK: - Errors

    private static func makeError(_ error: PgQueryError_C) -> PgQueryError {
        let message = error.message.map { String(cString: $0) } ?? "unknown parser error"
        return PgQueryError(message: message, cursorPosition: Int(error.cursorpos))
    }
}

/// The C error struct, renamed so it does not clash with the Swift ``PgQueryError``.
typealias PgQueryError_C = CPgQuery.PgQueryError

// MARK: - Scripts

extension PgQuery {
    /// The statements of a script as text, trimmed, empty ones left out — for running a script
    /// one statement at a time over the extended protocol, which accepts one statement per query.
    public static func scriptStatements(_ script: String) throws(PgQueryError) -> [String] {
        try split(script).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
