// Source: node-postgres apps found with find_string "await client.query(`" (ids 5810337,
// 63258373827, 17256670272, 51844658427, 68668717932, 71654861682, 57350655522, 54630499707,
// 60370670862); repository names not returned. Excerpts verbatim (connection strings with
// credentials removed), concatenated.
// Classes: client.query with templates opening on the call line or on the next line, quoted
//          "identifiers", BEGIN/COMMIT/ROLLBACK, SAVEPOINT ${name} (dynamic), ${id} inside
//          WHERE (dynamic), ${q(schema)} identifiers (dynamic), ->> JSON operators,
//          decoys (console.log templates with emoji, error messages, status strings).
const client = require("../client");

const createGroupmemb = async ({ groupmemb_id, trip_id, user_id, group_id }) => {
  try {
    const {
      rows: [groupmemb],
    } = await client.query(
      // expect-next: static
      `
        INSERT INTO groupmembs(groupmemb_id, trip_id, user_id, group_id)
        VALUES($1, $2, $3, $4)
        RETURNING *;
        `,
      [groupmemb_id, trip_id, user_id, group_id]
    );
    return groupmemb;
  } catch (error) {
    throw error;
  }
};

const getAllGroupmembs = async () => {
  try {
    // expect-next: static
    const { rows } = await client.query(`
    SELECT * FROM groupmembs;
    `);
    return rows;
  } catch (error) {
    throw error;
  }
};

const getGroupmembById = async (groupmemb_id) => {
  try {
    const {
      rows: [groupmembs],
      // expect-next: dynamic
    } = await client.query(`
      SELECT * 
      FROM groupmembs
      WHERE groupmemb_id = ${groupmemb_id};
    `);
    return groupmembs;
  } catch (error) {
    throw error;
  }
};

const deleteMember = async (groupmemb_id) => {
  try {
    const { rows } = await client.query(
      // expect-next: static
      `
    DELETE FROM groupmembs WHERE "groupmemb_id"=$1 RETURNING *
    `,
      [groupmemb_id]
    );
    return rows[0];
  } catch (err) {
    throw err;
  }
};

function q(value) { return '"' + String(value).replace(/"/g, '""') + '"'; }

async function main(client) {
  const schema = process.env.BIWA_PG_CACHE_SCHEMA || 'biwa_cache';
  const names = ['Cliente e Fornecedor', 'Faturamento e Recebimento', 'Desconto Financeiro'];
  const meta = await client.query(`SELECT source_table, cache_table FROM ${q(schema)}.${q('__biwa_cache_meta')} WHERE LOWER(source_table) = ANY($1)`, [names.map((name) => name.toLowerCase())]); // expect: dynamic
  const tables = Object.fromEntries(meta.rows.map((row) => [row.source_table, row.cache_table]));
  return tables;
}

const createBooking = async (payload, customerId, vehicle, days) => {
  const client = await pool.connect();
  try {
    await client.query("BEGIN"); // expect: static
    const daily = Number(vehicle.daily_rent_price);
    const total_price = Number((daily * days).toFixed(2));

    // insert booking
    const insertRes = await client.query( // expect-next: static
      `INSERT INTO bookings (customer_id, vehicle_id, rent_start_date, rent_end_date, total_price, status)
       VALUES ($1, $2, $3, $4, $5, 'active')
       RETURNING id, customer_id, vehicle_id, rent_start_date, rent_end_date, total_price, status, created_at, updated_at`,
      [customerId, payload.vehicle_id, payload.rent_start_date, payload.rent_end_date, total_price]
    );
    const bookingInserted = insertRes.rows[0];

    // update vehicle availability to 'booked' (simple approach)
    await client.query(`UPDATE vehicles SET availability_status = 'booked', updated_at = NOW() WHERE id = $1`, [ // expect: static
      payload.vehicle_id,
    ]);

    await client.query("COMMIT"); // expect: static
    return { ...bookingInserted, vehicle: { vehicle_name: vehicle.vehicle_name, daily_rent_price: daily } };
  } catch (err: any) {
    await client.query("ROLLBACK"); // expect: static
    const e: any = new Error(err?.message ?? "Failed to create booking");
    e.status = err?.status ?? 500;
    throw e;
  } finally {
    client.release();
  }
};

stock.post('/ingresar', async (c) => {
  const b = await c.req.json();
  if (!b.producto_id) return c.json({ error: 'producto_id requerido' }, 400);
  const client: pkg.PoolClient = await db.connect();
  try {
    await client.query('BEGIN'); // expect: static
    // expect-next: static
    const { rows: [lote] } = await client.query(`
        INSERT INTO stock_lotes (numero, proveedor_id, fecha_ingreso, remito_nro, factura_nro, notas)
        VALUES ($1,$2,$3,$4,$5,$6) RETURNING id
      `, [numero, b.proveedor_id || null, b.fecha_ingreso || new Date().toISOString().split('T')[0], null, null, null]);
    // expect-next: static
    const { rows: [mov] } = await client.query(`
      INSERT INTO stock_movimientos
        (producto_id, lote_id, tipo, cantidad, costo_unitario, referencia_nro, notas, created_by)
      VALUES ($1,$2,'ingreso',$3,$4,$5,$6,$7)
      RETURNING *
    `, [b.producto_id, lote.id, b.cantidad, b.costo, null, null, null]);
    return c.json(mov);
  } finally {
    client.release();
  }
});

router.post('/account/:cafeId/register', async (req, res) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN'); // expect: static
    const { telegram_id } = req.telegramUser;
    const { name, phone } = req.body;

    const ga = await client.query(
      'SELECT * FROM global_accounts WHERE telegram_id = $1', // expect: static
      [telegram_id]
    );
    if (ga.rows.length === 0) {
      await client.query('ROLLBACK'); // expect: static
      return res.status(404).json({ error: 'Global account not found' });
    }
    if (name || phone) {
      // expect-next: static
      await client.query(`
        UPDATE global_accounts
        SET name  = COALESCE(NULLIF($1, ''), name),
            phone = COALESCE(NULLIF($2, ''), phone)
        WHERE telegram_id = $3
      `, [name, phone, telegram_id]);
    }
    return res.json({ ok: true });
  } finally {
    client.release();
  }
});

