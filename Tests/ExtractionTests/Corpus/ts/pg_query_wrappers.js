// Source: two node-postgres database modules found with find_string "return pool.query(text, params)"
// (index ids 71639253236 and 62759585486); repository names not returned. Excerpts verbatim.
// Adaptation: in 71639253236 the multi-statement base SCHEMA template (≈200 lines of
// CREATE/ALTER) and initDb() are omitted; in 62759585486 nine of the fourteen
// CREATE TABLE / CREATE INDEX calls of initDatabase() are omitted. Files concatenated.
// Classes: wrappers (project functions q(text, params), query(), one(), exec() around pool.query,
//          and the txApi object), short (BEGIN / COMMIT / ROLLBACK, also inside a .catch chain),
//          templates opening at the end of the call line (expect-next) and templates opening on
//          the call line with SQL (label on that line: the comment goes after the call),
//          placeholders ($1..$4), statement in a variable read from a file (client.query(sql):
//          no literal, no label), decoys (log texts "[db] running migration " + f, "[db] base
//          schema FAILED:", error texts, 'admin123', Hebrew display names, f.endsWith('.sql'),
//          URL rewriting regexes with "sslmode", 'utf8').

// ---------------------------------------------------------------- id 71639253236 (excerpt)
import pg from 'pg';
import fs from 'fs/promises';
import path from 'path';
import { fileURLToPath } from 'url';

const { Pool } = pg;
const __dirname = path.dirname(fileURLToPath(import.meta.url));
const MIGRATIONS_DIR = path.join(__dirname, '..', 'migrations');

function buildPool() {
  let url = process.env.DATABASE_URL || '';
  if (!url) {
    console.warn('[db] DATABASE_URL is not set — DB calls will fail.');
    return null;
  }
  // strip query params that conflict with our explicit ssl config
  url = url
    .replace(/([?&])sslmode=[^&]*/gi, '$1')
    .replace(/([?&])sslrootcert=[^&]*/gi, '$1')
    .replace(/([?&])sslcert=[^&]*/gi, '$1')
    .replace(/([?&])sslkey=[^&]*/gi, '$1')
    .replace(/([?&])sslpassword=[^&]*/gi, '$1')
    .replace(/([?&])channel_binding=[^&]*/gi, '$1')
    .replace(/[?&]$/, '')
    .replace(/\?&/, '?')
    .replace(/&&/g, '&');

  return new Pool({
    connectionString: url,
    ssl: url.startsWith('postgres://localhost') || url.startsWith('postgresql://localhost')
      ? false
      : { rejectUnauthorized: false },
    connectionTimeoutMillis: 15000,
    max: 8,
    idleTimeoutMillis: 30000,
    keepAlive: true,
  });
}

export const pool = buildPool();

export async function q(text, params) {
  if (!pool) throw new Error('Database not configured (DATABASE_URL missing).');
  return pool.query(text, params);
}

async function runMigrations() {
  if (!pool) return;
  let files;
  try {
    files = (await fs.readdir(MIGRATIONS_DIR))
      .filter(f => f.endsWith('.sql'))
      .sort();
  } catch {
    console.log('[db] no migrations directory — skipping');
    return;
  }
  if (!files.length) { console.log('[db] no migration files'); return; }

  // ledger of already-applied migrations
  const applied = new Set(
    (await pool.query('SELECT filename FROM schema_migrations')).rows.map(r => r.filename) // expect: static
  );

  for (const f of files) {
    if (applied.has(f)) { console.log('[db] skip (applied) ' + f); continue; }

    let sql = await fs.readFile(path.join(MIGRATIONS_DIR, f), 'utf8');
    if (!sql.endsWith('\n')) sql += '\n';

    const client = await pool.connect();
    try {
      console.log('[db] running migration ' + f);
      await client.query('BEGIN'); // expect: static
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (filename) VALUES ($1)', [f]); // expect: static
      await client.query('COMMIT'); // expect: static
      console.log('[db] applied ' + f);
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {}); // expect: static
      console.error('[db] migration FAILED ' + f + ':', e.message);
      client.release();
      throw e;
    }
    client.release();
  }
}

// ---------------------------------------------------------------- id 62759585486 (excerpt)
const { Pool } = require('pg');
const bcrypt = require('bcryptjs');

const isProduction = process.env.NODE_ENV === 'production';
const allowDemoSeed = process.env.ALLOW_DEMO_SEED === 'true';

if (!process.env.DATABASE_URL) {
  throw new Error('DATABASE_URL is required');
}

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  ssl: isProduction ? { rejectUnauthorized: false } : false,
});

async function query(text, params = []) {
  return pool.query(text, params);
}

async function one(text, params = []) {
  const { rows } = await query(text, params);
  return rows[0] || null;
}

async function many(text, params = []) {
  const { rows } = await query(text, params);
  return rows;
}

async function exec(text, params = []) {
  const result = await query(text, params);
  return { changes: result.rowCount || 0 };
}

