@testable import Extraction
import Testing

/// Classes of miss and error found by the fifteenth to seventeenth corpus rounds (real files
/// labelled blind, see `Corpus/ROUND15.md` to `ROUND17.md`) and by the bench's whole trees; each
/// source is cut down from the file it was found in, and each fails on the scanner before its fix.
@Suite("Later-round classes")
struct LaterRoundClassTests {
    typealias Case = SweepClassTests.Case

    static let statements: [Case] = [
        // MARK: Round fifteen
        Case(name: "a script's BEGIN and COMMIT around statements of another dialect", language: .go, source: """
        const (
        \tcreateMessagesTableQuery = `
        \t\tBEGIN;
        \t\tCREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL);
        \t\tCREATE INDEX IF NOT EXISTS idx_user ON messages (user);
        \t\tCOMMIT;
        \t`
        )
        """, expected: [2: .static, 4: .static, 5: .static, 6: .static]),
        Case(name: "a JDBI handle's createQuery takes SQL", language: .java, source: """
        int count = handle
            .createQuery(StringUtils.format("SELECT COUNT(*) FROM %1$s WHERE %2$s = :key", tableName, keyColumn))
            .bind("key", key);
        List<User> users = em.createQuery("SELECT u FROM User u WHERE u.name = :name", User.class);
        """, expected: [2: .dynamic]),
        Case(name: "Java's positional format holes", language: .java, source: """
        connector.createTable(tableName, ImmutableList.of(StringUtils.format(
            "CREATE TABLE %1$s (name VARCHAR(255) NOT NULL, payload %2$s NOT NULL)", tableName, payloadType)));
        """, expected: [2: .dynamic]),
        Case(name: "a builder begun empty, its first piece chained", language: .java, source: """
        StringBuilder query = new StringBuilder()
            .append("INSERT INTO ")
            .append(escapeTable("ENTRY"))
            .append(" (TYPE) VALUES (?)");
        PreparedStatement statement = connection.prepareStatement(query.toString());
        StringBuilder label = new StringBuilder().append("Insert into ").append(name);
        """, expected: [2: .dynamic]),
        Case(name: "SQLite's ATTACH", language: .python, source: """
        conn.execute(f'ATTACH DATABASE "{dbpath}" AS fts_db')
        conn.execute('DETACH DATABASE fts_db')
        """, expected: [1: .dynamic, 2: .static]),
        Case(name: "pieces that are a derived table's query or named queries", language: .ruby, source: """
        def select_changed_sql
          sql = <<~SQL
            SELECT * FROM (#{changes_data_sql}) data_changes
          SQL
        end

        def insert_journal_sql
          <<~SQL
            WITH #{journal_cte_clauses.join(',')}
            SELECT * from inserted_journal
          SQL
        end
        """, expected: [2: .dynamic, 8: .dynamic]),
        Case(name: "lower-case definitions a grammar returns", language: .php, source: """
        <?php
        return 'drop table if exists '.$this->wrapTable($blueprint);
        return "alter table {$this->wrapTable($blueprint)} drop constraint {$index}";
        $message = 'drop table failed';
        $hint = "create table of contents";
        """, expected: [2: .dynamic, 3: .dynamic]),
        Case(name: "a statement whose object a piece names, in a list of statements", language: .php, source: """
        <?php
        $sql[] = 'ALTER TABLE ' . $tableNameSQL . ' ' . $query;
        $sql = 'DELETE FROM ' . $table;
        $label = 'Alter table ' . $name;
        $notes[] = 'ALTER TABLE ' . $name;
        """, expected: [2: .dynamic, 3: .dynamic]),
        Case(name: "a statement head, a piece, then more of the statement", language: .python, source: """
        def visit_set_table_comment(self, create):
            return "ALTER TABLE %s COMMENT %s" % (self.format_table(create.element), comment)
        def label(self, name):
            return "ALTER TABLE %s" % name
        """, expected: [2: .dynamic]),
        Case(name: "a condition in a conditional nested in a statement", language: .php, source: """
        <?php
        $sql = 'SELECT n.* FROM ' . $this->table . ' n
            WHERE n.user_id = ' . (int) $options['user_id'] .
            (($options['id']) ? ((is_array($options['id'])) ? ' AND ' . $this->db->sql_in_set('n.notification_id', $options['id']) : ' AND n.notification_id = ' . (int) $options['id']) : '') . '
            ORDER BY n.id';
        """, expected: [2: .dynamic]),
        // MARK: Round sixteen
        Case(name: "a builder begun with a statement's first piece takes the appends that follow", language: .java, source: """
        StringBuilder query = new StringBuilder("UPDATE ");
        query.append(getStorageName(entity.getClass()));
        query.append(" SET ");
        query.append(formatColumns(columns, c -> c + " = ?"));
        StringBuilder insert = new StringBuilder("INSERT INTO ");
        insert.append(permission.getStorageName());
        insert.append(" VALUES (");
        insert.append(")");
        """, expected: [1: .dynamic, 5: .dynamic]),
        Case(name: "a subquery appended after an open parenthesis", language: .java, source: """
        StringBuilder result = new StringBuilder();
        result.append("id IN (");
        result.append("SELECT positionId FROM ");
        result.append(getStorageName(Device.class));
        result.append(")");
        """, expected: [:]),
        // MARK: Round seventeen
        Case(name: "title-case SQL kept in a name for SQL", language: .csharp, source: """
        private const string _sqlLogUpdate = @"
        Update Exceptions
           Set DuplicateCount = DuplicateCount + @DuplicateCount
         Where ErrorHash = @ErrorHash
           And CreationDate >= @minDate limit 1";
        private const string _sqlHint = "Update your profile, then select a file and save";
        """, expected: [1: .static]),
        Case(name: "NHibernate's CreateSQLQuery", language: .csharp, source: """
        var cacheSize = Convert.ToInt64(session.CreateSQLQuery("PRAGMA cache_size").UniqueResult());
        session.CreateSQLQuery($"PRAGMA cache_size = {SQLiteWriteCacheSize}").ExecuteUpdate();
        """, expected: [1: .static, 2: .dynamic]),
        Case(name: "a statement a template extends from itself", language: .javascript, source: """
        let qry = `
          SELECT id, path FROM "pagesVector", to_tsquery(?,?) query WHERE query @@ "tokens"`
        if (opts.locale) {
          qry = `${qry} AND locale = ?`
        }
        """, expected: [1: .dynamic]),
    ]

