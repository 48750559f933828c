import Foundation
import PgQuery
import SourceLexing

/// Whether a statement is written out in full in the source or assembled at run time.
public enum FindingKind: String, Codable, Sendable {
    /// The whole statement is a literal (placeholders allowed).
    case `static`
    /// Built from pieces at run time (concatenation, interpolation, `format`); only the
    /// recoverable pieces are known.
    case dynamic
    /// A piece of SQL that is no statement by itself: a `WHERE` condition, an `ORDER BY` item or
    /// a select expression handed to an ORM or query builder. Reported only when asked for
    /// (``ExtractionOptions/includeFragments``).
    case fragment
}

/// One SQL statement found in source code.
///
/// A value whose fields live in one immutable box: a scan hands every finding from the extractor to
/// the output, and a copy of the box is one retain where a copy of the fields is one per string.
public struct SQLFinding: Codable, Sendable, Equatable, Hashable {
    /// The stored fields (usable from inlinable code, so that other modules read them in place).
    @usableFromInline struct Fields: Hashable, Sendable {
        @usableFromInline var file: String
        @usableFromInline var line: Int
        @usableFromInline var column: Int
        @usableFromInline var language: SQLLanguage
        @usableFromInline var statementType: String
        @usableFromInline var tables: [String]
        @usableFromInline var fingerprint: StoredFingerprint?
        @usableFromInline var sql: String
        @usableFromInline var kind: FindingKind
        @usableFromInline var parseError: String?
        @usableFromInline var dialect: String
    }

    /// A fingerprint as kept: libpg_query's 16 hex digits as the number they spell (no string to
    /// allocate per finding; the writers spell it), any other text as it is.
    @usableFromInline enum StoredFingerprint: Hashable, Sendable {
        case hash(UInt64)
        case text(String)

        init(_ text: String) {
            self = PgQuery.fingerprintHash(spelledBy: text).map(StoredFingerprint.hash) ?? .text(text)
        }

        var text: String {
            switch self {
            case .hash(let value): PgQuery.hex(value)
            case .text(let text): text
            }
        }
    }

    /// Immutable, so that the fields are read in place (a change puts them in a new box).
    @usableFromInline final class Box: Sendable {
        @usableFromInline let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline var box: Box

    @usableFromInline var fields: Fields {
        _read { yield box.fields }
        _modify {
            var fields = box.fields
            defer { box = Box(fields) }
            yield &fields
        }
    }

    /// Path relative to the scan root (or as given to ``CodeScanner/extract(fromSource:path:language:)``).
    @inlinable public var file: String { _read { yield box.fields.file } _modify { yield &fields.file } }
    /// 1-based line of the statement (of the string literal that holds it, for code).
    @inlinable public var line: Int { _read { yield box.fields.line } _modify { yield &fields.line } }
    /// 1-based byte column.
    @inlinable public var column: Int { _read { yield box.fields.column } _modify { yield &fields.column } }
    /// Language of the file.
    @inlinable public var language: SQLLanguage {
        _read { yield box.fields.language } _modify { yield &fields.language }
    }
    /// Statement kind such as `select`, `insert`, `with`, `create_table`.
    @inlinable public var statementType: String {
        _read { yield box.fields.statementType } _modify { yield &fields.statementType }
    }
    /// Tables referenced, sorted (`schema.table` when qualified).
    @inlinable public var tables: [String] { _read { yield box.fields.tables } _modify { yield &fields.tables } }
    /// libpg_query fingerprint (hex), `nil` when the statement does not parse.
    public var fingerprint: String? {
        get { box.fields.fingerprint?.text }
        set { fields.fingerprint = newValue.map(StoredFingerprint.init) }
    }
    /// The number the fingerprint's hex digits spell, when it is libpg_query's.
    @inlinable package var fingerprintHash: UInt64? {
        if case .hash(let value) = box.fields.fingerprint { return value }
        return nil
    }
    /// The statement, placeholders normalised and constants replaced (`$n`) when it parses;
    /// for dynamic statements the unknown pieces read `{dynamic}`.
    @inlinable public var sql: String { _read { yield box.fields.sql } _modify { yield &fields.sql } }
    /// Static, dynamic or fragment.
    @inlinable public var kind: FindingKind { _read { yield box.fields.kind } _modify { yield &fields.kind } }
    /// The PostgreSQL parser's message when the statement does not parse.
    @inlinable public var parseError: String? {
        _read { yield box.fields.parseError } _modify { yield &fields.parseError }
    }
    /// `postgresql` when the statement parses; otherwise a guess at its dialect (`mysql`,
    /// `sqlite`, `tsql`, `clickhouse`) or `unknown`.
    @inlinable public var dialect: String { _read { yield box.fields.dialect } _modify { yield &fields.dialect } }

    /// Creates a finding.
    public init(file: String, line: Int, column: Int, language: SQLLanguage, statementType: String,
                tables: [String], fingerprint: String?, sql: String, kind: FindingKind, parseError: String?,
                dialect: String? = nil) {
        self.init(file: file, line: line, column: column, language: language, statementType: statementType,
                  tables: tables, fingerprint: fingerprint.map(StoredFingerprint.init), sql: sql, kind: kind,
                  parseError: parseError, dialect: dialect)
    }

    /// A finding whose fingerprint is libpg_query's number.
    init(file: String, line: Int, column: Int, language: SQLLanguage, statementType: String,
         tables: [String], fingerprint: UInt64?, sql: String, kind: FindingKind, parseError: String?, dialect: String) {
        self.init(file: file, line: line, column: column, language: language, statementType: statementType,
                  tables: tables, fingerprint: fingerprint.map(StoredFingerprint.hash), sql: sql, kind: kind,
                  parseError: parseError, dialect: dialect)
    }

    private init(file: String, line: Int, column: Int, language: SQLLanguage, statementType: String,
                 tables: [String], fingerprint: StoredFingerprint?, sql: String, kind: FindingKind, parseError: String?,
                 dialect: String?) {
        box = Box(Fields(file: file, line: line, column: column, language: language, statementType: statementType,
                         tables: tables, fingerprint: fingerprint, sql: sql, kind: kind, parseError: parseError,
                         dialect: dialect ?? (parseError == nil ? "postgresql" : "unknown")))
    }

    public static func == (lhs: SQLFinding, rhs: SQLFinding) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.fields)
    }

    // MARK: - Codable

    enum CodingKeys: String, CodingKey {
        case file, line, column, language, tables, fingerprint, sql, kind, dialect
        case statementType = "statement_type"
        case parseError = "parse_error"
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        func value<Value: Decodable>(_ key: CodingKeys) throws -> Value { try values.decode(Value.self, forKey: key) }
        self.init(file: try value(.file), line: try value(.line), column: try value(.column),
                  language: try value(.language),
                  statementType: try value(.statementType), tables: try value(.tables),
                  fingerprint: try values.decodeIfPresent(String.self, forKey: .fingerprint), sql: try value(.sql),
                  kind: try value(.kind), parseError: try values.decodeIfPresent(String.self, forKey: .parseError),
                  dialect: try value(.dialect))
    }

    /// Encodes every key, writing `null` for a missing fingerprint or parse error.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(language, forKey: .language)
        try container.encode(statementType, forKey: .statementType)
        try container.encode(tables, forKey: .tables)
        try container.encode(fingerprint, forKey: .fingerprint)
        try container.encode(sql, forKey: .sql)
        try container.encode(kind, forKey: .kind)
        try container.encode(parseError, forKey: .parseError)
        try container.encode(dialect, forKey: .dialect)
    }
}
