@testable import Extraction
@testable import SourceLexing
@testable import SQLText
import Testing

/// The byte-level test that lets the extractor skip files without SQL-looking literals.
@Suite("Literal prefilter")
struct PrefilterTests {
    @Test(arguments: [
        (SQLLanguage.python, "cur.execute(\"\"\"\n    SELECT id FROM users\"\"\")"),
        (.python, "q = f'update {table} set a = 1'"),
        (.javascript, "const rows = await sql`\n  select * from t`;"),
        (.go, "db.Query(`DELETE FROM sessions`)"),
        (.ruby, "rows = find_by_sql(<<~SQL, id)\n  SELECT * FROM users\nSQL\n"),
        (.ruby, "q = %Q{UPDATE t SET a = 1}"),
        (.ruby, "q = %q(SELECT 1)"),
        (.php, "$q = <<<SQL\nSELECT * FROM users\nSQL;\n"),
        (.csharp, "var s = @\"DELETE FROM t\";"),
        (.java, "String q = \"\\nWITH x AS (SELECT 1) SELECT * FROM x\";"),
        (.swift, "let q = #\"INSERT INTO t VALUES (1)\"#"),
        (.java, "@Info(\"SELECT id FROM users\")"),
    ])
    func keepsFilesWithCandidates(language: SQLLanguage, source: String) {
        #expect(mayContainCandidate(source, language))
    }

    @Test(arguments: [
        (SQLLanguage.python, "x = 1\nprint(\"hello\")\n# select the best one\n"),
        (.go, "// SELECT in a comment\nfunc f() { selected := update(x) }"),
        (.javascript, "const selection = items.filter((x) => x.updated);"),
        (.ruby, "  items.select { |x| x.updated }\n"),
        (.java, "String s = \"Selection\";"),
        (.java, "log.info(\"Update {} for {}\", id, name);"),
        (.go, "return fmt.Errorf( \"delete %d failed\", id)"),
    ])
    func skipsFilesWithout(language: SQLLanguage, source: String) {
        #expect(!mayContainCandidate(source, language))
    }

    private func mayContainCandidate(_ source: String, _ language: SQLLanguage) -> Bool {
        var text = source
        return text.withUTF8 { LiteralPrefilter.mayContainCandidate($0, language: language) }
    }
}
