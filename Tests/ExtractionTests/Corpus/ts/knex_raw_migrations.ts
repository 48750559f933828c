// Source: four Knex migrations found with find_string "await knex.raw(`" (index ids 71644046256,
// 59232100041, 63462977856, 8735455701); repository names not returned. Code verbatim; the long
// Spanish JSDoc block at the top of the first file is shortened; files concatenated (one is
// CommonJS JavaScript, one TypeScript).
// Classes: migrations (knex.raw), dynamic (${} in plain template literals handed to knex.raw:
//          view names, SELECT bodies, trigger/function names built from `table`), SQL kept in
//          constants and spliced later (DEF_DOCS / DEF_MENSUAL are complete SELECT/WITH queries
//          with ${} holes: dynamic), templates opening at the end of the line (expect-next),
//          CREATE FUNCTION ... $$ ... $$ and SQLite CREATE TRIGGER ... BEGIN ... END on one line
//          (one statement each), GRANT / COMMENT ON / ALTER VIEW, a bare typed literal kept
//          for splicing (T = `'…'::uuid`, a value, not labelled, like bare identifiers),
//          decoys (prose strings about revenue, the lit() quoting helper, knex.schema builder
//          calls (alterTable/dropColumn/dropTableIfExists), includes('sqlite'), comments naming SQL).
// Adaptation: of id 59232100041 only immutable(), dropImmutable() and down() are kept (up() is
//          knex.schema builder code only).

// ---------------------------------------------------------------- id 71644046256 (JavaScript)
'use strict';
/**
 * `[VEC.4]` — El importe del mes sale de la CABECERA, y lo que las líneas no explican se
 * DECLARA en vez de perderse. (comment shortened)
 *
 * @param { import("knex").Knex } knex
 */

const T = `'00000000-0000-0000-0000-00000000d01c'::uuid`;

const DOCS = 'analytics.v_kepler_vecinal_sales_docs';
const LINEAS = 'analytics.v_kepler_vecinal_sales_lines';
const MENSUAL = 'analytics.v_kepler_vecinal_monthly';

/** Un documento de venta de ruta vecinal. Mismas reglas de universo que `[VEC.0]`. */
// expect-next: dynamic
const DEF_DOCS = `
SELECT
  ${T}                                                    AS tenant_id,
  btrim(h.sucursal)                                       AS warehouse_code,
  btrim(h.c12)                                            AS route_no,
  'WIN-' || btrim(h.c12)                                  AS route_code,
  NULLIF(btrim(COALESCE(v.c3, '')), '')                   AS route_name,
  (h.c9)::date                                            AS business_date,
  btrim(h.c6)                                             AS folio,
  btrim((h.c5)::text)                                     AS caja,
  NULLIF(NULLIF(btrim(COALESCE(h.c10, '')), ''), '0001')  AS cliente,
  (h.c16)::numeric                                        AS total,
  COALESCE((h.c13)::numeric, 0)                           AS descuento,
  COALESCE((h.c14)::numeric, 0)                           AS impuesto
FROM kepler_ods.kdm1 h
LEFT JOIN kepler_ods.kduv v
  ON  btrim(v.sucursal) = btrim(h.sucursal)
  AND btrim(v.c2)       = btrim(h.c12)
WHERE h.c2 = 'U'
  AND h.c3 = 'D'
  AND (h.c4)::integer = 10
  AND btrim(COALESCE(h.c12, '')) ~ '^[0-9]V[0-9]'
  AND btrim(COALESCE(h.c1, '')) = btrim(h.sucursal)
  AND COALESCE(NULLIF(btrim(h.c43), ''), '') <> 'C'
  AND (h.c9)::date <= ((now() AT TIME ZONE 'America/Mexico_City'))::date`;

