// Sources (four files, excerpts verbatim, concatenated; package clauses and imports merged):
//   1. a goose Go migration "upBaseconfig" for TimescaleDB (find_string
//      "goose.AddMigrationContext(up", index id 65823200171) — complete file;
//   2. a goose Go migration adding observation columns on SQLite (index id 27296980136) — complete;
//   3. a goose Go migration rewriting filter-rule JSON configs (index id 53911324826) — complete;
//   4. a mail server's SQLite repository "InitSchema" (package repository, modernc.org/sqlite;
//      index id 60936491021) — excerpt: InitSchema for versions 1 and 2 only (the identical
//      v3/v4 blocks are dropped), schemaV1 trimmed to seven of its statements, schemaV2 and
//      schemaV3 complete. OpenDB (DSN "_pragma" parameters) is left out.
//   The index did not return the repository names.
// Classes: multi-statement raw strings (lower-case `set time zone`, `create extension`,
//          `reset time zone`; labels inside the literal), short (PRAGMA user_version read and
//          set, PRAGMA journal_mode), SQLite-only syntax (INSERT OR IGNORE, CREATE VIRTUAL TABLE
//          ... USING fts5, CREATE TRIGGER ... BEGIN ... END, pragma_table_info()), DDL kept in
//          []string slices and in a variable assigned per switch case, ? placeholders, decoys
//          (error texts "set user_version = 1: %w", "begin migration to v1: %w",
//          "commit migration to v2: %w", "query filter rules: %w", slog messages, JSON in comments).
package migrations

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"

	"github.com/pressly/goose/v3"
)

// ---- 1. goose migration: base configuration ----

func init() {
	goose.AddMigrationContext(upBaseconfig, downBaseconfig)
}

func upBaseconfig(ctx context.Context, tx *sql.Tx) error {
	// expect-next: static
	_, err := tx.ExecContext(ctx, `
set time zone 'UTC';
create extension if not exists "uuid-ossp"; -- expect: static
create extension if not exists timescaledb cascade; -- expect: static
`)
	return err
}

func downBaseconfig(ctx context.Context, tx *sql.Tx) error {
	// expect-next: static
	_, err := tx.ExecContext(ctx, `
drop extension if exists "uuid-ossp";
reset time zone; -- expect: static
`)
	return err
}

// ---- 2. goose migration: importance decay columns ----

func init() {
	goose.AddMigrationContext(upAddImportanceDecay, downAddImportanceDecay)
}

func upAddImportanceDecay(ctx context.Context, tx *sql.Tx) error {
	columns := []string{"importance", "forget_after", "last_accessed"}

	for _, col := range columns {
		var count int
		// expect-next: static
		err := tx.QueryRowContext(ctx, `
			SELECT COUNT(*) FROM pragma_table_info('observations') WHERE name=?
		`, col).Scan(&count)
		if err != nil {
			return err
		}
		if count > 0 {
			continue // Column already exists
		}

		var ddl string
		switch col {
		case "importance":
			ddl = `ALTER TABLE observations ADD COLUMN importance REAL DEFAULT 1.0` // expect: static
		case "forget_after":
			ddl = `ALTER TABLE observations ADD COLUMN forget_after TIMESTAMP` // expect: static
		case "last_accessed":
			ddl = `ALTER TABLE observations ADD COLUMN last_accessed TIMESTAMP` // expect: static
		}

		if _, err := tx.ExecContext(ctx, ddl); err != nil {
			return err
		}
	}
	return nil
}

func downAddImportanceDecay(ctx context.Context, tx *sql.Tx) error {
	return nil
}

// ---- 3. goose migration: filter rule configs ----

func init() {
	goose.AddMigrationContext(up20260425230000, down20260425230000)
}

