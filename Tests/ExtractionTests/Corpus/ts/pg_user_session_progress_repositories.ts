// Source: public GitHub file found with find_string "await this.pool.query(" (read_file index id
// 67537980467); the index gave no repository name. Code base: the back end of a browser game with
// Google sign-in and cloud saves (hexagonal layout: imports ../../application/ports.js and
// ../../domain/models.js), three node-postgres repositories (PgUserRepository,
// PgSessionRepository, PgProgressRepository) over a `pg` Pool.
// Classes: `pool.query<T>(\`` with the template opening at the end of the call line (SQL on the
// next line: `// expect-next:` appended to the line before — a comment line, a method's `{` line,
// `const result = expectedVersion === 0`, and for the second branch of a ternary the line that
// closes the first branch's template), one-line `"…"` statements, `$n`, INSERT … ON CONFLICT DO
// UPDATE … EXCLUDED … RETURNING, ON CONFLICT DO NOTHING, `$2::jsonb`, optimistic-version UPDATE;
// decoys: code comments about identities and races.
// Adaptations: this header and label comments only (trailing `// expect:` on one-line statements,
// `// expect-next:` appended to existing lines); the code is otherwise as found.
import { randomUUID } from "node:crypto";
import type { Pool } from "pg";
import type { ProgressRepository, SessionRecord, SessionRepository, UserRepository } from "../../application/ports.js";
import type { GoogleIdentity, ProgressSnapshot, SaveData, User } from "../../domain/models.js";

export class PgUserRepository implements UserRepository {
  constructor(private readonly pool: Pool) {}

  async upsertGoogle(identity: GoogleIdentity): Promise<User> {
    // Google subject is stable. An email match must never link two identities. // expect-next: static
    const result = await this.pool.query<User>(`
      INSERT INTO users (id, google_subject, email, name, picture)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (google_subject) DO UPDATE
        SET email = EXCLUDED.email, name = EXCLUDED.name, picture = EXCLUDED.picture,
            updated_at = CURRENT_TIMESTAMP
      RETURNING id, email, name, picture`,
    [randomUUID(), identity.subject, identity.email, identity.name, identity.picture]);
    return result.rows[0]!;
  }
}

export class PgSessionRepository implements SessionRepository {
  constructor(private readonly pool: Pool) {}

  async create(session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date }): Promise<void> { // expect-next: static
    await this.pool.query(`
      INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
      VALUES ($1, $2, $3, $4)`,
    [session.tokenHash, session.userId, session.csrfToken, session.expiresAt]);
  }

  async find(tokenHash: string): Promise<SessionRecord | null> { // expect-next: static
    const result = await this.pool.query<User & { csrf_token: string; expires_at: Date }>(`
      SELECT u.id, u.email, u.name, u.picture, s.csrf_token, s.expires_at
      FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > CURRENT_TIMESTAMP`, [tokenHash]);
    const row = result.rows[0];
    if (!row) return null;
    return {
      user: { id: row.id, email: row.email, name: row.name, picture: row.picture },
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at,
    };
  }

  async delete(tokenHash: string): Promise<void> {
    await this.pool.query("DELETE FROM sessions WHERE token_hash = $1", [tokenHash]); // expect: static
  }
}

type ProgressRow = { save_data: SaveData; version: string };
const snapshot = (row: ProgressRow): ProgressSnapshot => ({ save: row.save_data, version: Number(row.version) });

export class PgProgressRepository implements ProgressRepository {
  constructor(private readonly pool: Pool) {}

  async get(userId: string): Promise<ProgressSnapshot> {
    const result = await this.pool.query<ProgressRow>("SELECT save_data, version FROM user_progress WHERE user_id = $1", [userId]); // expect: static
    return result.rows[0] ? snapshot(result.rows[0]) : { save: null, version: 0 };
  }

  async save(userId: string, save: SaveData, expectedVersion: number): Promise<ProgressSnapshot | null> {
    // Each branch is one atomic statement, including the first-save race.
    const result = expectedVersion === 0 // expect-next: static
      ? await this.pool.query<ProgressRow>(`
          INSERT INTO user_progress (user_id, save_data, version)
          VALUES ($1, $2::jsonb, 1)
          ON CONFLICT (user_id) DO NOTHING
          RETURNING save_data, version`, [userId, JSON.stringify(save)]) // expect-next: static
      : await this.pool.query<ProgressRow>(`
          UPDATE user_progress
          SET save_data = $2::jsonb, version = version + 1, updated_at = CURRENT_TIMESTAMP
          WHERE user_id = $1 AND version = $3
          RETURNING save_data, version`, [userId, JSON.stringify(save), expectedVersion]);
    return result.rows[0] ? snapshot(result.rows[0]) : null;
  }
}
