@testable import Extraction
import SourceLexing
import SQLScripts
import SQLText
import Testing

/// Classes of miss and error found by the third and fourth corpus rounds (real files labelled
/// blind, see `Corpus/README.md`), one table per class; each source is cut down from the file it
/// was found in.
@Suite("Round-three classes")
struct RoundThreeClassTests {
    typealias Case = SweepClassTests.Case

    static let statements: [Case] = [
        // 1. A regular expression or a nested template in a template literal's hole.
        Case(name: "regex with a quote in a hole", language: .typescript, source: """
        const lit = (s) => `'${String(s).replace(/'/g, "''")}'`;
        await knex.raw(`DROP VIEW IF EXISTS ${DOCS}`);
        """, expected: [2: .dynamic]),
        Case(name: "nested template over lines in a hole", language: .javascript, source: """
        const label = `${items.map((i) => `
          <li>${i}</li>`).join("")}`;
        await db.query(`UPDATE items SET seen = true`);
        """, expected: [3: .static]),
        Case(name: "division in a hole", language: .typescript, source: """
        const ratio = `${total / count}`;
        await db.query(`DELETE FROM t WHERE id = ${id}`);
        """, expected: [2: .dynamic]),
        // 2. SQLite and MySQL triggers: the `;` of the body do not end the statement.
        Case(name: "sqlite trigger in a nowdoc", language: .php, source: """
        <?php
        DB::statement(<<<'SQL'
        CREATE TRIGGER IF NOT EXISTS budgets_check
        BEFORE INSERT ON budgets
        WHEN NEW.total < 0
        BEGIN SELECT RAISE(ABORT, 'negative'); END
        SQL);
        """, expected: [2: .static]),
        // 3. Wrappers declared without a keyword (C#, Java, TypeScript methods) or with Kotlin's `fun`.
        Case(name: "c# method wrapper", language: .csharp, source: """
        public class Repo {
            public int Run(string sql, object args) { return _db.Execute(sql, args); }
            public void Clean() { Run("delete from sessions where expired", null); }
        }
        """, expected: [3: .static]),
        Case(name: "typescript class method wrapper", language: .typescript, source: """
        class Store {
          async exec(text: string, params?: unknown[]): Promise<void> {
            await this.pool.query(text, params);
          }
          async clean() { await this.exec("delete from sessions where expired"); }
        }
        """, expected: [5: .static]),
        Case(name: "kotlin fun wrapper", language: .kotlin, source: """
        fun runSql(sql: String) { jdbc.execute(sql) }
        fun clean() { runSql("delete from sessions where expired") }
        """, expected: [2: .static]),
        Case(name: "a call is no definition", language: .typescript, source: """
        log(text);
        notify("update your profile");
        """, expected: [:]),
        // 4. Handed straight to an entry point: a statement opening with a hole or with T-SQL's IF.
        // (The file's other statement lets it through the prefilter, which looks for keywords.)
        Case(name: "heredoc opening with a hole", language: .ruby, source: """
        ActiveRecord::Base.connection.execute("SELECT 1")
        ActiveRecord::Base.connection.exec_query(<<~SQL).to_a
          (#{posts_sql}) UNION ALL (#{replies_sql})
          ORDER BY created_at DESC LIMIT #{per}
        SQL
        """, expected: [1: .static, 2: .dynamic]),
        Case(name: "t-sql if not exists", language: .csharp, source: """
        Execute.Sql(@"IF NOT EXISTS (SELECT 1 FROM ScheduleTask WHERE [Type] = 'x')
            BEGIN INSERT INTO ScheduleTask ([Name]) VALUES ('poll') END");
        """, expected: [1: .static]),
        Case(name: "a url opening with a hole", language: .typescript, source: """
        const response = await fetch(`${API_URL}/student/enrolled-courses`, { method: 'DELETE' });
        """, expected: [:]),
        Case(name: "a later argument opening with a hole", language: .kotlin, source: """
        val cursor = db.query(TABLE_USER, arrayOf(COLUMN), "$COLUMN_EMAIL = ? AND $COLUMN_PASSWORD = ?", args, null, null, null)
        """, expected: [:]),
        // Round 4: a run-time piece, then a clause, handed to an entry point; a path is no statement.
        Case(name: "hole then clause", language: .typescript, source: """
        const [headers] = await connection.execute(`${headerSelect} WHERE pr.id = ?`, [returnId]);
        const [rows] = await db.execute<any[]>(`${headerSelect}${filters.length ? ` WHERE ${filters.join(" AND ")}` : ""} ORDER BY pr.created_at DESC`, values);
        const response = await db.query(`${base}/users?order=asc`);
        await db.query(`SELECT 1`);
        """, expected: [1: .dynamic, 2: .dynamic, 4: .static]),
        Case(name: "psycopg sql.SQL formatted later", language: .python, source: """
        query = sql.SQL("SELECT * FROM {table}")
        query = query.format(table=sql.Identifier(name))
        stmt = text("SELECT * FROM students WHERE name BETWEEN :x AND :y")
        stmt = stmt.bindparams(bindparam("x"), bindparam("y"))
        """, expected: [1: .dynamic, 3: .static]),
        // 5. Extended later: through a parenthesised assignment, from either branch of a conditional.
        Case(name: "python parenthesised literal", language: .python, source: """
        query = (
            "SELECT id FROM transactions WHERE item = ?"
        )
        query += " ORDER BY ts DESC"
        """, expected: [2: .dynamic]),
        Case(name: "go if and else branches", language: .go, source: """
        var q string
        if abs {
            q = `SELECT sum(abs(amount)) FROM orders WHERE user_id = ?`
        } else {
            q = `SELECT sum(amount) FROM orders WHERE user_id = ?`
        }
        if status != "" {
            q += " AND status = ?"
        }
        """, expected: [3: .dynamic, 5: .dynamic]),
        Case(name: "another function's variable of the same name", language: .go, source: """
        func a() {
            if x {
                q = `SELECT id FROM a WHERE id = ?`
            } else {
                return
            }
        }
        func b() {
            q = `SELECT id FROM b WHERE id = ?`
            q += " AND x"
        }
        """, expected: [3: .static, 9: .dynamic]),
        Case(name: "prose and appended pieces are no first pieces", language: .python, source: """
        if sub:
            advice = (
                "Use the plain select() object without calling .subquery()."
            )
            advice += " See the docs."
        if read:
            tmp = " FOR SHARE"
        else:
            tmp = " LOCK IN SHARE MODE"
        tmp += " NOWAIT"
        prefix = ("ANALYZE" if mariadb else prefix + " ANALYZE")
        prefix += " FORMAT=%s" % format
        """, expected: [:]),
        // 6. Spring Data binds a SpEL value: `:#{…}` and `?#{…}` are parameters.
        Case(name: "spel binds", language: .java, source: """
        @Query(value = "select * from geo where k = :#{#entry.cacheKey} and c = ?#{[1]}", nativeQuery = true)
        """, expected: [1: .static]),
    ]