    static let fragments: [Case] = [
        // MARK: Round fifteen
        Case(name: "Go slices of conditions, MySQL's backquoted names", language: .go, source: """
        where, having, args := []string{"1 = 1"}, []string{"1 = 1"}, []any{}
        where, args = append(where, "`memo`.`id` = ?"), append(args, *v)
        having = append(having, "`parent_id` IS NULL")
        set, args = append(set, "`created_ts` = FROM_UNIXTIME(?)"), append(args, *v)
        labels := []string{"a-b"}
        """, expected: [1: .fragment, 2: .fragment, 3: .fragment, 4: .fragment]),
        Case(name: "Android's selection", language: .kotlin, source: """
        val cursor = db.query(
            table = "folders",
            selection = "server_id = ?",
            selectionArgs = arrayOf(serverId),
        )
        String selection = COLUMN_ID + " = ?";
        val selection = "Select all"
        selection = folderSel + " AND type=?";
        val selection = if (excludeLocalOnly) "local_only = 0" else null
        val where = if (unread) "read = 0" else "read = 1"
        """, expected: [3: .fragment, 6: .fragment, 9: .fragment, 10: .fragment]),
        Case(name: "hyphenated names handed to filter and group", language: .php, source: """
        <?php
        $group = new Group( 'p-donation' );
        $style = ResourceLoader::filter( 'minify-css', $style );
        $rows = $query->where( 'price - discount > 10' );
        """, expected: [4: .fragment]),
        // MARK: Round sixteen
        Case(name: "squirrel's Columns and ConcatExpr", language: .go, source: """
        return query.
            Columns(
                "coalesce(starred, 0) as starred",
                "starred_at",
            )
        del := Delete("playlist_tracks").Where(And{ConcatExpr("media_file_id not in (select id from media_file)")})
        """, expected: [3: .fragment, 6: .fragment]),
        Case(name: "an application's finder given its condition", language: .go, source: """
        return db.GetCollectionBy("alias = ?", alias)
        return db.GetCollectionBy("id = ?", id)
        label := strings.SplitBy("a = b", "=")
        """, expected: [1: .fragment, 2: .fragment]),
        Case(name: "C#'s collection initialisers of conditions", language: .csharp, source: """
        var whereClauses = new List<string> { "p.deleted_at IS NULL" };
        var conditions = new List<string> { "Date = $date" };
        var names = new List<string> { "a = b" };
        """, expected: [1: .fragment, 2: .fragment]),
        Case(name: "jOOQ's plain SQL fields", language: .java, source: """
        DSL.field("COALESCE(string_agg(label.name, ','), '')", String.class).as("labels")
        Field<Double> rank = DSL.field("ts_rank({0}, {1})", Double.class, tsvector, tsquery);
        form.field("Email (required)");
        """, expected: [1: .fragment, 2: .fragment]),
        Case(name: "Rails' find_by", language: .ruby, source: """
        user = find_by("LOWER(login) = ?", login.downcase)
        """, expected: [1: .fragment]),
        Case(name: "conditions a helper returns, compared with a bind", language: .kotlin, source: """
        private fun findTag(): String {
            sort = "n.sfld COLLATE NOCASE, c.ord"
            return "((n.tags like ? escape '\\\\') or (n.tags like ? escape '\\\\'))"
        }
        private fun ask(): String = "Are you sure?"
        """, expected: [2: .fragment, 3: .fragment]),
        Case(name: "PHP's array_push onto a list of clauses", language: .php, source: """
        <?php
        array_push(
          $clauses,
          "date >= '".$search['fields']['date-after']."'"
          );
        array_push($clauses, '1 = 2 ');
        array_push($names, 'a - b');
        """, expected: [4: .fragment, 6: .fragment]),
        Case(name: "a clause led by a line break", language: .csharp, source: """
        private string GetOrderBy()
        {
            return Sort.HasValue ? $"\\nORDER BY {Sort} DESC" : "";
        }
        """, expected: [3: .fragment]),
        Case(name: "branches appended to a piece", language: .php, source: """
        <?php
        foreach ( $private_statuses as $status ) {
            $type_where .= current_user_can( $cap ) ? " \\nOR {$wpdb->posts}.post_status = '$status'" : " \\nOR ({$wpdb->posts}.post_author = $user_id)";
        }
        """, expected: [:]),
        // MARK: Round seventeen
        Case(name: "sqlf's formatted pieces, connectors of pieces alone are not", language: .go, source: """
        conds := []*sqlf.Query{
            sqlf.Sprintf("description=%s", savedSearch.Description),
            sqlf.Sprintf("user_id=%v", newOwner.User),
        }
        return sqlf.Sprintf("(%v OR %v)", a, b)
        """, expected: [2: .fragment, 3: .fragment]),
        Case(name: "conditions returned with their parameters, led by a name", language: .python, source: """
        def clause(self):
            return self.field + " = ?", [self.pattern]
        def label(self):
            text = prefix + " = ?"
            return text
        """, expected: [2: .fragment]),
        Case(name: "an object key named for a clause, a parameter numbered at run time", language: .typescript, source: """
        function where(fieldName: string, argIndex: number) {
            return {
                clause: `${fieldName} = :arg${argIndex}`,
                parameters: { [`arg${argIndex}`]: operand },
            };
        }
        """, expected: [3: .fragment]),
        Case(name: "a table and its columns is no expression", language: .typescript, source: """
        await tx.insert(tx.raw('documents (type, document, hash)'), rows);
        const rank = tx.raw('ts_rank_cd(body, query)');
        """, expected: [2: .fragment]),
    ]

    @Test(arguments: statements)
    func statementClasses(_ item: Case) {
        item.expectReported()
    }

    @Test(arguments: fragments)
    func fragmentClasses(_ item: Case) {
        item.expectReported(includingFragments: true)
    }
}
