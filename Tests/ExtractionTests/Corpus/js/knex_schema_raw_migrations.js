// Sources (the index gave no repository names; open with read_file id=…):
//   (a) id 71304741480: Knex migration of an auth service (login attempts, password history,
//       login sessions; PostgreSQL with uuid-ossp).
//   (b) id 55484031585: Knex migration of an "AI war room" football-prediction backend
//       (Chinese comments and log messages).
// Classes: Knex migrations: knex.schema.raw(`…`) one-line templates and knex.schema.raw("…")
// strings (CREATE INDEX IF NOT EXISTS … DESC), knex.raw(`…`) whose template opens at the end of
// the call line (INSERT … SELECT … WHERE NOT EXISTS, expect-next); decoys: the schema builder
// (createTable, t.uuid(…).references("id").inTable("users").onDelete("SET NULL"),
// defaultTo("pending"), dropTableIfExists), knex.raw("uuid_generate_v4()") column defaults
// (bare value, unlabelled, like Round 5 decision 6), console.log texts naming tables.
// Adaptations: two migration files concatenated; (b)'s `exports.up` / `exports.down` renamed
// `upWarroom` / `downWarroom` and kept as local functions so both fit in one module; an
// `// expect-next:` comment line added before `await knex.raw(\``. Code otherwise verbatim.

// ---- (a) id 71304741480
exports.up = async function up(knex) {
  await knex.schema.createTable("auth_login_attempts", (t) => {
    t.uuid("id").primary().defaultTo(knex.raw("uuid_generate_v4()"));
    t.string("attempted_email", 320).notNullable();
    t.uuid("user_id").nullable().references("id").inTable("users").onDelete("SET NULL");
    t.string("ip", 64).nullable();
    t.text("user_agent").nullable();
    t.string("failure_reason", 64).notNullable().defaultTo("invalid_credentials");
    t.timestamp("blocked_until", { useTz: true }).nullable();
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.raw(`CREATE INDEX IF NOT EXISTS idx_auth_login_attempts_email_created_at ON auth_login_attempts(attempted_email, created_at DESC);`); // expect: static
  await knex.schema.raw(`CREATE INDEX IF NOT EXISTS idx_auth_login_attempts_blocked_until ON auth_login_attempts(blocked_until);`); // expect: static

  await knex.schema.createTable("user_password_history", (t) => {
    t.uuid("id").primary().defaultTo(knex.raw("uuid_generate_v4()"));
    t.uuid("user_id").notNullable().references("id").inTable("users").onDelete("CASCADE");
    t.text("password_hash").notNullable();
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.raw(`CREATE INDEX IF NOT EXISTS idx_user_password_history_user_id_created_at ON user_password_history(user_id, created_at DESC);`); // expect: static

  await knex.schema.createTable("auth_logins", (t) => {
    t.uuid("id").primary().defaultTo(knex.raw("uuid_generate_v4()"));
    t.uuid("user_id").notNullable().references("id").inTable("users").onDelete("CASCADE");
    t.string("session_id", 128).notNullable().references("id").inTable("sessions");
    t.string("email", 320).notNullable();
    t.string("ip", 64).nullable();
    t.text("user_agent").nullable();
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp("revoked_at", { useTz: true }).nullable();
  });

  await knex.schema.raw(`CREATE INDEX IF NOT EXISTS idx_auth_logins_user_id_created_at ON auth_logins(user_id, created_at DESC);`); // expect: static
  await knex.schema.raw(`CREATE INDEX IF NOT EXISTS idx_auth_logins_session_id ON auth_logins(session_id);`); // expect: static

  // expect-next: static
  await knex.raw(`
    INSERT INTO user_password_history (user_id, password_hash, created_at)
    SELECT u.id, u.password_hash, u.created_at
    FROM users u
    WHERE u.password_hash IS NOT NULL
      AND NOT EXISTS (
        SELECT 1
        FROM user_password_history uph
        WHERE uph.user_id = u.id
      )
  `);
};

exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists("auth_logins");
  await knex.schema.dropTableIfExists("user_password_history");
  await knex.schema.dropTableIfExists("auth_login_attempts");
};

// ---- (b) id 55484031585
const upWarroom = async function (knex) {
  // ai_warroom_tasks — 预测任务记录
  const hasTasks = await knex.schema.hasTable("ai_warroom_tasks");
  if (!hasTasks) {
    await knex.schema.createTable("ai_warroom_tasks", (t) => {
      t.increments("id").primary();
      t.text("task_id").notNullable().unique();
      t.text("match_id");
      t.text("home_team").notNullable();
      t.text("away_team").notNullable();
      t.text("status").defaultTo("pending");
      t.text("result");
      t.text("tactical_data");
      t.timestamp("created_at").defaultTo(knex.fn.now());
    });
    await knex.schema.raw("CREATE INDEX IF NOT EXISTS idx_warroom_tasks_task_id ON ai_warroom_tasks(task_id)"); // expect: static
    await knex.schema.raw("CREATE INDEX IF NOT EXISTS idx_warroom_tasks_status ON ai_warroom_tasks(status)"); // expect: static
    console.log("[migration] ai_warroom_tasks 表已创建");
  }

  // ai_warroom_agent_logs — Agent 执行日志
  const hasAgentLogs = await knex.schema.hasTable("ai_warroom_agent_logs");
  if (!hasAgentLogs) {
    await knex.schema.createTable("ai_warroom_agent_logs", (t) => {
      t.increments("id").primary();
      t.text("agent_id").notNullable();
      t.text("task_id").notNullable();
      t.text("status").notNullable();
      t.text("result");
      t.text("error");
      t.integer("duration");
      t.timestamp("created_at").defaultTo(knex.fn.now());
    });
    await knex.schema.raw("CREATE INDEX IF NOT EXISTS idx_warroom_agent_logs_task_id ON ai_warroom_agent_logs(task_id)"); // expect: static
    console.log("[migration] ai_warroom_agent_logs 表已创建");
  }

  // ai_warroom_predictions — 预测结果
  const hasPredictions = await knex.schema.hasTable("ai_warroom_predictions");
  if (!hasPredictions) {
    await knex.schema.createTable("ai_warroom_predictions", (t) => {
      t.increments("id").primary();
      t.text("task_id").notNullable();
      t.text("match_id");
      t.real("home_win_prob");
      t.real("draw_prob");
      t.real("away_win_prob");
      t.text("top_scores");
      t.real("confidence_low");
      t.real("confidence_high");
      t.text("agent_consensus");
      t.timestamp("created_at").defaultTo(knex.fn.now());
    });
    await knex.schema.raw("CREATE INDEX IF NOT EXISTS idx_warroom_predictions_task_id ON ai_warroom_predictions(task_id)"); // expect: static
    console.log("[migration] ai_warroom_predictions 表已创建");
  }
};

const downWarroom = async function (knex) {
  await knex.schema.dropTableIfExists("ai_warroom_predictions");
  await knex.schema.dropTableIfExists("ai_warroom_agent_logs");
  await knex.schema.dropTableIfExists("ai_warroom_tasks");
};