// up20260425230000 migrates old-format filter rule configs from a plain JSON
// array to the new object format with filter_mode.
//
// Old format: [{"match_mode":"regex","target":"name","pattern":"..."}]
// New format: {"filter_mode":"blacklist","rules":[{"match_mode":"regex","target":"name","pattern":"..."}]}
func up20260425230000(ctx context.Context, tx *sql.Tx) error {
	slog.Info("Running filter rule config migration...")
	migrated := 0

	rows, err := tx.QueryContext(ctx, "SELECT id, config FROM aggregation_rules WHERE type = 'filter'") // expect: static
	if err != nil {
		return fmt.Errorf("query filter rules: %w", err)
	}
	defer rows.Close()

	type ruleUpdate struct {
		id     uint
		config string
	}
	var updates []ruleUpdate

	for rows.Next() {
		var id uint
		var config string
		if err := rows.Scan(&id, &config); err != nil {
			return fmt.Errorf("scan filter rule: %w", err)
		}

		trimmed := strings.TrimSpace(config)
		if trimmed == "" {
			continue
		}

		// Already new format (JSON object)?
		if strings.HasPrefix(trimmed, "{") {
			continue
		}

		// Old format (JSON array)? Wrap it.
		if strings.HasPrefix(trimmed, "[") {
			// Validate it's valid JSON
			var arr json.RawMessage
			if err := json.Unmarshal([]byte(trimmed), &arr); err != nil {
				slog.Warn("Filter rule config is not valid JSON, skipping", "id", id, "error", err)
				continue
			}

			newConfig := map[string]interface{}{
				"filter_mode": "blacklist",
				"rules":       arr,
			}
			data, err := json.Marshal(newConfig)
			if err != nil {
				slog.Warn("Failed to marshal new filter config", "id", id, "error", err)
				continue
			}
			updates = append(updates, ruleUpdate{id: id, config: string(data)})
		}
	}
	rows.Close()

	for _, u := range updates {
		if _, err := tx.ExecContext(ctx, "UPDATE aggregation_rules SET config = ? WHERE id = ?", // expect: static
			u.config, u.id); err != nil {
			return fmt.Errorf("update filter rule id=%d: %w", u.id, err)
		}
		migrated++
	}

	slog.Info("Filter rule config migration completed", "migrated_records", migrated)
	return nil
}

// down20260425230000 is a no-op because converting back would risk data loss.
func down20260425230000(ctx context.Context, tx *sql.Tx) error {
	slog.Info("Rollback of filter rule config migration is a no-op")
	return nil
}

// ---- 4. SQLite repository: schema versions ----

// InitSchema applies pending schema migrations using PRAGMA user_version.
// Each if-block is independent so multiple migrations can apply in one startup.
func InitSchema(db *sql.DB) error {
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil { // expect: static
		return fmt.Errorf("read user_version: %w", err)
	}

	if version < 1 {
		// WAL mode must be set before schema initialization and outside a transaction.
		if _, err := db.Exec("PRAGMA journal_mode = WAL"); err != nil { // expect: static
			return fmt.Errorf("set WAL mode: %w", err)
		}

		tx, err := db.Begin()
		if err != nil {
			return fmt.Errorf("begin migration to v1: %w", err)
		}
		defer tx.Rollback()

		for _, stmt := range schemaV1 {
			if _, err := tx.Exec(stmt); err != nil {
				preview := stmt
				if len(preview) > 60 {
					preview = preview[:60]
				}
				return fmt.Errorf("schema v1 %q: %w", preview, err)
			}
		}

		// Best-effort atomicity: PRAGMA user_version inside a transaction is
		// committed together with the DDL on most SQLite versions.
		if _, err := tx.Exec("PRAGMA user_version = 1"); err != nil { // expect: static
			return fmt.Errorf("set user_version = 1: %w", err)
		}

		if err := tx.Commit(); err != nil {
			return fmt.Errorf("commit migration to v1: %w", err)
		}
	}

	if version < 2 {
		tx, err := db.Begin()
		if err != nil {
			return fmt.Errorf("begin migration to v2: %w", err)
		}
		defer tx.Rollback()

		for _, stmt := range schemaV2 {
			if _, err := tx.Exec(stmt); err != nil {
				preview := stmt
				if len(preview) > 60 {
					preview = preview[:60]
				}
				return fmt.Errorf("schema v2 %q: %w", preview, err)
			}
		}

		if _, err := tx.Exec("PRAGMA user_version = 2"); err != nil { // expect: static
			return fmt.Errorf("set user_version = 2: %w", err)
		}

		if err := tx.Commit(); err != nil {
			return fmt.Errorf("commit migration to v2: %w", err)
		}
	}

	return nil
}