// expect-next: dynamic
const DEF_MENSUAL = `
WITH d AS (
  SELECT tenant_id, warehouse_code, route_code, route_no,
         date_trunc('month', business_date)::date AS month,
         max(route_name)                          AS route_name,
         sum(total)                               AS revenue,
         sum(descuento)                           AS descuento,
         count(*)                                 AS docs,
         max(business_date)                       AS last_sale_date
    FROM ${DOCS}
   GROUP BY 1,2,3,4,5
), l AS (
  SELECT tenant_id, warehouse_code, route_code,
         date_trunc('month', business_date)::date AS month,
         sum(qty)                                 AS units,
         sum(importe)                             AS revenue_lineas,
         count(DISTINCT (caja, folio))            AS docs_con_lineas
    FROM ${LINEAS}
   GROUP BY 1,2,3,4
)
SELECT
  d.tenant_id, d.warehouse_code, d.route_code, d.route_no, d.route_name, d.month,
  d.revenue,
  COALESCE(l.units, 0)                                      AS units,
  d.docs                                                    AS tickets,
  d.descuento,
  COALESCE(l.revenue_lineas, 0)                             AS revenue_lineas,
  COALESCE(l.docs_con_lineas, 0)                            AS docs_con_lineas,
  d.docs - COALESCE(l.docs_con_lineas, 0)                   AS docs_sin_lineas,
  d.revenue - COALESCE(l.revenue_lineas, 0) + d.descuento   AS importe_sin_lineas,
  d.last_sale_date
FROM d
LEFT JOIN l
  ON  l.tenant_id      = d.tenant_id
  AND l.warehouse_code = d.warehouse_code
  AND l.route_code     = d.route_code
  AND l.month          = d.month`;

const C_DOCS =
  '[VEC.4] Un documento de venta de ruta vecinal (grano ticket), derivado del ODS. total = '
  + 'kdm1.c16 = lo que el ticket dice que se cobro, ya neto del descuento de cabecera (c13). Es '
  + 'la cifra contrastable: la que esta impresa en el ticket.';

const C_MENSUAL =
  '[VEC.4] Rollup mensual vecinal. revenue sale de la CABECERA (incluye los documentos cuyas '
  + 'lineas no llegaron al ODS y viene neto de descuento); units sale de las lineas y por eso '
  + 'esta INCOMPLETA cuando docs_sin_lineas > 0 — no se estima, se declara. La descomposicion '
  + 'revenue = revenue_lineas - descuento + importe_sin_lineas es lo que vigila el candado '
  + 'test-newdb-vecinal-truth.js, comparando dos derivaciones y no la vista consigo misma.';

const lit = (s) => `'${String(s).replace(/'/g, "''")}'`;

exports.up = async function up(knex) {
  await knex.raw(`CREATE OR REPLACE VIEW ${DOCS} AS ${DEF_DOCS}`); // expect: dynamic
  await knex.raw(`ALTER VIEW ${DOCS} SET (security_invoker = true)`); // expect: dynamic
  await knex.raw(`GRANT SELECT ON ${DOCS} TO app_runtime`); // expect: dynamic
  await knex.raw(`COMMENT ON VIEW ${DOCS} IS ${lit(C_DOCS)}`); // expect: dynamic

  // El mensual cambia de columnas, así que no basta un REPLACE.
  await knex.raw(`DROP VIEW IF EXISTS ${MENSUAL}`); // expect: dynamic
  await knex.raw(`CREATE VIEW ${MENSUAL} AS ${DEF_MENSUAL}`); // expect: dynamic
  await knex.raw(`ALTER VIEW ${MENSUAL} SET (security_invoker = true)`); // expect: dynamic
  await knex.raw(`GRANT SELECT ON ${MENSUAL} TO app_runtime`); // expect: dynamic
  await knex.raw(`COMMENT ON VIEW ${MENSUAL} IS ${lit(C_MENSUAL)}`); // expect: dynamic
};

