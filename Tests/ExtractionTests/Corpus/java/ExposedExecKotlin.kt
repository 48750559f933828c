// Sources: three Kotlin files using JetBrains Exposed's raw exec, found with find_string
// "TransactionManager.current().exec(" (repository names not returned):
//   (a) com.turnin … FeedRepositoryImpl       (index id 65801658944), excerpt: getFallbackFeeds,
//       executeFeedQuery, getFeedsNativeSQL, getFallbackFeedsNativeSQL (getFeeds left out)
//   (b) com.calypsan.listenup … SearchReindexService (index id 56984275379), complete
//   (c) com.m2f.server.groups migrations       (index id 55109649764), excerpt: two of six
//       migration classes
// Verbatim apart from: these header lines; two comment lines carrying an expect-next label (a
// Kotlin """ opening line cannot carry a comment: the text after """ is in the string); the
// import list of (a) shortened; the package and import lines of (b) kept as comments.
// Classes: static SQL in Kotlin raw strings """…""".trimIndent() returned by functions and handed
//          to exec(stmt = sql, args = params) with ? placeholders (a long CTE with pgvector <=>,
//          CROSS JOIN LATERAL, DISTINCT ON, row comparison (a, b, c) < (?::float8, ?, ?), a
//          quoted "user" table), Exposed tx.exec("…") with short DELETE / SQLite FTS5
//          INSERT INTO t(t) VALUES('rebuild') commands (hard: FTS5 command syntax), a statement
//          built only from literal pieces joined with "+" (static), ALTER TABLE … ADD COLUMN IF NOT
//          EXISTS, decoys (end-of-line comments that quote SQL "// uk.created_at < ?",
//          "// block.blocker_id = ?", KDoc quoting `INSERT INTO <t>(<t>) VALUES('rebuild')`,
//          rs.getString("uk_id") column names, migration descriptions "Create groups table",
//          "Add revoked_at column to invitations table", version strings).

// ---------------------------------------------------------------- (a) id 65801658944 (excerpt)
package com.turnin.domain.feed.infrastructure.repository

import com.turnin.common.db.suspendTransaction
import org.jetbrains.exposed.sql.IColumnType
import org.jetbrains.exposed.sql.IntegerColumnType
import org.jetbrains.exposed.sql.LongColumnType
import org.jetbrains.exposed.sql.javatime.JavaOffsetDateTimeColumnType
import org.jetbrains.exposed.sql.statements.StatementType
import org.jetbrains.exposed.sql.transactions.TransactionManager

class FeedRepositoryImpl : FeedRepository {
    override suspend fun getFallbackFeeds(
        userId: UserId,
        cursorCreatedAt: Long?,
        limit: Int,
    ): List<Feed> = suspendTransaction {
        val sql = getFallbackFeedsNativeSQL()
        val params = buildList {
            add(LongColumnType() to userId.value) // uk.user_id != ?
            add(LongColumnType() to userId.value) // block.blocker_id = ?
            add(LongColumnType() to userId.value) // block.blocked_id = ?
            add(LongColumnType() to cursorCreatedAt) // cursor null check
            add(
                JavaOffsetDateTimeColumnType() to cursorCreatedAt?.let {
                    Instant.ofEpochSecond(it).toOffsetDateTime()
                },
            ) // uk.created_at < ?
            add(IntegerColumnType() to limit) // LIMIT ?
        }

        executeFeedQuery(sql, params)
    }

    private fun executeFeedQuery(
        sql: String,
        params: List<Pair<IColumnType<*>, Any?>>,
    ): List<Feed> =
        TransactionManager.current().exec(
            stmt = sql,
            args = params,
            explicitStatementType = StatementType.SELECT,
        ) { rs ->
            val feeds = mutableListOf<Feed>()
            while (rs.next()) {
                feeds.add(
                    Feed(
                        userKeywordId = UserKeywordId(rs.getLong("uk_id")),
                        userId = UserId(rs.getLong("uk_user_id")),
                        userName = UserName(rs.getString("name")),
                        keywordId = KeywordId(rs.getLong("uk_keyword_id")),
                        profileImageUrl = rs.getString("profile_image_url"),
                        keyword = KeywordName(rs.getString("keyword")),
                        description = Description(rs.getString("uk_description")),
                        createdAt = rs
                            .getTimestamp("uk_created_at")
                            .toInstant()
                            .toOffsetDateTime()
                            .toEpochSecond(),
                        score = rs.getDouble("final_score"),
                        similarity = rs.getDouble("similarity"),
                    ),
                )
            }
            feeds
        } ?: emptyList()

