// Sources: three Prisma files found with find_string "$executeRawUnsafe(" (repository names not
// returned):
//   (a) applyOrder — bulk reorder with UPDATE … FROM (VALUES …)   (index id 62071107756), complete
//   (b) processed-messages idempotency helpers                    (index id 32206837281), complete
//   (c) a Vitest integration setup replaying SQLite migrations   (index id 66722666226), complete
// Verbatim; concatenated into one file (each keeps its imports). One comment line carrying an
// expect-next label was added in (a), because the template opens on a line `const sql = \``
// whose rest is inside the literal.
// Classes: dynamic ($executeRawUnsafe with a template literal splicing a table name "${table}"
//          and a VALUES list ${values}; the ids stay bound as $n), static ($queryRawUnsafe /
//          $executeRawUnsafe templates without holes and $1 placeholders, SELECT EXISTS(…) as
//          exists, INSERT … ON CONFLICT DO NOTHING), short (PRAGMA foreign_keys = ON, SQLite),
//          decoys (the VALUES tuple pieces `($${…}, $${…}::int)` built per id — bind-parameter
//          markers only, left unlabelled —, JSDoc prose "builds one `UPDATE … FROM (VALUES …)`",
//          "9 items reordered", REORDER_TABLES values "hero_banners", the "--" comment filter and
//          split(";") of migration text, the error text "Refusing to run so a real database is
//          never wiped.", Prisma model calls prisma.task.deleteMany()).

// ---------------------------------------------------------------- (a) id 62071107756
import "server-only";

import { prisma } from "@/lib/prisma";

/**
 * Physical table names, keyed by the API route segment.
 *
 * These are literals from this file — never request data — because they are
 * interpolated into the statement below. The ids themselves are bound
 * parameters.
 */
export const REORDER_TABLES = {
  banners: "hero_banners",
  "hero-stats": "hero_stats",
  popular: "popular_services",
  products: "products",
  brands: "brands",
  features: "features",
  payments: "payment_methods",
  community: "community_links",
  faq: "faqs",
} as const;

export type ReorderTable = keyof typeof REORDER_TABLES;

/**
 * Writes a whole ordering in a single round trip.
 *
 * The previous implementation sent one UPDATE per row inside a transaction —
 * 200 statements for 200 rows, each a separate round trip to the database. This
 * builds one `UPDATE … FROM (VALUES …)`, so reordering costs one statement
 * regardless of list length, and is atomic without an explicit transaction.
 */
/**
 * Returns the number of rows the statement actually changed.
 *
 * Not the number requested. The two diverge whenever an id no longer exists —
 * a row deleted in another tab, or a client sending ids that belong to a
 * different resource — and reporting the request back as if it were the result
 * meant a reorder that moved nothing still answered "9 items reordered".
 */
export async function applyOrder(resource: ReorderTable, ids: string[]) {
  if (ids.length === 0) return 0;

  const table = REORDER_TABLES[resource];

  // ($1, $2::int), ($3, $4::int), …
  const values = ids
    .map((_, index) => `($${index * 2 + 1}, $${index * 2 + 2}::int)`)
    .join(", ");

  // expect-next: dynamic
  const sql = `
    UPDATE "${table}" AS t
    SET "order" = v.ord, "updatedAt" = now()
    FROM (VALUES ${values}) AS v(id, ord)
    WHERE t."id" = v.id
  `;

  const params = ids.flatMap((id, index) => [id, index]);

  return prisma.$executeRawUnsafe(sql, ...params);
}

// ---------------------------------------------------------------- (b) id 32206837281
import type { PrismaClient } from '@prisma/client';

export async function alreadyProcessed(prisma: PrismaClient, messageId: string): Promise<boolean> {
  const row = await prisma.$queryRawUnsafe<{ exists: boolean }[]>(
    `SELECT EXISTS(SELECT 1 FROM processed_messages WHERE message_id = $1) as exists`, // expect: static
    messageId
  );
  return Boolean(row?.[0]?.exists);
}

export async function markProcessed(prisma: PrismaClient, messageId: string): Promise<void> {
  await prisma.$executeRawUnsafe(
    `INSERT INTO processed_messages (message_id, processed_at) VALUES ($1, NOW()) ON CONFLICT (message_id) DO NOTHING`, // expect: static
    messageId
  );
}

// ---------------------------------------------------------------- (c) id 66722666226
import { beforeAll, beforeEach, vi } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

// ── Real DB, mocked runtime edges ───────────────────────────────────────────
// Integration tests drive the genuine stack: action → validate() → service →
// Prisma → in-memory SQLite. Only the Next-runtime-only collaborators are faked,
// because they can't run outside a request: auth (`getSession`, which pulls in
// server-only/iron-session/next/headers) and the cache primitive (`updateTag`).
// The database and the service layer are the real thing.
vi.mock("@/src/lib/session", () => ({
  getSession: vi.fn(async () => ({ isLoggedIn: true })),
}));
vi.mock("next/cache", () => ({
  updateTag: vi.fn(),
}));

import { prisma } from "@/src/server/db";

// Safety rail: the reset below wipes every row, so refuse to run against anything
// that isn't the in-memory database. This can never nuke a real dev/prod file.
const url = process.env.DATABASE_URL ?? "";
if (!url.includes(":memory:")) {
  throw new Error(
    `Integration tests require an in-memory DATABASE_URL (got "${url}"). ` +
      "Refusing to run so a real database is never wiped."
  );
}

// Build the schema by replaying the committed SQLite migration SQL through the
// app's own connection. `prisma migrate deploy` can't be used here: it runs in a
// separate process, so it would create (and discard) its own in-memory DB rather
// than populating the one the tests connect to. Replaying the real migration
// files gives the identical schema without that cross-process problem.
function migrationStatements(): string[] {
  const dir = fileURLToPath(new URL("../../prisma/migrations/sqlite", import.meta.url));
  const migrations = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(); // Prisma's timestamp prefix makes lexical order == chronological
  const sql = migrations
    .map((name) => readFileSync(join(dir, name, "migration.sql"), "utf8"))
    .join("\n");
  return sql
    .split("\n")
    .filter((line) => !line.trim().startsWith("--")) // drop `-- CreateTable` comments
    .join("\n")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

// Apply once per worker process. Vitest may reuse a worker across files, and the
// `db.ts` singleton caches the client on globalThis, so guard against re-creating
// tables that already exist.
const g = globalThis as unknown as { __schemaApplied?: boolean };

beforeAll(async () => {
  if (g.__schemaApplied) return;
  // SQLite only enforces foreign keys when this is ON — required for the FK
  // violation (P2003) and the onDelete: SetNull cascade to behave.
  await prisma.$executeRawUnsafe("PRAGMA foreign_keys = ON"); // expect: static
  for (const stmt of migrationStatements()) {
    await prisma.$executeRawUnsafe(stmt);
  }
  g.__schemaApplied = true;
});

// Clean slate before every test (not just every suite): two tests in one file
// pollute each other exactly as easily as two files do. FK-safe order — tasks
// reference categories.
beforeEach(async () => {
  await prisma.task.deleteMany();
  await prisma.category.deleteMany();
});
