@testable import Extraction
@testable import PgQuery
import SQLText
import Testing

@Suite("Placeholder normalisation")
struct PlaceholderTests {
    private func normalize(_ text: String, formatted: Bool = false,
                           mode: PlaceholderNormalizer.HoleMode = .parameter) -> PlaceholderNormalizer.Output {
        PlaceholderNormalizer(formatted: formatted, mode: mode).normalize(Array(text.utf8))
    }

    @Test(arguments: [
        ("SELECT * FROM t WHERE a = ? AND b IN (?, ?)", "SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)"),
        ("SELECT * FROM t WHERE a = $1", "SELECT * FROM t WHERE a = $1"),
        ("SELECT * FROM t WHERE a = %s LIMIT %s", "SELECT * FROM t WHERE a = $1 LIMIT $2"),
        ("SELECT * FROM t WHERE a = %(name)s", "SELECT * FROM t WHERE a = $1"),
        ("SELECT * FROM t WHERE a = :name AND b::text = :other", "SELECT * FROM t WHERE a = $1 AND b::text = $2"),
        ("SELECT * FROM t WHERE a = @Name", "SELECT * FROM t WHERE a = $1"),
        ("SELECT * FROM t WHERE a = #{id}", "SELECT * FROM t WHERE a = $1"),
        ("SELECT * FROM t WHERE a = ?1", "SELECT * FROM t WHERE a = $1"),
        ("SELECT * FROM t WHERE a LIKE '%s' AND b = ':x' AND c = '?'", "SELECT * FROM t WHERE a LIKE '%s' AND b = ':x' AND c = '?'"),
        ("SELECT data ? 'key' FROM t", "SELECT data ? 'key' FROM t"),
        ("SELECT a % 2 FROM t", "SELECT a % 2 FROM t"),
    ])
    func rewritesPlaceholders(input: String, output: String) throws {
        let result = normalize(input)
        #expect(result.parseText == output)
        #expect(!result.dynamic)
        _ = try PgQuery.parse(result.parseText)
    }

    /// The parse text is copied from the input only from the first rewrite on; before it, and in a
    /// text with nothing to rewrite, it is the input itself.
    @Test(arguments: [
        ("", ""),
        ("SELECT 1", "SELECT 1"),
        ("?", "$1"),
        ("SELECT ? ", "SELECT $1 "),
        ("SELECT a FROM t WHERE b = 'it''s' AND c = ? -- a comment ?", "SELECT a FROM t WHERE b = 'it''s' AND c = $1 -- a comment ?"),
        ("SELECT a FROM t WHERE b = ?1 AND c = $2", "SELECT a FROM t WHERE b = $1 AND c = $2"),
        ("SELECT \"a\" FROM t WHERE x = 'a' || 'b' AND y IN (?, ?)", "SELECT \"a\" FROM t WHERE x = 'a' || 'b' AND y IN ($1, $2)"),
        ("SELECT * FROM t WHERE a = sqlc.arg(id) AND b = $2", "SELECT * FROM t WHERE a = $1 AND b = $2"),
        ("SELECT {{name}} FROM t", "SELECT $1 FROM t"),
    ])
    func rewritesOnlyFromTheFirstChange(input: String, output: String) {
        #expect(normalize(input).parseText == output)
    }

    @Test func dropsHolesInQuotesFromTheParseText() {
        let text = Array("SELECT * FROM t WHERE a = '".utf8) + [SQLCandidate.dynamicHole] + Array("' AND b = 1".utf8)
        let result = normalize(String(decoding: text, as: UTF8.self))
        #expect(result.parseText == "SELECT * FROM t WHERE a = '' AND b = 1")
        #expect(result.displayText == "SELECT * FROM t WHERE a = '{dynamic}' AND b = 1")
        #expect(result.dynamic)
    }

    @Test func formatVerbsAreDynamicPieces() {
        let result = normalize("SELECT * FROM %s WHERE id = %d", formatted: true, mode: .identifier)
        #expect(result.dynamic)
        #expect(result.displayText == "SELECT * FROM {dynamic} WHERE id = {dynamic}")
        #expect(result.parseText.hasPrefix("SELECT * FROM \(PlaceholderNormalizer.holeIdentifierPrefix)"))
    }

    /// `%` formatting turns `%%s` into the driver's `%s`; `%%` alone is a modulo sign.
    @Test func doubledPercentsAreTheDriversParameters() throws {
        let result = normalize("SELECT %s FROM t WHERE k = %%s AND n %% 2 = 0", formatted: true, mode: .identifier)
        #expect(result.dynamic)
        #expect(result.displayText == "SELECT {dynamic} FROM t WHERE k = $1 AND n % 2 = 0")
        #expect(!normalize("SELECT 1 WHERE a LIKE 'x%%s'", formatted: true).displayText.contains("$"))
    }