    // expect-next: static
    private fun getFeedsNativeSQL(): String = """
        WITH my_top_keywords AS (
            SELECT uk.keyword_id, k.embedding AS seed_embedding
            FROM user_keyword uk
            JOIN keyword k ON uk.keyword_id = k.id
            WHERE uk.user_id = ? AND uk.is_active = true
            ORDER BY uk.created_at DESC
            LIMIT 5
        ),
        friends AS (
            SELECT
                CASE
                    WHEN requester_id = ? THEN receiver_id
                    ELSE requester_id
                END AS id
            FROM friend
            WHERE (requester_id = ? OR receiver_id = ?)
                AND status = 'ACCEPTED'
        ),
        friend_pool AS (
            SELECT
                uk.id AS uk_id,
                uk.user_id AS uk_user_id,
                uk.keyword_id AS uk_keyword_id,
                uk.description AS uk_description,
                uk.created_at AS uk_created_at,
                1 AS priority,
                (SELECT COALESCE(MAX(1 - (k.embedding <=> mtk.seed_embedding)), 0)
                 FROM my_top_keywords mtk) AS similarity
            FROM user_keyword uk
            JOIN keyword k ON uk.keyword_id = k.id
            WHERE uk.user_id IN (SELECT id FROM friends)
                AND uk.is_active = true
        ),
        similar_pool AS (
            SELECT
                r.id AS uk_id,
                r.user_id AS uk_user_id,
                r.keyword_id AS uk_keyword_id,
                r.description AS uk_description,
                r.created_at AS uk_created_at,
                2 AS priority,
                r.similarity
            FROM my_top_keywords mtk
            CROSS JOIN LATERAL (
                SELECT
                    uk.id, uk.user_id, uk.keyword_id, uk.description, uk.created_at,
                    (1 - (k.embedding <=> mtk.seed_embedding)) AS similarity
                FROM keyword k
                JOIN user_keyword uk ON k.id = uk.keyword_id
                WHERE uk.user_id != ?
                    AND uk.is_active = true
                    AND uk.user_id NOT IN (SELECT id FROM friends)
                    AND NOT EXISTS (
                        SELECT 1 FROM block
                        WHERE (block.blocker_id = ? AND block.blocked_id = uk.user_id)
                            OR (block.blocked_id = ? AND block.blocker_id = uk.user_id)
                    )
                ORDER BY k.embedding <=> mtk.seed_embedding
                LIMIT ?
            ) r
            WHERE r.similarity >= ?
        ),
        fallback_pool AS (
            SELECT
                uk.id AS uk_id,
                uk.user_id AS uk_user_id,
                uk.keyword_id AS uk_keyword_id,
                uk.description AS uk_description,
                uk.created_at AS uk_created_at,
                3 AS priority,
                0.0 AS similarity
            FROM user_keyword uk
            WHERE uk.user_id != ?
                AND uk.is_active = true
                AND uk.user_id NOT IN (SELECT id FROM friends)
                AND NOT EXISTS (
                    SELECT 1 FROM block
                    WHERE (block.blocker_id = ? AND block.blocked_id = uk.user_id)
                        OR (block.blocked_id = ? AND block.blocker_id = uk.user_id)
                )
                AND (?::bigint IS NULL OR uk.created_at < ?)
            ORDER BY uk.created_at DESC
            LIMIT ?
        ),
        combined AS (
            SELECT * FROM friend_pool
            UNION ALL
            SELECT * FROM similar_pool
            UNION ALL
            SELECT * FROM fallback_pool
        ),
        scored_pool AS (
            SELECT DISTINCT ON (uk_id)
                *,
                (
                    (similarity * 50) +
                    (CASE WHEN priority = 1 THEN 100 ELSE 0 END)
                ) AS final_score
            FROM combined
            ORDER BY uk_id, priority ASC
        ),
        result_list AS (
            SELECT
                uk_id, uk_user_id, uk_keyword_id, uk_description, uk_created_at,
                similarity, final_score
            FROM scored_pool
            WHERE (?::float8 IS NULL OR
                (final_score, uk_created_at, uk_id) < (?::float8, ?, ?))
            ORDER BY final_score DESC, uk_created_at DESC, uk_id DESC
            LIMIT ?
        )
        SELECT
            rl.uk_id, rl.uk_user_id, rl.uk_keyword_id, rl.uk_description, rl.uk_created_at,
            rl.similarity, rl.final_score,
            u.name, u.profile_image_url, k.keyword
        FROM result_list rl
        JOIN "user" u ON rl.uk_user_id = u.id
        JOIN keyword k ON rl.uk_keyword_id = k.id
        ORDER BY rl.final_score DESC, rl.uk_created_at DESC, rl.uk_id DESC;
        """.trimIndent()

