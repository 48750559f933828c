// Sources: five TypeScript/JavaScript modules using node:sqlite or better-sqlite3, found with
// find_string (the index did not return their repository names):
//   importAtomically() in a bootstrap test            (index id 71646784833)
//   MigrationRunner (removeMigrationRecord, runInTransaction) (index id 54522053193)
//   activity store appendActivity/listActivity        (index id 57019721358)
//   a memory store constructor (PRAGMAs, schema bootstrap) (index id 70256973468)
//   a lock-diagnostic test                           (index id 69239221923)
// Adapted: method bodies verbatim, wrapped as functions of one module.
// Classes: short (BEGIN, BEGIN TRANSACTION, BEGIN IMMEDIATE, COMMIT, ROLLBACK), multi-statement
//          (seven ;-separated statements — PRAGMAs, CREATE VIRTUAL TABLE, DROP TABLE — in ONE
//          one-line literal: they all start on the same line, which carries one label),
//          SQLite INSERT OR REPLACE / INSERT OR IGNORE, placeholders (?), fragments
//          (better-sqlite3 db.pragma("busy_timeout = 1") takes the body of a PRAGMA, not a
//          statement), decoys (a migration file path "migrations/0001_foundation.sql", a
//          pragma name alone "journal_mode", error texts naming SQLite versions or migrations).

function importAtomically(db: DatabaseSync, sql: string) {
  db.exec("BEGIN TRANSACTION"); // expect: static
  try {
    db.exec(sql);
    db.exec("COMMIT"); // expect: static
  } catch (error) {
    db.exec("ROLLBACK"); // expect: static
    throw error;
  }
}

function database(environment: "local" | "development" | "staging" | "production") {
  const db = new DatabaseSync(":memory:");
  db.exec(readFileSync("migrations/0001_foundation.sql", "utf8"));
  db.prepare(
    "INSERT INTO governance_environment_metadata(singleton,environment) VALUES(1,?)", // expect: static
  ).run(environment);
  return db;
}

class MigrationRunner {
  private removeMigrationRecord(migrationId: string): void {
    this.db.prepare("DELETE FROM migrations WHERE id = ?").run(migrationId); // expect: static
  }

  private assertUniqueMigrationIds(migrations: readonly Migration[]): void {
    const seen = new Set<string>();
    for (const migration of migrations) {
      if (seen.has(migration.id)) {
        throw new Error(`[Migrations] Duplicate migration id: ${migration.id}`);
      }
      seen.add(migration.id);
    }
  }

  private runInTransaction(work: () => void): void {
    this.db.exec("BEGIN IMMEDIATE"); // expect: static
    try {
      work();
      this.db.exec("COMMIT"); // expect: static
    } catch (error) {
      this.db.exec("ROLLBACK"); // expect: static
      throw error;
    }
  }
}

export function appendActivity(entry, storePath = getActivityStorePath()) {
  const normalized = normalizeEntry(entry);
  if (!normalized) {
    return null;
  }
  const db = getDatabase(storePath);
  const { id, kind, time, ...rest } = normalized;
  db.exec("BEGIN"); // expect: static
  try {
    db.prepare("INSERT OR REPLACE INTO activity (id, kind, time, data) VALUES (?, ?, ?, ?)").run( // expect: static
      id,
      kind,
      time,
      JSON.stringify(rest),
    );
    db.prepare(
      `DELETE FROM activity -- expect: static
       WHERE kind = ?
         AND seq NOT IN (
           SELECT seq FROM activity WHERE kind = ? ORDER BY time DESC, seq DESC LIMIT ?
         )`,
    ).run(kind, kind, maxEntriesPerKind);
    db.exec("COMMIT"); // expect: static
  } catch (error) {
    db.exec("ROLLBACK"); // expect: static
    throw error;
  }
  return normalized;
}

export function listActivity(kind, storePath = getActivityStorePath()) {
  const db = getDatabase(storePath);
  const trimmedKind = typeof kind === "string" && kind.trim() ? kind.trim() : null;
  const rows = trimmedKind
    ? db
        .prepare(
          "SELECT id, kind, time, data FROM activity WHERE kind = ? ORDER BY time DESC, seq DESC", // expect: static
        )
        .all(trimmedKind)
    : db.prepare("SELECT id, kind, time, data FROM activity ORDER BY time DESC, seq DESC").all(); // expect: static
  return rows.map(rowToEntry).filter(Boolean);
}

class MemoryStore {
  constructor(schema: string) {
    if (!sqliteHasWalResetFix())
      throw new Error(
        "SQLite 3.51.3 or later with the WAL reset fix is required",
      );
    this.db.exec(
      "PRAGMA journal_mode=WAL;PRAGMA synchronous=FULL;PRAGMA foreign_keys=ON;PRAGMA busy_timeout=5000;PRAGMA secure_delete=ON;CREATE VIRTUAL TABLE temp.fts_probe USING fts5(text);DROP TABLE temp.fts_probe;", // expect: static
    );
    if (
      !this.one("SELECT name FROM sqlite_master WHERE name='schema_migrations'") // expect: static
        .name
    ) {
      this.db.exec("BEGIN IMMEDIATE"); // expect: static
      try {
        this.db.exec(schema);
        this.run(
          "INSERT INTO schema_migrations VALUES (1,?,?)", // expect: static
          digest(schema),
          now(),
        );
        this.db.exec("COMMIT"); // expect: static
      } catch (e) {
        this.db.exec("ROLLBACK"); // expect: static
        throw e;
      }
    }
    this.revision = this.one(
      "SELECT COALESCE(MAX(revision),0) AS n FROM commits", // expect: static
    ).n;
    for (const backend of ["graph", "vector"])
      this.run(
        "INSERT OR IGNORE INTO projection_state(backend,generation) VALUES (?, '1')", // expect: static
        backend,
      );
    this.run(
      "UPDATE outbox SET state='pending',lease_until_us=NULL WHERE state='leased'", // expect: static
    );
  }
}

test("a second connection cannot BEGIN while the store holds the lock", () => {
  const observations: Record<string, unknown> = {};
  observations.storeJournal = adapter.pragma("journal_mode", {
    simple: true,
  });
  adapter.pragma("busy_timeout = 1"); // expect: fragment
  observations.storeBusy = adapter.pragma("busy_timeout", { simple: true });
  raw.exec("BEGIN IMMEDIATE"); // expect: static
  observations.rawInTransaction = raw.inTransaction;
  try {
    adapter.exec("BEGIN IMMEDIATE"); // expect: static
    observations.directBegin = "succeeded";
    adapter.exec("ROLLBACK"); // expect: static
  } catch (error) {
    observations.directBegin = String(error);
  }
  raw.exec("ROLLBACK"); // expect: static
  expect(
    observations.directBegin,
    `LOCK_DIAGNOSTIC ${JSON.stringify(observations)}`,
  ).not.toBe("succeeded");
});
