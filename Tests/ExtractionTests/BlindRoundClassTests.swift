@testable import Extraction
import PgQuery
import SourceLexing
import SQLText
import Testing

/// Classes of miss and error found by the fifth to seventh corpus rounds (real files labelled
/// blind, see `Corpus/README.md`) and by whole real trees, one table per class; each source is cut
/// down from the file it was found in.
@Suite("Blind-round classes")
struct BlindRoundClassTests {
    typealias Case = SweepClassTests.Case

    static let statements: [Case] = [
        // 1. EF Core binds `{0}` in the text of `SqlQueryRaw`/`ExecuteSqlRaw`, also kept in a variable.
        Case(name: "ef core indexed parameters", language: .csharp, source: """
        var sql = "SELECT * FROM get_accessory_by_id({0})";
        return await _context.Database.SqlQueryRaw<AccessoryResponseDto>(sql, id).FirstOrDefaultAsync();
        """, expected: [1: .static]),
        Case(name: "string.Format fills its slots at run time", language: .csharp, source: """
        var sql = string.Format("SELECT * FROM {0} WHERE id = @id", table);
        """, expected: [1: .dynamic]),
        // 2. Holes that the declared type binds: C#'s `FormattableString`, GRDB's `SQLRequest`/`SQL`.
        Case(name: "formattable string", language: .csharp, source: """
        FormattableString sql = $@"
                SELECT p.id FROM projects p WHERE p.id = {primitiveId} FOR UPDATE OF p";
        await db.Database.ExecuteSqlInterpolatedAsync(sql, ct);
        """, expected: [1: .static]),
        Case(name: "grdb sql request", language: .swift, source: """
        let request: SQLRequest<Row> = "SELECT id FROM indexed_photo WHERE id IN \\(ids)"
        let rows = try request.fetchAll(db)
        """, expected: [1: .static]),
        Case(name: "a plain swift string stays run-time text", language: .swift, source: """
        let sql: String = "SELECT id FROM photos WHERE album = \\(album)"
        """, expected: [1: .dynamic]),
        // 3. A tagged template whose type argument spells a row type out.
        Case(name: "kysely row type", language: .typescript, source: """
        const r = await sql<{ familyId: string; deviceId: string | null; startedAt: Date; lastUsedAt: Date; platform: string | null; appVersion: string | null }>`
          select rt.family_id, min(rt.created_at) as started_at from refresh_tokens rt where rt.user_id = ${userId}
        `.execute(tx);
        """, expected: [1: .static]),
        // 4. A hole of an SQL tagged template named for SQL splices it; a value binds.
        Case(name: "helper that returns sql", language: .typescript, source: """
        const [r] = await tx.execute(sql`select ${doneCondSql(def.id, userId)} as done`);
        const rows = await db.execute(sql`select id from items where name ilike ${query} and ${whereClause}`);
        const found = await db.execute(sql`select id from items where name ilike ${query}`);
        """, expected: [1: .dynamic, 2: .dynamic, 3: .static]),
        // 5. Java's StringJoiner: pieces added with `add`, the joiner's delimiter between them.
        Case(name: "string joiner", language: .java, source: """
        StringJoiner sql = new StringJoiner(" ");
        sql.add("SELECT");
        sql.add(getAllFields());
        sql.add("FROM");
        sql.add(TABLENAME);
        sql.add("WHERE id = :id");
        return jdbc.query(sql.toString(), params, mapper);
        """, expected: [2: .dynamic]),
        // 6. ADO.NET runs what `CommandText` is given, also text PostgreSQL does not parse.
        Case(name: "command text", language: .csharp, source: """
        pragma.CommandText = "PRAGMA journal_mode=WAL;";
        cmd.CommandText = "PRAGMA foreign_keys = ON";
        """, expected: [1: .static, 2: .static]),
        // 7. Round seven: T-SQL's `;WITH`, pg-promise's formats, postgres.js tags, a statement of a
        // script after a line that ends with a comment.
        Case(name: "t-sql semicolon before with", language: .csharp, source: """
        migrationBuilder.Sql(@"
        ;WITH Ordered AS (SELECT Id, ROW_NUMBER() OVER (ORDER BY CreatedAt) AS rn FROM Orders)
        UPDATE o SET Consecutive = Ordered.rn FROM Orders o JOIN Ordered ON o.Id = Ordered.Id");
        """, expected: [1: .static]),
        Case(name: "pg-promise formats", language: .javascript, source: """
        let query = db.one('SELECT answers FROM answer WHERE id = ${id}', {id: answerId});
        a = db.one('SELECT COUNT(author_id) FROM author WHERE author_id in ($1:raw) HAVING COUNT(author_id) = $2;', [list, n]);
        g = db.any('SELECT * FROM genre WHERE type = $<type> AND name = $(name)', args);
        """, expected: [1: .static, 2: .dynamic, 3: .static]),
        Case(name: "postgres.js tags", language: .typescript, source: """
        const [lock] = await reserved`SELECT pg_try_advisory_lock(hashtextextended(${key}, 0)) AS acquired`;
        await getSql()`UPDATE outbox_actions SET locked_at = NULL WHERE id = ${action.id}`;
        const page = html`<select name="${name}"></select>`;
        """, expected: [1: .static, 2: .static]),
        Case(name: "script statement after a commented line", language: .swift, source: """
        try execThrows(\"""
          CREATE TABLE IF NOT EXISTS sync_cursors (key TEXT PRIMARY KEY); -- cursors
          INSERT OR IGNORE INTO sync_cursors(key, value) VALUES ('item_seq', 0); -- first
          INSERT OR IGNORE INTO sync_cursors(key, value) VALUES ('progress_seq', 0); -- second
        \""")
        """, expected: [1: .static, 3: .static, 4: .static]),
        // 8. Round eight: a statement kept in a constant or variable named for SQL, then a clause.
        Case(name: "constant then clause", language: .java, source: """
        private static final String BASE_SELECT_SQL = "select a.ID, a.PROMO_NO from PROMO a";
        private static final String GET_ALL_SQL = BASE_SELECT_SQL + " order by a.PROMO_NO desc";
        private static final String GET_SQL = BASE_SELECT_SQL + " where a.ID = ?";
        private static final String LABEL = TITLE + " where you left off";
        """, expected: [1: .static, 2: .dynamic, 3: .dynamic]),
        Case(name: "template opening with a statement variable", language: .kotlin, source: """
        val baseSql = "SELECT lb.user_id, lb.wins FROM leaderboard lb"
        val sql = if (conditions.isEmpty()) {
            "$baseSql ORDER BY lb.wins DESC"
        } else {
            "$baseSql WHERE ${conditions.joinToString(" AND ")} ORDER BY lb.wins DESC"
        }
        """, expected: [1: .static, 3: .dynamic, 5: .dynamic]),
        Case(name: "a statement extending itself is no new one", language: .ruby, source: """
        sql = "#{sql} RETURNING #{quote_column_name(pk)}"
        """, expected: [:]),
        Case(name: "go redeclaration in the next function", language: .go, source: """
        func a() {
            query := `SELECT id FROM categories WHERE slug = $1`
            db.QueryRow(query, slug)
        }
        func b() {
            query := "SELECT id FROM t WHERE 1=1"
            query += " AND x = 1"
        }
        """, expected: [2: .static, 6: .dynamic]),
        // 9. Round nine: a SELECT list whose source comes from the pieces appended to it.
        Case(name: "select list then pieces", language: .php, source: """
        <?php
        $sql = 'SELECT NAME, REMARKS';
        $sql .= ' FROM SYSIBM.SYSTABLES';
        """, expected: [2: .dynamic]),
        // 10. Round ten: a statement filled by a format call later; SQLite's PRAGMA with a piece.
        Case(name: "format call on a variable", language: .go, source: """
        query := `UPDATE sessions SET data = jsonb_set(data, '{%s}', to_jsonb($1::text), true) WHERE id=$2`
        _, err := s.db.Exec(fmt.Sprintf(query, field), value, sessionID)
        """, expected: [1: .dynamic]),
        Case(name: "pragma with a run-time table", language: .php, source: """
        <?php
        $sql = 'PRAGMA table_info(' . $table . ')';
        $stm = $this->pdo->query($sql);
        """, expected: [2: .dynamic]),
        // 11. Round eleven: a constant of the file's own statements extended into another constant;
        // a statement formatted later with `%`.
        Case(name: "statements composed in a const block", language: .go, source: """
        const (
            getNamespacePart = `SELECT id, name FROM namespaces`
            getNamespaceByIDQuery = getNamespacePart + ` WHERE partition_id=$1 AND id = $2`
            label = title + ` where you left off`
        )
        """, expected: [2: .static, 3: .dynamic]),
        Case(name: "formatted with percent later", language: .python, source: """
        tables_query = "show tables in %s"
        cursor.execute(tables_query % schema_name)
        """, expected: [1: .dynamic]),
        // 12. Round twelve: T-SQL's `IF ((SELECT …) = 0)` handed to `SqlCommand` or `CommandText`.
        Case(name: "t-sql if over a select", language: .csharp, source: """
        var command = new SqlCommand(
            "IF ((SELECT COUNT(1) FROM sys.databases WHERE [name] = @DatabaseName) = 0) " +
            "CREATE DATABASE " + databaseNameQuoted + ";", connection);
        command.CommandText = "IF (SELECT COUNT(*) FROM t) = 0 INSERT INTO t VALUES (1)";
        label.Text = "IF (SELECT) fails";
        """, expected: [2: .dynamic, 4: .static]),
        // 13. Round fourteen: a statement variable, then run-time pieces, then a clause; not when
        // the variable holds only the start of a statement (`… WHERE `).
        Case(name: "a statement variable, pieces, then a clause", language: .java, source: """
        final String sql = "SELECT id, data_id FROM config_info";
        StringBuilder where = new StringBuilder(" WHERE ");
        return new MapperResult(sql + where + " LIMIT " + startRow + "," + pageSize, paramList);
        final String sqlFetchRows = "SELECT id, data_id FROM config_info WHERE ";
        return new MapperResult(sqlFetchRows + where + " LIMIT " + startRow, paramList);
        """, expected: [1: .static, 3: .dynamic, 4: .static]),
        // 14. A statement kept in a variable that an entry point is handed later: the entry point's
        // role judges it (an unparsed MySQL DELETE, T-SQL brackets).
        Case(name: "a variable handed to an entry point later", language: .python, source: """
        def delete(self, table, where_data=None):
            if where_data:
                delete_sql = "DELETE FROM `%s` %s " % (table, where_data)
            else:
                delete_sql = "DELETE FROM `%s` " % table
            return self.execute(delete_sql)
        def label(self):
            text = "Delete from the list"
            return self.render(text)
        """, expected: [3: .dynamic, 5: .dynamic]),
        Case(name: "php templates' markup opens no string", language: .php, source: """
        <p>Don't panic: it's only markup.</p>
        <?php $rows = $wpdb->get_results( "SELECT * FROM {$wpdb->posts} $where" ); ?>
        <!-- the site's posts -->
        <?= count( $rows ) ?>
        <?php
        $posts = $wpdb->get_results( "SELECT ID FROM {$wpdb->posts} WHERE post_status = 'publish'" );
        """, expected: [2: .dynamic, 6: .dynamic]),
        Case(name: "a collection's add is no joiner", language: .java, source: """
        List<String> names = new ArrayList<>();
        names.add("SELECT");
        """, expected: [:]),
    ]

