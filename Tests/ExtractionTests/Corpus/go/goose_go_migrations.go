// Sources (the index gave no repository names; open with read_file id=…); four goose Go
// migrations, all `package migrations` with github.com/pressly/goose/v3:
//   (a) id 69678313692: 0001_CreateUsers registered on a `service` (PostgreSQL, citext).
//   (b) id 55150162602: "re-enable admin" migration of an LMS (SQLite-style `?` binds).
//   (c) id 6115072497: auth SQL functions uid()/role() in a schema named by RCAUTH_SCHEMA_NAME.
//   (d) id 53400912207: 013_immutable_messages of an agent/chat store (SQLite).
// Classes: goose AddMigrationContext, tx.ExecContext with multi-statement raw strings opening on
// the call line (expect-next on the line before; further statements labelled inside the
// literal with `-- expect:`), CREATE EXTENSION / plpgsql trigger function with `$$` body
// (body unlabelled) / CREATE TRIGGER, INSERT … ON CONFLICT DO NOTHING with `?`, one-line raw
// string UPDATE, fmt.Sprintf(`… %s.uid() …`) with two SQL functions (dynamic; the second
// function's label is an `-- expect-next:` SQL comment line inside the literal, because its
// `$$` opens at the end of its first line), statements in a []string ranged over, SQLite
// strftime('%Y-%m-%dT…') (not format verbs); decoys: fmt.Errorf texts ("…\nSQL: %s"),
// comments naming the default admin login, `"admin123"`.
// Adaptations: four files concatenated into one; imports merged; (c)'s and (d)'s `init`
// functions renamed initAuthFunctions / initImmutableMessages (Go allows several `init`, kept
// distinct for reading); `// expect-next:` comments appended to the line before each
// multi-line literal (a comment line of its own in (b)); `-- expect:` / `-- expect-next:`
// SQL comments added inside the literals (in (c) the `-- expect-next:` line replaces the blank
// line between the two functions). Code otherwise verbatim.
package migrations

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	"github.com/google/uuid"
	"github.com/pressly/goose/v3"
	"golang.org/x/crypto/bcrypt"
)

// ---- (a) id 69678313692
func (s *service) registerMigration_0001_CreateUsers() {
	goose.AddMigrationContext(s.up_0001_CreateUsers, s.down_0001_CreateUsers)
}

func (s *service) up_0001_CreateUsers(ctx context.Context, tx *sql.Tx) error { // expect-next: static
	_, err := tx.ExecContext(ctx, `
CREATE EXTENSION IF NOT EXISTS citext;

CREATE OR REPLACE FUNCTION update_updated_at_column() -- expect: static
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$ language 'plpgsql';

CREATE TABLE IF NOT EXISTS users ( -- expect: static
  id                BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email             CITEXT      UNIQUE NOT NULL,
  name              TEXT        NOT NULL DEFAULT '',
  password_hash     TEXT        NULL,
  email_verified_at TIMESTAMPTZ NULL,
  token_version     INTEGER     NOT NULL DEFAULT 0,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TRIGGER update_users_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE PROCEDURE update_updated_at_column(); -- expect: static
	`)
	return err
}

// The citext extension is left in place: dropping an extension is a
// schema-wide decision, not this migration's.
func (s *service) down_0001_CreateUsers(ctx context.Context, tx *sql.Tx) error { // expect-next: static
	_, err := tx.ExecContext(ctx, `
DROP TRIGGER IF EXISTS update_users_updated_at ON users;

DROP TABLE IF EXISTS users; -- expect: static

DROP FUNCTION IF EXISTS update_updated_at_column; -- expect: static
	`)
	return err
}

// ---- (b) id 55150162602
// Migration 00010 disabled the admin account back when the product was
// "teacher-driven". Admin is a first-class role again (Admin panel, access
// policy, backup, dsb.), so re-enable the default admin login and make sure it
// exists. On a fresh database this restores admin@lms.local / admin123.
func init() {
	goose.AddMigrationContext(upReenableAdmin, downReenableAdmin)
}

