@testable import Extraction
@testable import SourceLexing
import SQLText
import Testing

/// Classes of miss found on the held-out folder (`HeldOut/`), one table per class.
@Suite("Held-out classes")
struct HeldOutClassTests {
    /// A piece of source and the lines where fragments must be reported (nothing elsewhere).
    struct FragmentCase: CustomTestStringConvertible, Sendable {
        let name: String
        let language: SQLLanguage
        let source: String
        let lines: [Int]

        var testDescription: String { name }
    }

    static func fragments(_ source: String, _ language: SQLLanguage) -> [SQLFinding] {
        var options = ExtractionOptions()
        options.includeFragments = true
        return CodeScanner(options: options).extract(fromSource: source, path: "snippet", language: language)
            .filter { $0.kind == .fragment }
    }

    /// Conditions kept for later splicing: a literal led by an upper-case `WHERE`/`AND`/`OR`, an
    /// element added to a collection named for a clause, a variable named for one; select lists
    /// handed to `select(…)` / `Arel.sql(…)` when they hold a call or an alias.
    static let stored: [FragmentCase] = [
        FragmentCase(name: "ruby condition variable", language: .ruby, source: """
        user_content_condition = "AND user_content_type = ?"
        """, lines: [1]),
        FragmentCase(name: "go where clause to a helper", language: .go, source: """
        return s.scanDriver(ctx, `WHERE hub_id=$1`, hubID)
        """, lines: [1]),
        FragmentCase(name: "kotlin condition in a lambda", language: .kotlin, source: """
        val v = version?.let { "AND c.certificate_version = $version" }
            ?: "AND c.certificate_version = (SELECT MAX(certificate_version) FROM $table)"
        """, lines: [1, 2]),
        FragmentCase(name: "c# conditions list", language: .csharp, source: """
        conditions.Add("id = ANY(@Ids)");
        """, lines: [1]),
        FragmentCase(name: "python conditions list", language: .python, source: """
        where_conditions.append("user_id = :user_id")
        """, lines: [1]),
        FragmentCase(name: "php conditions array", language: .php, source: """
        <?php $where[] = "status = ?";
        """, lines: [1]),
        FragmentCase(name: "arel select list", language: .ruby, source: """
        scope.pluck(Arel.sql('accounts.id, COUNT(*) AS frequency, followers_count'))
        scope.select(<<~SQL)
          districts.*, COALESCE(SUM(score), 0) AS total
        SQL
        """, lines: [1, 2]),
        // Pieces of a statement being built are part of that statement, not fragments.
        FragmentCase(name: "python += piece", language: .python, source: """
        sql = "SELECT id FROM users"
        sql += " AND active = %s"
        """, lines: []),
        FragmentCase(name: "java + piece", language: .java, source: """
        String q = "SELECT id FROM t" + where + " WHERE id = ?";
        """, lines: []),
        FragmentCase(name: "builder append", language: .java, source: """
        sb.append(" AND name = ?");
        """, lines: []),
        FragmentCase(name: "adjacent literal", language: .python, source: """
        query = ("SELECT id "
                 "WHERE id = ANY(%s)")
        """, lines: []),
        // Not SQL.
        FragmentCase(name: "bare select columns", language: .typescript, source: """
        q.select('chapters.*');
        q.select('view-active-learners.id');
        """, lines: []),
        FragmentCase(name: "django orderings", language: .python, source: """
        ordering.append("-pk")
        """, lines: []),
        FragmentCase(name: "only holes", language: .python, source: """
        join_conditions.append(f"{lhs} = {rhs}")
        join_conditions.append("(%s)" % extra_sql)
        """, lines: []),
        FragmentCase(name: "ldap filter", language: .java, source: """
        filter = "(objectClass=person)";
        """, lines: []),
        FragmentCase(name: "prose", language: .typescript, source: """
        const tip = "OR press the button (twice)";
        const where = "Where is it?";
        """, lines: []),
    ]

    @Test(arguments: stored)
    func storedConditionsAreFragments(_ fragmentCase: FragmentCase) {
        let found = Self.fragments(fragmentCase.source, fragmentCase.language)
        #expect(found.map(\.line) == fragmentCase.lines, "\(found.map(\.sql))")
    }