    /// Decoys of whole real trees (WordPress, MediaWiki, Roundcube from Debian's packages).
    static let decoys: [Case] = [
        Case(name: "jquery selectors", language: .javascript, source: """
        input = form.find('input[type="file"]');
        api.refresh( $( this ).find( 'a.item-edit' ) );
        $( '#box' ).filter( ":ui-button" ).not( ":ui-button" );
        """, expected: [:]),
        Case(name: "paths joined", language: .ruby, source: """
        if Rails.root.join('tmp', 'caching-dev.txt').exist?
        end
        """, expected: [:]),
        Case(name: "vue events", language: .javascript, source: """
        const l = X(i, t, "update:selected");
        this.trigger("start:h", [v, $]);
        """, expected: [:]),
        Case(name: "a keyword regular expression", language: .javascript, source: """
        var compoundKeywords = "WITH\\W+(?:HEADER\\W+LINE|FRAME|KEY)|NO\\W+STANDARD\\W+PAGE\\W+HEADING";
        """, expected: [:]),
        Case(name: "sparql", language: .php, source: """
        <?php
        const SPARQL_DELETE = <<<SPARQLD
        DELETE { ?category ?x ?y } WHERE { ?category ?x ?y VALUES ?category { %s } };
        SPARQLD;
        """, expected: [:]),
        Case(name: "a lone word after another argument", language: .javascript, source: """
        this.exec('FileReader', 'abort');
        db.exec('BEGIN');
        """, expected: [2: .static]),
        Case(name: "a test failure's message", language: .swift, source: """
        XCTFail("call \\(self.numberOfCalls) unexpected (\\(context.channel.isWritable))")
        """, expected: [:]),
        Case(name: "values and django orderings", language: .javascript, source: """
        table.uuid('id').primary().defaultTo(knex.raw('uuid_generate_v4()'));
        const posts = await Post.objects.order_by("-last_update");
        """, expected: [:]),
        Case(name: "pieces kept with their parameters, sort tables", language: .javascript, source: """
        if (!user) return { sql: 'o.created_by = ?', params: [user.id] };
        const SORTS = {
          newest: 'o.observed_at DESC, o.id DESC',
          label: 'Newest first',
        };
        """, expected: [1: .fragment, 3: .fragment]),
        Case(name: "a string builder's append is no collection", language: .java, source: """
        StringBuilder whereClause = new StringBuilder(" WHERE 1=1 ");
        whereClause.append(" AND LOWER(i.type) = :type");
        conditions.add("i.status = :status");
        """, expected: [3: .fragment]),
        Case(name: "an alias postgres reserves", language: .typescript, source: """
        const queryBuilder = this.sysUserRepo.createQueryBuilder("user").where("user.username = :username", { username })
        queryBuilder.andWhere("user.userId != :userId", { userId })
        """, expected: [1: .fragment, 2: .fragment]),
        Case(name: "ruby's first takes a condition", language: .ruby, source: """
        Artist.first("name LIKE 'Y%'")
        """, expected: [1: .fragment]),
    ]

