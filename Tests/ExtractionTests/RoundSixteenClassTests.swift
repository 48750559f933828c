@testable import Extraction
import Testing

/// Classes of miss and error found by the sixteenth corpus round (sixteen real files labelled
/// blind, see `Corpus/ROUND16.md`); each source is cut down from the file it was found in.
@Suite("Round-sixteen classes")
struct RoundSixteenClassTests {
    typealias Case = SweepClassTests.Case

    static let statements: [Case] = [
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
    ]

    static let fragments: [Case] = [
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
