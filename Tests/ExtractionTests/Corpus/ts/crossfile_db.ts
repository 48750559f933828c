// Source: constructed for dbooster (not an excerpt): a node-postgres helper module, the usual
// home of a project's runSql; ts/crossfile_routes.ts calls it with lower-case SQL. This module
// holds no SQL of its own.
// Classes: wrappers (cross-file).
import { Pool } from "pg";

const pool = new Pool();

export async function runSql(text: string, values: unknown[] = []) {
  const result = await pool.query(text, values);
  return result.rows;
}