    /// Java's positional `%1$s` is a run-time piece, wherever it stands.
    @Test func positionalFormatHolesArePieces() throws {
        let result = normalize("CREATE INDEX idx_%1$s_spec ON %1$s(%2$s_id) WHERE n > %3$d", formatted: true, mode: .identifier)
        #expect(result.dynamic)
        #expect(result.displayText == "CREATE INDEX idx_{dynamic}_spec ON {dynamic}({dynamic}_id) WHERE n > {dynamic}")
    }

    /// A piece that is a derived table's query or a list of named queries is read as one.
    @Test(arguments: [
        ("SELECT * FROM (\u{1}) data_changes", "SELECT * FROM (SELECT dyn_piece_1) data_changes"),
        ("SELECT * FROM a JOIN ( \u{1} ) b ON a.id = b.id", "SELECT * FROM a JOIN ( SELECT dyn_piece_1 ) b ON a.id = b.id"),
        ("WITH \u{1} SELECT * FROM inserted", "WITH dyn_piece_1 AS (SELECT 1) SELECT * FROM inserted"),
        ("WITH \u{1} AS (SELECT 1) SELECT 2", "WITH dyn_piece_1 AS (SELECT 1) SELECT 2"),
        ("SELECT * FROM t WHERE id IN (\u{1})", "SELECT * FROM t WHERE id IN (dyn_piece_1)"),
    ])
    func piecesThatAreQueries(input: String, parse: String) throws {
        let text = Array(input.utf8).map { $0 == 1 ? SQLCandidate.dynamicHole : $0 }
        let result = PlaceholderNormalizer(formatted: false, mode: .identifier).normalize(text)
        #expect(result.parseText == parse)
        _ = try PgQuery.parse(result.parseText)
    }

    /// `str.format` fills `{}` and leaves the driver's `%s` (`"{} >= %s".format(quote_name(f))`).
    @Test func braceSlotsLeaveThePercentPlaceholders() {
        let result = normalize("SELECT id FROM t WHERE {} >= %s AND b = '%s'", formatted: true, mode: .identifier)
        #expect(result.dynamic)
        #expect(result.displayText == "SELECT id FROM t WHERE {dynamic} >= $1 AND b = '%s'")
    }

    /// knex's and node-mysql's `??` bind a name: a stand-in name the statement parses with, no
    /// run-time piece; JDBC's `??`, `??|` and `??&` escape PostgreSQL's `?` operators.
    @Test(arguments: [
        ("SELECT * FROM ?? WHERE id = ?", true),
        ("SELECT EXTRACT(YEAR FROM ??.??)", true),
        ("SELECT id FROM docs WHERE data ?? 'key'", false),
        ("SELECT id FROM docs WHERE data ??| array['a']", false),
        ("SELECT id FROM docs WHERE data ??& ARRAY['a']", false),
    ])
    func identifierBinds(text: String, bindsNames: Bool) throws {
        let parseTexts = PlaceholderNormalizer.HoleMode.allCases.map { normalize(text, mode: $0).parseText }
        #expect(parseTexts.contains { $0.contains(PlaceholderNormalizer.holeIdentifierPrefix) } == bindsNames)
        #expect(!normalize(text).dynamic)
        if bindsNames {
            let analyses = StatementAnalyzer.analyze(Array(text.utf8), formatted: false, concatenated: false)
            let analysis = try #require(analyses.first)
            #expect(analysis.parseError == nil && !analysis.dynamic)
            #expect(analysis.sql.contains("{name}") && !analysis.sql.contains(PlaceholderNormalizer.holeIdentifierPrefix))
        }
    }

    @Test func holesFollowTheMode() {
        let text = Array("SELECT * FROM t ".utf8) + [SQLCandidate.dynamicHole]
        #expect(normalize(String(decoding: text, as: UTF8.self), mode: .remove).parseText == "SELECT * FROM t ")
        #expect(normalize(String(decoding: text, as: UTF8.self), mode: .parameter).parseText == "SELECT * FROM t $1")
    }

    @Test func dynamicStatementsStillParseWhenAPieceIsAClause() {
        let text = Array("SELECT * FROM users ".utf8) + [SQLCandidate.dynamicHole]
        let analyses = StatementAnalyzer.analyze(text, formatted: false, concatenated: true)
        #expect(analyses.count == 1)
        #expect(analyses.first?.parseError == nil)
        #expect(analyses.first?.tables == ["users"])
        #expect(analyses.first?.dynamic == true)
    }
}