    @Test(arguments: statements)
    func reported(_ item: Case) {
        item.expectReported()
    }

    /// A trigger's body stays one statement in a `.sql` script; its table is the one after ON.
    @Test func scriptTriggerIsOneStatement() throws {
        let script = """
        CREATE TABLE a (id int);
        CREATE TRIGGER a_update BEFORE UPDATE ON a
        BEGIN
          SELECT RAISE(ABORT, 'no');
          UPDATE a SET id = 1;
        END;
        SELECT 1;
        """
        let found = extract(script, .sql)
        #expect(found.map(\.line) == [1, 2, 7])
        let trigger = try #require(found.dropFirst().first)
        #expect(trigger.statementType == "create_trigger" && trigger.tables == ["a"] && trigger.dialect == "sqlite")
    }

    /// BEGIN and CASE open blocks, END closes them, END IF and END LOOP close blocks of their own.
    @Test(arguments: [
        ("CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW BEGIN", 1),
        ("UPDATE a SET x = CASE WHEN y THEN 1 END", 0),
        ("IF x THEN SET y = 1; END IF", 0),
        ("END", -1),
        ("SELECT 'begin' -- begin\n", 0),
    ])
    func blockDepth(text: String, change: Int) {
        let bytes = Array(text.utf8)
        #expect(RoutineBodies.depthChange(bytes, 0..<bytes.count) == change)
    }

