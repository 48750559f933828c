// Source: constructed for dbooster (not an excerpt): route handlers calling runSql of
// ts/crossfile_db.ts with lower-case SQL; showToast is no wrapper, so its text stays a decoy.
// Classes: wrappers (cross-file), decoys.
import { runSql } from "./crossfile_db";

declare function showToast(text: string): void;

export async function listTags() {
  return runSql("select label from tags"); // expect: static
}

export async function resetCounters() {
  showToast("select a tag first");
  await runSql("delete from counters"); // expect: static
}