    // expect-next: static
    private fun getFallbackFeedsNativeSQL(): String = """
        SELECT
            uk.id AS uk_id,
            uk.user_id AS uk_user_id,
            uk.keyword_id AS uk_keyword_id,
            uk.description AS uk_description,
            uk.created_at AS uk_created_at,
            0.0 AS similarity,
            0.0 AS final_score,
            u.name,
            u.profile_image_url,
            k.keyword
        FROM user_keyword uk
        JOIN "user" u ON uk.user_id = u.id
        JOIN keyword k ON uk.keyword_id = k.id
        WHERE uk.user_id != ?
            AND uk.is_active = true
            AND NOT EXISTS (
                SELECT 1 FROM block
                WHERE (block.blocker_id = ? AND block.blocked_id = uk.user_id)
                    OR (block.blocked_id = ? AND block.blocker_id = uk.user_id)
            )
            AND (?::bigint IS NULL OR uk.created_at < ?)
        ORDER BY uk.created_at DESC
        LIMIT ?;
        """.trimIndent()
}

// ---------------------------------------------------------------- (b) id 56984275379
// package com.calypsan.listenup.server.services

// import com.calypsan.listenup.server.sync.BookSearchReindexer
// import org.jetbrains.exposed.v1.jdbc.Database
// import org.jetbrains.exposed.v1.jdbc.transactions.TransactionManager
// import org.jetbrains.exposed.v1.jdbc.transactions.suspendTransaction

/**
 * Admin-triggered full rebuild of all FTS5 indexes. Recovery path for index drift after a
 * failed migration.
 *
 * The four FTS5 tables fall into two families that demand different rebuild idioms:
 *
 *  - **Contentless** (`content=''`, `contentless_delete=1`): `book_search` (V9/V23) and
 *    `contributor_search` (switched to contentless in V22 to carry the synthetic `aliases`
 *    column). These do **not** support the native `'rebuild'` command — it raises
 *    `SQLITE_ERROR ('rebuild' may not be used with a contentless fts5 table)`. They are
 *    rebuilt from source: `book_search` via [BookSearchReindexer.reindexBook] per book;
 *    `contributor_search` via a DELETE + re-INSERT from `contributors` + `contributor_aliases`,
 *    mirroring the V22 `contributors_au` trigger.
 *  - **External-content** (`content='book_series'` / `content='tags'`): `series_search` and
 *    `tag_search` support the native `INSERT INTO <t>(<t>) VALUES('rebuild')` command.
 */
class SearchReindexService(
    private val db: Database,
    private val reindexer: BookSearchReindexer,
) {
    /** @return number of books reindexed via [BookSearchReindexer]. */
    suspend fun reindexAll(): Int {
        val bookIds =
            suspendTransaction(db) {
                val ids = mutableListOf<String>()
                TransactionManager.current().exec("SELECT id FROM books WHERE deleted_at IS NULL") { rs -> // expect: static
                    while (rs.next()) ids += rs.getString("id")
                }
                ids
            }
        for (id in bookIds) reindexer.reindexBook(id)
        suspendTransaction(db) {
            val tx = TransactionManager.current()
            // contributor_search is contentless (V22): rebuild from source, mirroring the
            // contributors_au trigger so name/sort_name/description AND aliases are restored.
            tx.exec("DELETE FROM contributor_search") // expect: static
            tx.exec(
                "INSERT INTO contributor_search(rowid, name, sort_name, description, aliases) " + // expect: static
                    "SELECT c.rowid, c.name, c.sort_name, c.description, " +
                    "COALESCE((SELECT GROUP_CONCAT(a.alias, ' ') FROM contributor_aliases a " +
                    "WHERE a.contributor_id = c.id), '') " +
                    "FROM contributors c",
            )
            // series_search and tag_search are external-content: the native 'rebuild' applies.
            tx.exec("INSERT INTO series_search(series_search) VALUES('rebuild')") // expect: static
            tx.exec("INSERT INTO tag_search(tag_search) VALUES('rebuild')") // expect: static
        }
        return bookIds.size
    }
}

// ---------------------------------------------------------------- (c) id 55109649764 (excerpt)
/**
 * Migration to create the invitations table.
 */
internal class CreateInvitationsTableMigration : Migration {
    override val version: String = "20260222000001"
    override val description: String = "Create invitations table"

    override suspend fun migrate() {
        SchemaUtils.create(InvitationsTable)
    }
}

/**
 * Migration to add revokedAt column to the invitations table.
 * Allows admins to revoke pending invitations.
 */
internal class AddRevokedAtColumnMigration : Migration {
    override val version: String = "20260226000001"
    override val description: String = "Add revoked_at column to invitations table"

    override suspend fun migrate() {
        TransactionManager.current().exec("ALTER TABLE invitations ADD COLUMN IF NOT EXISTS revoked_at TIMESTAMP NULL") // expect: static
    }
}
