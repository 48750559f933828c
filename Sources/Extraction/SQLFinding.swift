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
public struct SQLFinding: Codable, Sendable, Equatable, Hashable {
    /// Path relative to the scan root (or as given to ``CodeScanner/extract(fromSource:path:language:)``).
    public var file: String
    /// 1-based line of the statement (of the string literal that holds it, for code).
    public var line: Int
    /// 1-based byte column.
    public var column: Int
    /// Language of the file.
    public var language: SQLLanguage
    /// Statement kind such as `select`, `insert`, `with`, `create_table`.
    public var statementType: String
    /// Tables referenced, sorted (`schema.table` when qualified).
    public var tables: [String]
    /// libpg_query fingerprint (hex), `nil` when the statement does not parse.
    public var fingerprint: String?
    /// The statement, placeholders normalised and constants replaced (`$n`) when it parses;
    /// for dynamic statements the unknown pieces read `{dynamic}`.
    public var sql: String
    /// Static, dynamic or fragment.
    public var kind: FindingKind
    /// The PostgreSQL parser's message when the statement does not parse.
    public var parseError: String?
    /// `postgresql` when the statement parses; otherwise a guess at its dialect (`mysql`,
    /// `sqlite`, `tsql`, `clickhouse`) or `unknown`.
    public var dialect: String

    /// Creates a finding.
    public init(file: String, line: Int, column: Int, language: SQLLanguage, statementType: String,
                tables: [String], fingerprint: String?, sql: String, kind: FindingKind, parseError: String?,
                dialect: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.language = language
        self.statementType = statementType
        self.tables = tables
        self.fingerprint = fingerprint
        self.sql = sql
        self.kind = kind
        self.parseError = parseError
        self.dialect = dialect ?? (parseError == nil ? "postgresql" : "unknown")
    }

    // MARK: - Codable

    enum CodingKeys: String, CodingKey {
        case file, line, column, language, tables, fingerprint, sql, kind, dialect
        case statementType = "statement_type"
        case parseError = "parse_error"
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