async function tx(work) {
  const client = await pool.connect();
  const txApi = {
    query: (text, params = []) => client.query(text, params),
    one: async (text, params = []) => {
      const { rows } = await client.query(text, params);
      return rows[0] || null;
    },
    many: async (text, params = []) => {
      const { rows } = await client.query(text, params);
      return rows;
    },
    exec: async (text, params = []) => {
      const result = await client.query(text, params);
      return { changes: result.rowCount || 0 };
    },
  };

  try {
    await client.query('BEGIN'); // expect: static
    const value = await work(txApi);
    await client.query('COMMIT'); // expect: static
    return value;
  } catch (error) {
    await client.query('ROLLBACK'); // expect: static
    throw error;
  } finally {
    client.release();
  }
}

async function initDatabase() {
  // expect-next: static
  await query(`
    CREATE TABLE IF NOT EXISTS users (
      id SERIAL PRIMARY KEY,
      username TEXT UNIQUE NOT NULL,
      email TEXT UNIQUE NOT NULL,
      password_hash TEXT NOT NULL,
      name TEXT NOT NULL,
      created_at TIMESTAMPTZ DEFAULT NOW(),
      updated_at TIMESTAMPTZ DEFAULT NOW(),
      plan TEXT NOT NULL DEFAULT 'free_trial',
      trial_started_at TIMESTAMPTZ,
      trial_ends_at TIMESTAMPTZ,
      trial_extended_until TIMESTAMPTZ,
      trial_extension_days INTEGER NOT NULL DEFAULT 14,
      subscription_status TEXT NOT NULL DEFAULT 'trialing',
      billing_customer_id TEXT,
      billing_subscription_id TEXT,
      billing_descriptor TEXT NOT NULL DEFAULT 'RYNEX',
      language_preference TEXT NOT NULL DEFAULT 'he',
      canceled_at TIMESTAMPTZ,
      cancel_reason TEXT,
      last_billing_error TEXT
    )
  `);

  // expect-next: static
  await query(`
    CREATE TABLE IF NOT EXISTS billing_events (
      id SERIAL PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      event_type TEXT NOT NULL,
      event_status TEXT NOT NULL,
      details TEXT,
      created_at TIMESTAMPTZ DEFAULT NOW()
    )
  `);

  // expect-next: static
  await query(`
    CREATE INDEX IF NOT EXISTS idx_users_subscription_status
    ON users(subscription_status)
  `);
  // expect-next: static
  await query(`
    CREATE INDEX IF NOT EXISTS idx_users_trial_ends_at
    ON users(trial_ends_at)
  `);

  // expect-next: static
  await query(`
    UPDATE users
    SET
      plan = COALESCE(plan, 'free_trial'),
      subscription_status = COALESCE(subscription_status, 'trialing'),
      trial_extension_days = COALESCE(trial_extension_days, 14),
      trial_started_at = COALESCE(trial_started_at, created_at),
      trial_ends_at = COALESCE(trial_ends_at, created_at + INTERVAL '30 days'),
      billing_descriptor = COALESCE(NULLIF(billing_descriptor, ''), 'RYNEX'),
      language_preference = COALESCE(NULLIF(language_preference, ''), 'he')
  `);

  if (!isProduction || allowDemoSeed) {
    const existingAdmin = await one('SELECT id FROM users WHERE username = $1', ['admin']); // expect: static

    if (!existingAdmin) {
      const hashedPassword = bcrypt.hashSync('admin123', 12);
      await query( // expect-next: static
        `INSERT INTO users (username, email, password_hash, name)
         VALUES ($1, $2, $3, $4)`,
        ['admin', 'admin@myservices.local', hashedPassword, 'מנהל']
      );
      console.log('✅ Default admin user created');
    }

    const employees = [
      { username: 'david_sales', email: 'david@myservices.local', password: 'David@123', name: 'דוד כהן - מנהל מכירות' },
      { username: 'sara_customer', email: 'sara@myservices.local', password: 'Sara@123', name: 'שרה לוי - שירות לקוח' },
      { username: 'yair_manager', email: 'yair@myservices.local', password: 'Yair@123', name: 'יאיר ברק - מנהל פרויקט' },
    ];

    for (const emp of employees) {
      const existing = await one('SELECT id FROM users WHERE username = $1', [emp.username]); // expect: static
      if (!existing) {
        const hashedPassword = bcrypt.hashSync(emp.password, 12);
        await query( // expect-next: static
          `INSERT INTO users (username, email, password_hash, name)
           VALUES ($1, $2, $3, $4)`,
          [emp.username, emp.email, hashedPassword, emp.name]
        );
        console.log(`✅ Employee created: ${emp.name}`);
      }
    }
  } else {
    console.log('🔒 Production mode: demo user seeding is disabled');
  }

  console.log('✅ Database initialized');
}

const ready = initDatabase();

module.exports = {
  pool,
  query,
  one,
  many,
  exec,
  tx,
  ready,
};