exports.down = async function down(knex) {
  await knex.raw(`DROP VIEW IF EXISTS ${MENSUAL}`); // expect: dynamic
  // expect-next: dynamic
  await knex.raw(`CREATE VIEW ${MENSUAL} AS
    SELECT l.tenant_id, l.warehouse_code, l.route_code, l.route_no,
           max(l.route_name) AS route_name,
           date_trunc('month', l.business_date)::date AS month,
           sum(l.qty) AS units, sum(l.importe) AS revenue,
           count(DISTINCT (l.caja, l.folio)) AS tickets,
           max(l.business_date) AS last_sale_date
      FROM ${LINEAS} l
     GROUP BY l.tenant_id, l.warehouse_code, l.route_code, l.route_no,
              date_trunc('month', l.business_date)::date`);
  await knex.raw(`ALTER VIEW ${MENSUAL} SET (security_invoker = true)`); // expect: dynamic
  await knex.raw(`GRANT SELECT ON ${MENSUAL} TO app_runtime`); // expect: dynamic
  await knex.raw(`DROP VIEW IF EXISTS ${DOCS}`); // expect: dynamic
};

// ---------------------------------------------------------------- id 59232100041 (TypeScript, excerpt)
import type { Knex } from 'knex';
import { VOICE_SESSION_TABLES } from '../../domain/voiceSession';

function sqlite(knex: Knex): boolean {
  return String(knex.client.config.client).includes('sqlite');
}

async function immutable(knex: Knex, table: string): Promise<void> {
  if (sqlite(knex)) {
    await knex.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is immutable'); END`); // expect: dynamic
    await knex.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is immutable'); END`); // expect: dynamic
    return;
  }
  await knex.raw(`CREATE FUNCTION leozops_reject_${table}_mutation() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '${table} is immutable'; END; $$ LANGUAGE plpgsql`); // expect: dynamic
  await knex.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION leozops_reject_${table}_mutation()`); // expect: dynamic
  await knex.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION leozops_reject_${table}_mutation()`); // expect: dynamic
}

async function dropImmutable(knex: Knex, table: string): Promise<void> {
  if (sqlite(knex)) {
    await knex.raw(`DROP TRIGGER IF EXISTS ${table}_no_delete`); // expect: dynamic
    await knex.raw(`DROP TRIGGER IF EXISTS ${table}_no_update`); // expect: dynamic
    return;
  }
  await knex.raw(`DROP TRIGGER IF EXISTS ${table}_no_delete ON ${table}`); // expect: dynamic
  await knex.raw(`DROP TRIGGER IF EXISTS ${table}_no_update ON ${table}`); // expect: dynamic
  await knex.raw(`DROP FUNCTION IF EXISTS leozops_reject_${table}_mutation()`); // expect: dynamic
}

export async function down(knex: Knex): Promise<void> {
  await dropImmutable(knex, VOICE_SESSION_TABLES.events);
  await knex.schema.dropTableIfExists(VOICE_SESSION_TABLES.events);
  await dropImmutable(knex, VOICE_SESSION_TABLES.sessions);
  await knex.schema.dropTableIfExists(VOICE_SESSION_TABLES.sessions);
}

// ---------------------------------------------------------------- id 63462977856 (complete)
exports.up = async function (knex) {
  await knex.schema.alterTable('mensagens', table => {
    table.dateTime('excluido_em').nullable();
    table.boolean('tinha_anexo').notNullable().defaultTo(false);
  });

  // Backfill: marca tinha_anexo nas mensagens já existentes com vínculo.
  // expect-next: static
  await knex.raw(`
    UPDATE mensagens m
    SET tinha_anexo = 1
    WHERE EXISTS (SELECT 1 FROM mensagem_arquivos ma WHERE ma.mensagem_id = m.id)
  `);
};

exports.down = async function (knex) {
  await knex.schema.alterTable('mensagens', table => {
    table.dropColumn('excluido_em');
    table.dropColumn('tinha_anexo');
  });
};

// ---------------------------------------------------------------- id 8735455701 (complete)
exports.up = async function(knex) {

  // Remove the news 'sentiment' column
  // expect-next: static
  await knex.raw(`
    ALTER TABLE news DROP COLUMN sentiment;
  `)

  // Add the news tag table with a foreign key to the news table
  // Start using the unique column id strategy
  // expect-next: static
  await knex.raw(`
    CREATE TABLE news_tags (
      tag_id INTEGER PRIMARY KEY,
      news_id INTEGER REFERENCES news(id),
      tag_name TEXT
    );
  `)

}

exports.down = async function(knex) {

}
