// Source: Drizzle ORM / Payload CMS apps found with find_string "await db.execute(sql`" (ids
// 63336940286, 68886577121, 52503999881, 33117184976, 56307428231, 58386114491, 32263781,
// 60830523176, 54665771891); repository names not returned. Excerpts verbatim, concatenated.
// Classes: drizzle `sql` tagged templates (their ${x} holes are bind parameters: static),
//          multi-statement migration templates (labels inside with -- expect:), lower-case
//          CTE + UPDATE ... FROM, ${...}::jsonb, short `select 1`, enum_range(NULL::t),
//          decoys (Chinese progress messages with emoji, Spanish errors, console.log, icons).
import { sql } from "drizzle-orm";

export async function up({ db }: MigrateUpArgs): Promise<void> {
  // expect-next: static
  await db.execute(sql`
    ALTER TABLE public.products
      ADD COLUMN IF NOT EXISTS coffee_details_taste_description varchar,
      ADD COLUMN IF NOT EXISTS coffee_details_acidity numeric,
      ADD COLUMN IF NOT EXISTS coffee_details_brew_group varchar;

    CREATE INDEX IF NOT EXISTS products_coffee_details_brew_group_idx -- expect: static
      ON public.products USING btree (coffee_details_brew_group);
  `);
}

/** Deja los índices consecutivos (1..n) después de borrar un módulo. */
async function renumberModules(db: Db, courseId: string) {
  // expect-next: static
  await db.execute(sql`
    with ordenados as (
      select id, row_number() over (order by order_index) as nuevo
        from course_modules where course_id = ${courseId}
    )
    update course_modules m
       set order_index = -o.nuevo
      from ordenados o where o.id = m.id
  `);
  // expect-next: static
  await db.execute(sql`
    update course_modules set order_index = -order_index
     where course_id = ${courseId} and order_index < 0
  `);
}

async function migrateWorkspaces(db, results: string[]) {
  const renameTables = ['style_templates', 'platform_accounts', 'account_style_configs', 'notifications_v3'];
  for (const table of renameTables) {
    try {
      // 检查 workspace_id 列是否已存在
      // expect-next: static
      const columnCheck = await db.execute(sql`
          SELECT column_name FROM information_schema.columns 
          WHERE table_name = ${table} AND column_name = 'workspace_id'
          LIMIT 1;
        `);
      if (columnCheck.rows && columnCheck.rows.length > 0) {
        results.push(`⏭️ ${table}.workspace_id 已存在，跳过重命名`);
        continue;
      }
    } catch (e) {
      results.push(`❌ ${table}: ${e}`);
    }
  }
}

async function seedAdminUser() {
  try {
    const adminEmail = 'adm@example.com';
    const hashedPassword = await bcrypt.hash(process.env.ADMIN_PASSWORD, 10);
    const existingAdmin = await storage.getUserByEmail(adminEmail);
    if (existingAdmin) {
      await db.update(users).set({ role: 'admin', permissions: DEFAULT_PERMISSIONS.admin }).where(eq(users.email, adminEmail));
      console.log("✓ Admin user password ALWAYS updated");
      return;
    }
    // expect-next: static
    await db.execute(sql`
      INSERT INTO users (id, email, name, password, role, political_position, permissions, created_at)
      VALUES (
        'd0476e06-f1b0-4204-8280-111fa6478fc9',
        ${adminEmail},
        'Carlos Nedel',
        ${hashedPassword},
        'admin',
        'Vereador',
        ${JSON.stringify(DEFAULT_PERMISSIONS.admin)}::jsonb,
        NOW()
      )
      ON CONFLICT (email) DO UPDATE SET
        password = EXCLUDED.password,
        role = EXCLUDED.role,
        permissions = EXCLUDED.permissions
    `);
    console.log("✓ Admin user created with email: " + adminEmail);
  } catch (error) {
    console.error("Error seeding admin user:", error);
  }
}

describe.skipIf(!hasDb)("bookAppointment (integration)", () => {
  beforeAll(async () => {
    const mod = await import("./db");
    db = mod.getDb();
    await db.execute(sql`DELETE FROM appointments WHERE doctor LIKE 'Test Doctor%'`); // expect: static
    await db.execute(sql`DELETE FROM patients WHERE phone LIKE '900000%'`); // expect: static
  });

  it("books an appointment and returns a reference code", async () => {
    const { appointment, reference } = await bookAppointment({
      fullName: "Test Patient A",
      phone: "9000001111",
      doctor: "Test Doctor Alpha",
      department: "General Medicine",
      date: "2030-01-15",
      time: "10:00",
    });
    expect(reference).toMatch(/^[A-Z0-9]{8}$/);
    expect(appointment.status).toBe("booked");
  });
});

const B = "7575e62f-454b-4656-b5c6-a0a112c2d4d6";
export async function pollBrand() {
  // expect-next: static
  const r = (await db.execute(sql`
    SELECT
      (SELECT autopilot_status FROM brands WHERE id=${B})                          AS autopilot,
      (SELECT count(*)::int FROM brand_fact_sheet     WHERE brand_id=${B})         AS facts,
      (SELECT count(*)::int FROM brand_prompts        WHERE brand_id=${B})         AS prompts
  `)).rows[0];
  return r;
}

apiRouter.get('/sponsorship-benefit-categories', async (req: Request, res: Response) => {
  try {
    const result = await db.execute(sql`SELECT unnest(enum_range(NULL::benefits_categories)) AS value ORDER BY value`); // expect: static
    const categories = result.rows.map((row: any) => {
      let label = row.value;
      let icon = "🔗";
      switch (row.value) {
        case "Visibilidad":
          label = "Visibilidad";
          icon = "👁️";
          break;
        case "Acceso":
          label = "Acceso";
          icon = "🔑";
          break;
      }
      return { value: row.value, label, icon };
    });
    res.json(categories);
  } catch (error) {
    console.error('Error al obtener categorías:', error);
    res.status(500).json({ error: 'Error interno del servidor' });
  }
});

export async function GET() {
  try {
    await db.execute(sql`select 1`); // expect: static
    return NextResponse.json({ status: "ok", database: "reachable" });
  } catch {
    return NextResponse.json({ status: "degraded", database: "unreachable" }, { status: 503 });
  }
}

async function ensureRbacSchema() {
  // expect-next: static
  await db.execute(sql`
    ALTER TABLE users
      ADD COLUMN IF NOT EXISTS role VARCHAR(20) NOT NULL DEFAULT 'user'
  `);

  // expect-next: static
  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS roles (
      id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
      name        VARCHAR(50) UNIQUE NOT NULL,
      description TEXT,
      created_at  TIMESTAMPTZ DEFAULT NOW()
    )
  `);
}