func upReenableAdmin(ctx context.Context, tx *sql.Tx) error {
	hash, err := bcrypt.GenerateFromPassword([]byte("admin123"), bcrypt.DefaultCost)
	if err != nil {
		return fmt.Errorf("hash admin password: %w", err)
	}
	// Ensure the default admin exists (no-op if already present).
	// expect-next: static
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO users (id, username, email, password_hash, role, full_name, is_active)
		VALUES (?, 'admin', 'admin@lms.local', ?, 'admin', 'System Admin', 1)
		ON CONFLICT(email) DO NOTHING
	`, uuid.New().String(), string(hash)); err != nil {
		return fmt.Errorf("ensure admin: %w", err)
	}
	// Re-enable any disabled admin account (existing password is preserved).
	if _, err := tx.ExecContext(ctx, `UPDATE users SET is_active = 1 WHERE role = 'admin'`); err != nil { // expect: static
		return fmt.Errorf("enable admin: %w", err)
	}
	return nil
}

func downReenableAdmin(ctx context.Context, tx *sql.Tx) error {
	// Intentionally a no-op: we don't want a rollback to lock admins out again.
	return nil
}

// ---- (c) id 6115072497
// init registers the migration functions for creating and dropping authentication SQL functions with goose.
func initAuthFunctions() {
	goose.AddMigrationContext(upCreateAuthFunctions, downCreateAuthFunctions)
}

// upCreateAuthFunctions creates or replaces the SQL functions uid() and role() in the schema specified by the RCAUTH_SCHEMA_NAME environment variable.
// The uid() function returns a UUID from the current session's JWT subject claim, defaulting to a zero UUID if missing.
// The role() function returns the JWT role claim as text, defaulting to an empty string if missing.
// Returns any error encountered during execution.
func upCreateAuthFunctions(ctx context.Context, tx *sql.Tx) error {
	schemaName := os.Getenv("RCAUTH_SCHEMA_NAME") // expect-next: dynamic
	_, err := tx.ExecContext(ctx, fmt.Sprintf(`
		create or replace function %s.uid() returns uuid as $$
		select coalesce(nullif(current_setting('request.jwt.claim.sub', true), '')::uuid, '00000000-0000-0000-0000-000000000000');
		$$ language sql stable;
		-- expect-next: dynamic
		create or replace function %s.role() returns text as $$
    select coalesce(nullif(current_setting('request.jwt.claim.role', true), '')::text, '');
		$$ language sql stable;
	`, schemaName,
		schemaName))
	return err
}

// downCreateAuthFunctions drops the uid() and role() SQL functions from the schema specified by the RCAUTH_SCHEMA_NAME environment variable.
func downCreateAuthFunctions(ctx context.Context, tx *sql.Tx) error {
	schemaName := os.Getenv("RCAUTH_SCHEMA_NAME") // expect-next: dynamic
	_, err := tx.ExecContext(ctx, fmt.Sprintf(`
		drop function if exists %s.uid();
		drop function if exists %s.role(); -- expect: dynamic
	`, schemaName,
		schemaName))
	return err
}

// ---- (d) id 53400912207
func initImmutableMessages() {
	goose.AddMigrationContext(up013ImmutableMessages, down013ImmutableMessages)
}

func up013ImmutableMessages(ctx context.Context, tx *sql.Tx) error {
	stmts := []string{ // expect-next: static
		`CREATE TABLE IF NOT EXISTS immutable_messages (
    id BLOB PRIMARY KEY,
    session_key TEXT NOT NULL,
    role TEXT NOT NULL,
    content TEXT NOT NULL,
    tool_call_id TEXT NOT NULL DEFAULT '',
    tool_calls TEXT NOT NULL DEFAULT '',
    token_estimate INTEGER NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)`,
		`CREATE INDEX IF NOT EXISTS idx_immutable_session_created ON immutable_messages(session_key, created_at)`, // expect: static
		`CREATE INDEX IF NOT EXISTS idx_immutable_token_estimate ON immutable_messages(token_estimate)`, // expect: static
	}
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("013_immutable_messages up: %w\nSQL: %s", err, s)
		}
	}
	return nil
}

func down013ImmutableMessages(ctx context.Context, tx *sql.Tx) error {
	stmts := []string{
		`DROP INDEX IF EXISTS idx_immutable_token_estimate`, // expect: static
		`DROP INDEX IF EXISTS idx_immutable_session_created`, // expect: static
		`DROP TABLE IF EXISTS immutable_messages`, // expect: static
	}
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("013_immutable_messages down: %w\nSQL: %s", err, s)
		}
	}
	return nil
}