    static let fragments: [Case] = [
        Case(name: "sqlalchemy text in where", language: .python, source: """
        q = q.where(text("attribute_key = :attribute_key"))
        q = q.order_by(text("created_at desc"))
        """, expected: [1: .fragment, 2: .fragment]),
        Case(name: "typeorm andWhere", language: .typescript, source: """
        qb.andWhere("conversation.status = :status", { status });
        """, expected: [1: .fragment]),
        Case(name: "jooq condition", language: .java, source: """
        var c = DSL.condition("lower(name) like {0}", pattern);
        """, expected: [1: .fragment]),
        Case(name: "grdb filter(sql:)", language: .swift, source: """
        let due = try Reminder.filter(sql: "(remind_at > ? OR rule IS NOT NULL)", arguments: [now]).fetchAll(db)
        """, expected: [1: .fragment]),
        Case(name: "rails partial index", language: .ruby, source: """
        add_index :bookings, [:hotel_id, :reference], unique: true, where: "reference IS NOT NULL"
        """, expected: [1: .fragment]),
        Case(name: "android selection", language: .kotlin, source: """
        db.delete(TABLE_NAME, "id = ?", arrayOf(id))
        """, expected: [1: .fragment]),
        Case(name: "a column named like a keyword", language: .go, source: """
        return s.db.WithContext(ctx).Where("cluster = ?", cluster).Delete(&ObjectModel{}).Error
        """, expected: [1: .fragment]),
        Case(name: "rails joins, lock, check constraint, where.not, sum", language: .ruby, source: """
        Shop.joins("LEFT JOIN shop_clicks ON shop_clicks.shop_id = shops.id")
        record.class.where(id: record.id).lock('FOR NO KEY UPDATE').pick(:id)
        add_check_constraint :receipts, "amount > 0", name: "receipts_amount_positive"
        base.where.not('crm_stages.name ILIKE ?', '%indica%')
        of_done.group(:contact_id).sum('COALESCE(paid_amount, amount, 0)')
        Contact.pluck(:id, Arel.sql("additional_attributes -> 'meta_ads' ->> 'source_id'"))
        """, expected: [1: .fragment, 2: .fragment, 3: .fragment, 4: .fragment, 5: .fragment, 6: .fragment]),
        Case(name: "squirrel OrderBy", language: .go, source: """
        q.sql = q.sql.OrderBy("investors_count.quantity DESC")
        """, expected: [1: .fragment]),
        Case(name: "squirrel joins, expressions and select items", language: .go, source: """
        q := sq.Select(
            "cr.id",
            `users."user" as user_name`,
            "COALESCE(cr.description, '') AS description",
        ).
            From("costs_real cr").
            LeftJoin("projects_debtors pd ON cr.debtor_id = pd.id").
            Where(sq.And{sq.Expr("c2.date::date >= ?::date", start)})
        """, expected: [4: .fragment, 7: .fragment, 8: .fragment]),
        Case(name: "sequel lit", language: .ruby, source: """
        query = query.where(Sequel.lit("lower(city) like ?", "#{value}%"))
        """, expected: [1: .fragment]),
        Case(name: "python join joins strings", language: .python, source: """
        outer = ", ".join("_in_%s" % idx for idx, t in enumerate(types))
        """, expected: [:]),
        Case(name: "a column list is no fragment", language: .php, source: """
        <?php
        $r = Geography::select(DB::raw('geographies.id as id, geographies.name as name'));
        $s = Post::select(DB::raw("'post' AS kind, id"));
        """, expected: [3: .fragment]),
        Case(name: "a formatted piece appended to a statement", language: .php, source: """
        <?php
        $sql .= sprintf(" AND s.start_time <= '%s' AND s.end_time >='%s'", $time, $time);
        """, expected: [:]),
    ]

    @Test(arguments: fragments)
    func fragmentReported(_ item: Case) {
        item.expectReported(includingFragments: true)
    }
}
