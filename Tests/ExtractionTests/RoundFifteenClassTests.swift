@testable import Extraction
import Testing

/// Classes of miss and error found by the fifteenth corpus round (sixteen real files labelled
/// blind, see `Corpus/ROUND15.md`) and by the bench's whole trees; each source is cut down from
/// the file it was found in.
@Suite("Round-fifteen classes")
struct RoundFifteenClassTests {
    typealias Case = SweepClassTests.Case

    static let statements: [Case] = [
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
    ]

    static let fragments: [Case] = [
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