    /// Swift interpolation that the library binds (PostgresNIO `query(…)`/`PostgresQuery(…)`, GRDB
    /// `literal:`) is a parameter; in a plain `String` (`sql:`, SQLiteNIO's `query(…)`) or as
    /// `\(unsafeRaw:)` it is run-time text.
    @Test(arguments: [
        (#"let rows = try await connection.query("SELECT * FROM users WHERE id = \(id)", logger: logger)"#, FindingKind.static),
        (#"let q = PostgresQuery(unsafeSQL: "x"); try await conn.query("INSERT INTO t (a) VALUES (\(a))")"#, .static),
        (#"try db.execute(literal: "UPDATE player SET score = \(score) WHERE id = \(id)")"#, .static),
        (#"try db.execute(sql: "DELETE FROM image WHERE path = '\(path)'")"#, .dynamic),
        (#"try await conn.query("SELECT * FROM \(unsafeRaw: table) WHERE id = \(id)")"#, .dynamic),
        // SQLKit's \(bind: x) is a bind whatever the callee.
        (#"let rows = try await sql.raw("SELECT * FROM planets WHERE name = \(bind: name)").all()"#, .static),
        (#"let rows = try await sql.raw("SELECT * FROM \(ident: table) WHERE name = \(bind: name)").all()"#, .dynamic),
        // SQLiteNIO's query(_: String, _: [SQLiteData]) takes a plain String.
        ("import SQLiteNIO\n" + #"try await conn.query("SELECT * FROM users WHERE id = \(id)")"#, .dynamic),
    ])
    func swiftBindInterpolation(source: String, kind: FindingKind) throws {
        let finding = try #require(extract(source, .swift).first)
        #expect(finding.kind == kind, "\(finding.sql)")
    }

    /// A literal only re-indented or trimmed (`.trimIndent()`, `.trimMargin("|")`, `.stripIndent()`,
    /// `.strip()`) and then formatted is run-time text; re-indented alone it stays static. Kotlin's
    /// `|` margins are dropped before the text is read.
    @Test(arguments: [
        ("val sql = \"\"\"\n    SELECT id FROM %s WHERE id = ?\n\"\"\".trimIndent().format(table)", SQLLanguage.kotlin,
         FindingKind.dynamic),
        ("val sql = \"\"\"\n    |DELETE FROM %s WHERE id = ?\n\"\"\".trimMargin(\"|\").format(table)", .kotlin, .dynamic),
        ("String sql = \"\"\"\n    UPDATE %s SET a = 1\n    \"\"\".stripIndent().formatted(table);", .java, .dynamic),
        ("q = \"SELECT id FROM {} WHERE id = %s\".strip().format(table)", .python, .dynamic),
        ("String sql = \"\"\"\n    insert into %s (%s) values (%s)\n    \"\"\";\nrun(sql.formatted(t, a, b));", .java, .dynamic),
        ("val sql = \"\"\"\n    SELECT id FROM users WHERE id = ?\n\"\"\".trimIndent()", .kotlin, .static),
        ("val sql = \"\"\"\n    |SELECT id\n    |FROM users WHERE id = ?\n\"\"\".trimMargin()", .kotlin, .static),
    ])
    func reshapedThenFormatted(source: String, language: SQLLanguage, kind: FindingKind) throws {
        let finding = try #require(extract(source, language).first)
        #expect(finding.kind == kind, "\(finding.sql)")
    }

    @Test("Kotlin margins: each line's blanks and `|` dropped, the rest kept")
    func marginsTrimmed() {
        let text = Array("\n    |SELECT a,\n\t|  b\n  c |d\n    |".utf8)
        #expect(String(decoding: ExpressionAssembler.trimmingMargins(text), as: UTF8.self) == "\nSELECT a,\n  b\n  c |d\n")
    }

    /// EF Core's FormattableString methods bind the holes of `$"…"`; their `*Raw` twins and Dapper splice them.
    @Test(arguments: [
        (#"var ids = await db.Database.SqlQuery<int>($"SELECT id FROM blogs WHERE rating > {min}").ToListAsync();"#,
         FindingKind.static),
        (#"await db.Database.ExecuteSqlAsync($"UPDATE blogs SET rating = {r} WHERE id = {id}");"#, .static),
        (#"var b = db.Blogs.FromSql($"SELECT * FROM blogs WHERE id = {id}").ToList();"#, .static),
        (#"var b = db.Blogs.FromSqlRaw($"SELECT * FROM {table}").ToList();"#, .dynamic),
        (#"var b = conn.Query<Blog>($"SELECT * FROM blogs WHERE id = {id}");"#, .dynamic),
    ])
    func efCoreInterpolation(source: String, kind: FindingKind) throws {
        let finding = try #require(extract(source, .csharp).first)
        #expect(finding.kind == kind, "\(finding.sql)")
    }

    /// A literal whose call is formatted afterwards (psycopg's `sql.SQL("…").format(…)`) is run-time text.
    @Test func formattedCallResult() throws {
        let source = #"q = sql.SQL("SELECT {} FROM {} WHERE id = %s").format(sql.Identifier("name"), sql.Identifier("t"))"#
        let finding = try #require(extract(source, .python).first)
        #expect(finding.kind == .dynamic, "\(finding.sql)")
        #expect(finding.parseError == nil, "\(finding.sql)")
    }

    /// Statements assembled with a string builder (`strSql.Append("select …"); strSql.Append(" where " + w)`,
    /// `sb.append("SELECT …").append(" FROM …")`): one run-time statement at the first piece, its later
    /// literal pieces not read again; a builder of prose is no statement.
    @Test(arguments: [
        ("""
        var strSql = new StringBuilder();
        strSql.Append("select id,name ");
        strSql.Append(" FROM users ");
        if (w != "") { strSql.Append(" where " + w); }
        return Db.Query(strSql.ToString());
        """, SQLLanguage.csharp, [2], "select id,name FROM users where {dynamic}"),
        ("""
        StringBuilder q = new StringBuilder();
        q.append("SELECT u.id").append(" FROM users u").append(" WHERE u.active = ?");
        return jdbc.query(q.toString(), mapper, true);
        """, .java, [2], "SELECT u.id FROM users u WHERE u.active = $1"),
        ("""
        StringBuilder sb = new StringBuilder();
        sb.append("select a from kline_").append(type);
        return st.executeQuery(sb.toString());
        """, .java, [2], "select a from kline_{dynamic}"),
        ("""
        var sb = new StringBuilder();
        sb.Append("Select an option ");
        sb.Append(name);
        return sb.ToString();
        """, .csharp, [], ""),
    ])
    func stringBuilders(source: String, language: SQLLanguage, lines: [Int], sql: String) {
        let found = extract("class C {\n void f() {\n" + source + "\n}\n}", language)
        #expect(found.map { $0.line - 2 } == lines, "\(found.map(\.sql))")
        #expect(found.allSatisfy { $0.kind == .dynamic && $0.sql == sql }, "\(found.map(\.sql))")
    }

    /// Ruby calls without parentheses are calls: `execute "…"` is an entry point (a statement that does
    /// not parse is still reported there), `puts "…"` a message, `return "…"` no call at all.
    @Test(arguments: [
        (#"execute "CREATE EXTENSION IF EXISTS pg_trgm""#, [1]),
        (#"connection.select_value "SELECT count(*) FROM users""#, [1]),
        (#"puts "Select the rows to delete""#, []),
        (#"return "Update your profile""#, []),
    ])
    func rubyCallsWithoutParentheses(source: String, lines: [Int]) {
        #expect(extract(source, .ruby).map(\.line) == lines)
    }

    /// Literals continued with `\\` on the next line (Ruby, Python) are one literal: one statement, no
    /// fragment of its own for the continued `WHERE` piece.
    @Test(arguments: [
        ("execute \"UPDATE hosts \" \\\n  \"SET arch = 1 \" \\\n  \"WHERE id = 2\"", SQLLanguage.ruby),
        ("cur.execute(\"SELECT id \" \\\n  \"FROM users \" \\\n  \"WHERE id = %s\", (1,))", .python),
    ])
    func continuedLiterals(source: String, language: SQLLanguage) throws {
        var options = ExtractionOptions()
        options.includeFragments = true
        let found = CodeScanner(options: options).extract(fromSource: source, path: "snippet", language: language)
        #expect(found.count == 1 && found[0].line == 1 && found[0].kind == .static && found[0].parseError == nil,
                "\(found.map(\.sql))")
    }

    /// The statements of a dynamic multi-statement literal show their holes as `{dynamic}`.
    @Test func dynamicScriptShowsHoles() {
        let source = "DB.exec <<~SQL\n  CREATE TABLE #{t} (id int);\n  INSERT INTO #{t} VALUES (1);\nSQL\n"
        let found = extract(source, .ruby)
        #expect(found.map(\.sql) == ["CREATE TABLE {dynamic} (id int)", "INSERT INTO {dynamic} VALUES (1)"])
        #expect(found.map(\.line) == [1, 3])
    }

    /// WordPress's `$wpdb->get_var/get_results/get_row/get_col` take SQL: a MySQL-only statement there is
    /// still reported (with its parse error).
    @Test func wordPressEntryPoints() throws {
        let found = extract(#"""
            <?php
            $posts = $wpdb->get_results("select id from wp_posts");
            $exists = $wpdb->get_var("SHOW TABLES LIKE '{$table}'") === $table;
            """#, .php)
        let finding = try #require(found.first { $0.line == 3 })
        #expect(finding.kind == .dynamic && finding.parseError != nil, "\(finding.sql)")
    }

    /// MyBatis annotations: `#{x}` binds (static), `${x}` and the dynamic-SQL tags (`<if>`,
    /// `<foreach>`, `<where>`, `<set>`) assemble text at run time (dynamic), `<script>` wraps the SQL.
    @Test(arguments: [
        (#"@Select("select * from account where id = #{id}")"#, FindingKind.static, "select"),
        (#"@Select("SELECT * FROM t ORDER BY ${column}")"#, .dynamic, "select"),
        (#"@Update("UPDATE m SET " + "<if test='nid != null'>nid = #{nid},</if>" + "WHERE id = #{id}")"#, .dynamic, "update"),
        (#"@Select("<script>SELECT * FROM t <where><if test='n != null'>name = #{n}</if></where></script>")"#, .dynamic, "select"),
        (#"@Update("<script>UPDATE t <set><when test='a'>a = #{a}</when></set> WHERE id = #{id}</script>")"#, .dynamic, "update"),
        (#"@SqlQuery("select name from something where id = :id")"#, .static, "select"),
        (#"@Select({"SELECT id, name", "FROM users", "WHERE id = #{id}"})"#, .static, "select"),
        (#"@Update({"UPDATE users SET name = #{name}", "WHERE id = #{id}"})"#, .static, "update"),
        (#"@Select({"<script>", "SELECT * FROM t", "<where>", "<if test='n != null'>n = #{n}</if>", "</where>", "</script>"})"#,
         .dynamic, "select"),
        (#"@Select({"SELECT * FROM " + TABLE, "WHERE id = #{id}"})"#, .dynamic, "select"),
        (#"@Select("select * from image where title like '%${keyword}%'")"#, .dynamic, "select"),
    ])
    func myBatisAnnotations(source: String, kind: FindingKind, type: String) throws {
        let finding = try #require(extract("interface M {\n    " + source + "\n    T f();\n}", .java).first)
        #expect(finding.kind == kind, "\(finding.sql)")
        #expect(finding.statementType == type, "\(finding.sql)")
    }

    @Test func comparisonsAreNotMyBatisTags() {
        #expect(MyBatisScript.strip(Array("SELECT * FROM t WHERE a < b AND c <if".utf8)) == nil)
        let stripped = MyBatisScript.strip(Array("<script>SELECT 1</script>".utf8))
        #expect(stripped?.dynamic == false)
    }

    /// MySQL's `INSERT … VALUE (…)` (a synonym of `VALUES`) built from run-time pieces.
    @Test func mysqlInsertValue() {
        let source = """
        String query = "INSERT INTO User(sin, name) VALUE ('" +
            user.getSIN() + "', '" + user.getName() + "');";
        """
        #expect(extract(source, .java).map(\.kind) == [.dynamic])
        #expect(extract(#"String hint = "Insert the value into the field";"#, .java).isEmpty)
    }
}