// schemaV1 contains every DDL statement for the initial schema (version 0 → 1).
// All statements use IF NOT EXISTS so the migration is safe to re-run after a
// partial-commit interruption (e.g. if CREATE VIRTUAL TABLE auto-commits).
// Tables are ordered by dependency: folders and identities before messages,
// messages before attachments, attachments before its triggers.
var schemaV1 = []string{
	// expect-next: static
	`CREATE TABLE IF NOT EXISTS folders (
		id         INTEGER PRIMARY KEY,
		name       TEXT    NOT NULL UNIQUE,
		slug       TEXT    NOT NULL UNIQUE,
		position   INTEGER NOT NULL DEFAULT 0,
		created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
	)`,

	`CREATE INDEX IF NOT EXISTS idx_messages_send_at      ON messages(send_at) WHERE send_at IS NOT NULL`, // expect: static
	`CREATE INDEX IF NOT EXISTS idx_messages_folder_date ON messages(folder_id, date DESC)`, // expect: static

	// expect-next: static
	`CREATE TRIGGER IF NOT EXISTS messages_updated_at
		AFTER UPDATE ON messages
		WHEN new.updated_at = old.updated_at
	BEGIN
		UPDATE messages SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = new.id;
	END`,

	// expect-next: static
	`CREATE TRIGGER IF NOT EXISTS attachments_delete_flag
		AFTER DELETE ON attachments
	BEGIN
		UPDATE messages SET has_attachments = (
			SELECT CASE WHEN EXISTS (SELECT 1 FROM attachments WHERE message_id = old.message_id) THEN 1 ELSE 0 END
		) WHERE id = old.message_id;
	END`,

	// expect-next: static
	`CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5(
		from_addr,
		to_addr,
		cc_addr,
		subject,
		body_text,
		content='messages',
		content_rowid='id'
	)`,

	// OR IGNORE makes concurrent first-run inserts race-safe.
	// expect-next: static
	`INSERT OR IGNORE INTO spam_filter_settings (id, enabled, score_header, score_threshold)
		VALUES (1, 1, 'X-Spam-Score', 5.0)`,
}

// schemaV2 adds composite indexes that improve list-messages and list-folders query performance.
// Applied as a migration on existing v1 databases; also present in schemaV1 for fresh installs.
var schemaV2 = []string{
	`CREATE INDEX IF NOT EXISTS idx_messages_folder_date ON messages(folder_id, date DESC)`, // expect: static
	`CREATE INDEX IF NOT EXISTS idx_messages_folder_read ON messages(folder_id, read)`, // expect: static
}

// schemaV3 adds the message_references join table for indexed thread forward lookups,
// replacing the full-table-scan LIKE '%…%' pattern on the references column.
var schemaV3 = []string{
	// expect-next: static
	`CREATE TABLE IF NOT EXISTS message_references (
		message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
		ref_msg_id TEXT    NOT NULL,
		UNIQUE (message_id, ref_msg_id)
	)`,
	`CREATE INDEX IF NOT EXISTS idx_msgref_ref ON message_references(ref_msg_id)`, // expect: static
	// Backfill from existing data. Recursive CTE splits the newline-separated
	// references column one token at a time, avoiding JSON encoding issues.
	// expect-next: static
	`WITH RECURSIVE split(message_id, ref, rest) AS (
		SELECT id,
		       CASE WHEN instr("references", char(10)) > 0
		            THEN substr("references", 1, instr("references", char(10)) - 1)
		            ELSE "references" END,
		       CASE WHEN instr("references", char(10)) > 0
		            THEN substr("references", instr("references", char(10)) + 1)
		            ELSE '' END
		FROM messages
		WHERE "references" IS NOT NULL AND "references" != ''
		UNION ALL
		SELECT message_id,
		       CASE WHEN instr(rest, char(10)) > 0
		            THEN substr(rest, 1, instr(rest, char(10)) - 1)
		            ELSE rest END,
		       CASE WHEN instr(rest, char(10)) > 0
		            THEN substr(rest, instr(rest, char(10)) + 1)
		            ELSE '' END
		FROM split WHERE rest != ''
	)
	INSERT OR IGNORE INTO message_references (message_id, ref_msg_id)
	SELECT message_id, ref FROM split WHERE ref != ''`,
}