    /// Fragment classes: bun's `Set`/`ColumnExpr`, sqlboiler's `WhereIn`, a Go `where :=` piece,
    /// CodeIgniter's join conditions and lower-case `where` arguments, Medoo's `raw('WHERE …')`,
    /// a Rails migration's arguments on lines of their own, SQL tagged template pieces, columns
    /// qualified by a run-time alias, constant conditions, check constraints (round twelve: branches of
    /// conditional expressions, clauses opened on a piece, Python tuples, bound placeholders; round
    /// thirteen: conditions begun on an empty string, expressions with syntax only SQL has; round
    /// fourteen: Rails' `using:` conversions, FROM pieces).
    static let fragments: [Case] = [
        Case(name: "bun update", language: .go, source: """
        _, err := tx.NewUpdate().TableExpr(store.TableWorkItems).
            Set("status = ?", store.StatusInProgress).
            Set("locked_at = NULL").
            Where("id IN (?)", bun.List(ids)).
            Exec(ctx)
        err = q.ColumnExpr("COUNT(*)").Scan(ctx, &total)
        mods = append(mods, qm.WhereIn("\\"productID\\" in ?", ids...))
        where := `task_name = ? AND status = ?`
        """, expected: [2: .fragment, 3: .fragment, 4: .fragment, 6: .fragment, 7: .fragment, 8: .fragment]),
        Case(name: "go append to conditions", language: .go, source: """
        cond = append(cond, "a = ?")
        conds = append(conds, fmt.Sprintf("%s = ANY(?)", col))
        parts = append(parts, "b = ?")
        db.Where(fmt.Sprintf("created_at > %s", since)).Find(&rows)
        """, expected: [1: .fragment, 2: .fragment, 4: .fragment]),
        Case(name: "round six pieces", language: .typescript, source: """
        conditions.push(`o.status = $${paramIndex++}`);
        const q = database<Row>("courses").joinRaw("JOIN json_each(courses.tags_json) AS tag")
          .groupByRaw("tag.value COLLATE NOCASE").orderByRaw("name COLLATE NOCASE");
        """, expected: [1: .fragment, 2: .fragment, 3: .fragment]),
        Case(name: "go positional assignments", language: .go, source: """
        updates = append(updates, fmt.Sprintf("title = $%d", argCounter))
        """, expected: [1: .fragment]),
        Case(name: "sqlite named parameters", language: .csharp, source: """
        whereClauses.Add("Level >= $minLevel");
        """, expected: [1: .fragment]),
        Case(name: "ordering returned by a method", language: .ruby, source: """
        def sort_sql(sort)
          if sort == 'matchname'
            'ORDER BY match_name ASC'
          end
        end
        """, expected: [3: .fragment]),
        Case(name: "a bare column in Set is none", language: .go, source: """
        sq.Update("users").Set("name", name)
        """, expected: [:]),
        Case(name: "codeigniter helpers", language: .php, source: """
        <?php
        $rows = $this->global_model->get_data("*", "branch", "where deleted = '0'")->result_array();
        $this->db->join("dir_master", "jobs.aircraft_id = dir_master.id");
        $where = Medoo::raw('WHERE order_status = 1 AND DATE(created_on) = DATE(NOW())');
        notify("where you left off");
        """, expected: [2: .fragment, 3: .fragment, 4: .fragment]),
        Case(name: "rails check constraint over lines", language: .ruby, source: """
        add_check_constraint :stores,
                             "threshold_cents IS NULL OR threshold_cents >= 0",
                             name: "stores_threshold_nonnegative"
        """, expected: [2: .fragment]),
        Case(name: "sql tagged pieces", language: .typescript, source: """
        const typeQuery = type ? sql`and t.type = ${type}` : sql``;
        const parentJoin = parent ? sql`left outer join tasks pt on t.parent_task = pt.id` : sql``;
        await db.insert(limits).values({ key, resetAt: sql`now() + ${window}` });
        const fields = sql`, t.assignee_id`;
        """, expected: [1: .fragment, 2: .fragment, 3: .fragment]),
        Case(name: "a column qualified by a run-time alias is SQL of its own", language: .javascript, source: """
        where.push(`${table}.is_overdue = 1`);
        where.push(`${table}.created_by = ?`);
        where.push(`${a}.${b} = ${c}`);
        """, expected: [1: .fragment, 2: .fragment]),
        Case(name: "a column qualified by a run-time table is still a bare column", language: .ruby, source: """
        projects = Project.order("#{Project.table_name}.name")
        issues = Issue.where("#{Issue.table_name}.id > ?", id)
        hours = TimeEntry.select("#{TimeEntry.table_name}.hours")
        """, expected: [2: .fragment]),
        Case(name: "check constraints declared in code", language: .python, source: """
        op.create_check_constraint(
            "deployment_id_valid",
            "tenants",
            "deployment_id ~ '^[a-z][a-z0-9-]{0,62}$'",
        )
        t = sa.Table("x", meta, sa.CheckConstraint("price > 0", name="price_positive"))
        """, expected: [4: .fragment, 6: .fragment]),
        Case(name: "a branch of a conditional expression", language: .typescript, source: """
        const whereClause = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
        return this.knex.raw(dbType === 'jsonb' ? 'jsonb_array_length(??.??)' : 'json_array_length(??.??)', [t]);
        const label = isAdmin ? "Delete from list" : "Update the row";
        const x = a ? "a = b" : "c";
        """, expected: [1: .fragment, 2: .fragment]),
        Case(name: "a clause opened on a piece", language: .go, source: """
        additionalJoin = "JOIN Users o ON (o.Id = b.OwnerId)"
        conditionsSql = "WHERE " + strings.Join(conditions, " AND ")
        where = " AND " + strings.Join(conditions, " AND ")
        """, expected: [1: .fragment, 2: .fragment]),
        Case(name: "python tuples and str.format pieces", language: .python, source: """
        where.append("project_id = {}".format(self.project_id))
        where.append(("project_id = %s", [self.project_id]))
        where = [("{} < %s".format(quote_name(self.dtfield)), [cutoff])]
        where_clause = "where {}".format(" and ".join(where))
        """, expected: [1: .fragment, 2: .fragment, 3: .fragment, 4: .fragment]),
        Case(name: "placeholders collected for a where or set", language: .javascript, source: """
        if (req.body[field] !== undefined) { updates.push(`${field} = ?`); values.push(req.body[field]); }
        conditions.push(`${column} >= $${params.length}`);
        labels.push(`${field} = ?`);
        """, expected: [1: .fragment, 2: .fragment]),
        Case(name: "a condition opening with a name", language: .java, source: """
        db.update(USERS_TABLE_NAME, contentValues, USERS_COLUMN_MOBILE + " = ?", new String[]{mobile});
        return db.delete(Contract.TABLE, Contract.COLUMN_TIME + " < ?", new String[]{String.valueOf(expiry)});
        String label = prefix + " = ?";
        log(TAG + " = ?");
        """, expected: [1: .fragment, 2: .fragment]),
        Case(name: "builder methods named for their condition", language: .php, source: """
        <?php
        $query->beginOr()->addCondition(TaskModel::TABLE.".id IN (SELECT task_id FROM subtasks WHERE user_id='$user_id')")->closeOr();
        """, expected: [2: .fragment]),
        // Round thirteen.
        Case(name: "conditions begun on an empty string, in parentheses, or formatted into a collection", language: .python, source: """
        conditions = ""
        if filters.get("from_date"):
            conditions += " and posting_date between %s and %s"
        where_clause = ("to_tsvector('simple', coalesce(a.subject, '')) "
                        "@@ to_tsquery('simple', %s)")
        where = "a = 1"
        where += " and b = 2"
        """, expected: [3: .fragment, 4: .fragment, 6: .fragment]),
        Case(name: "a condition formatted into a collection", language: .csharp, source: """
        clauses.Add(string.Format("(\\"Series\\".\\"QualityProfileId\\" = {0} AND \\"EpisodeFiles\\".\\"Quality\\" LIKE '%q%')", id));
        """, expected: [1: .fragment]),
        Case(name: "constants, a clause led into a piece, and a list under a key", language: .typescript, source: """
        await db.where("TRUE").delete();
        await Tag.modelSelectAll({ ...options, conditions: [`id IN ("${noteIds.join('","')}")`] });
        const x = { labels: ["a = b"] };
        const groupBy = `GROUP BY ${fields}`;
        q.selectRaw('NULL as score');
        q.selectRaw('first_post_id as most_relevant_post_id');
        """, expected: [1: .fragment, 2: .fragment, 4: .fragment, 5: .fragment]),
        Case(name: "expressions with syntax only sql has, returned or assigned", language: .typescript, source: """
        const text = `(${column} #>> ARRAY[${key}])`;
        return `(${guard} AND ${text}::timestamptz < ${escaped}::timestamptz)`;
        return `(${column} @> ${this.escape(json)}::jsonb)`;
        const id = `'00000000-0000-0000-0000-00000000d01c'::uuid`;
        const values = ids.map((_, i) => `($${i * 2 + 1}, $${i * 2 + 2}::int)`).join(", ");
        return `Use Foo::Bar when ${x} = 1`;
        """, expected: [1: .fragment, 2: .fragment, 3: .fragment]),
        // Round fourteen.
        Case(name: "a column's conversion and the sources of a statement kept for splicing", language: .ruby, source: """
        change_column :agents, :options, :jsonb,
                      using: "CASE WHEN options IS NULL THEN '{}'::jsonb ELSE options::jsonb END"
        change_column :agents, :options, :text, using: "options::text"
        add_index :agents, :options, using: "gin"
        where_clause = <<SQL
          FROM post_visibilities as pv
            INNER JOIN aspects ON aspects.id = pv.aspect_id
          WHERE pv.hidden = false
        SQL
        """, expected: [2: .fragment, 3: .fragment, 5: .fragment]),
        Case(name: "an xorm join's condition", language: .go, source: """
        err := s.engine.Table("repos").
            Join("INNER", "perms", "repos.repo_id = perms.perm_repo_id").
            Find(&feed)
        """, expected: [2: .fragment]),
        Case(name: "constant conditions and the first item of a list of conditions", language: .typescript, source: """
        const conditions: string[] = ['1=1'];
        const wheres = ["a.deleted_at IS NULL"];
        where.push('1=0');
        if (!user) return { sql: '1=1', params: [] };
        const names = ['1=1'];
        const ratio = '16=9';
        """, expected: [1: .fragment, 2: .fragment, 3: .fragment, 4: .fragment]),
    ]

    @Test(arguments: fragments)
    func fragmentClasses(_ item: Case) {
        item.expectReported(includingFragments: true)
    }

    @Test(arguments: statements)
    func statementClasses(_ item: Case) {
        item.expectReported()
    }

    @Test(arguments: decoys)
    func wholeTreeDecoys(_ item: Case) {
        item.expectReported(includingFragments: true)
    }

    /// The statements of the class tables parse, with their real tables.
    @Test func parsedWithTheirTables() throws {
        let found = CodeScanner(options: ExtractionOptions()).extract(
            fromSource: "FormattableString sql = $\"SELECT p.id FROM projects p WHERE p.id = {id} FOR UPDATE OF p\";",
            path: "snippet", language: .csharp)
        let finding = try #require(found.first)
        #expect(finding.parseError == nil && finding.tables == ["projects"])
        #expect(try PgQuery.parse("SELECT 1 FROM projects p, users u FOR UPDATE OF p, u").tables == ["projects", "users"])
    }
}