async function resetDemo(client) {
  const customersRes = await client.query('SELECT id FROM "customers"') // expect: static
  for (const row of customersRes.rows) {
    const customerId = row.id
    const balanceRes = await client.query(
      'SELECT COALESCE(SUM(amount), 0) as current_balance FROM "point_ledger" WHERE user_id = $1', // expect: static
      [customerId]
    )
    const newBalance = parseInt(balanceRes.rows[0]?.current_balance || '0', 10)
    await client.query(
      'UPDATE "customers" SET loyalty_points = $1 WHERE id = $2', // expect: static
      [newBalance, customerId]
    )
  }
  console.log(`✅ [4/8] Synchronized loyalty balances for ${customersRes.rowCount} customers.`)

  // expect-next: static
  const resetSlots = await client.query(`
      UPDATE "departure_slots"
      SET 
        capacity_reserved = 0,
        capacity_sold = 0,
        capacity_available = capacity_total,
        status = CASE 
          WHEN status IN ('cancelled', 'blacked_out') THEN status 
          ELSE 'available' 
        END
    `)
  console.log(`✅ [5/8] Reset capacities for ${resetSlots.rowCount} departure slots.`)

  const deletedProjections = await client.query('DELETE FROM "dashboard_projections"') // expect: static
  console.log(`✅ [6/8] Cleared ${deletedProjections.rowCount} records from "dashboard_projections".`)
}

async function run(client) {
  const { rows } = await client.query(`SELECT id, data FROM docs_loans WHERE data->>'number' = 'LOAN-2494'`); // expect: static
  const loan = { ...rows[0].data, ...rows[0] };
  console.log("Total Paid:", loan.totalPaid);
}

async function createMoneyOwnerNotification(client, payload = {}) {
  const notificationSavepoint = 'money_notification';
  try {
    await client.query(`SAVEPOINT ${notificationSavepoint}`); // expect: dynamic
    const notification = await createNotification(client, { channel: 'in_app', priority: 'normal', status: 'sent' });
    await client.query(`RELEASE SAVEPOINT ${notificationSavepoint}`); // expect: dynamic
    return notification;
  } catch (err) {
    await client.query(`ROLLBACK TO SAVEPOINT ${notificationSavepoint}`); // expect: dynamic
    throw err;
  }
}

async function importFormulary(pool, sourceUrl, sourceVersion, planFile) {
  const client = await pool.connect();
  await client.query("BEGIN"); // expect: static
  const imported = await client.query<{ id: number }>("INSERT INTO formulary_imports (source_url, source_version, status) VALUES ($1, $2, 'running') RETURNING id", [sourceUrl, sourceVersion]); // expect: static
  const importId = imported.rows[0].id;
  await readRows(planFile, async (row) => {
    await client.query(`INSERT INTO medicare_plans (import_id, contract_id, plan_id, segment_id, contract_name, plan_name, formulary_id, state, county_code, ma_region_code, pdp_region_code) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`, [importId, row.CONTRACT_ID, row.PLAN_ID, row.SEGMENT_ID || "000", row.CONTRACT_NAME, row.PLAN_NAME, row.FORMULARY_ID, row.STATE || null, null, null, null]); // expect: static
  });
}
