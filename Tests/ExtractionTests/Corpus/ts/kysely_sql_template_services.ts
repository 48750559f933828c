// Source: three TypeScript files that use Kysely (the index gave no repository names; open them
// with read_file id=…):
//   (a) id 67161763132  Nuxt/Nitro event handler: content stats via sql<Row>`…`.execute(db)
//   (b) id 70535913622  NestJS TokensService (refresh-token sessions), excerpt
//   (c) id 26626632622  NestJS MenuService using the Kysely query builder only (decoys)
// Classes: 4-placeholders (`${x}` holes of Kysely's sql tag are bind parameters), 2-short
//   (pg_advisory_xact_lock), multi-line templates opening on the call line (expect-next),
//   FILTER (WHERE …), `::text` casts, make_interval(days => …), 7-decoys (SQL inside `{/* … */}`
//   block comments, commented-out builder code, Kysely builder calls with identifiers only,
//   AppError / console texts, a nested `devices:${userId}` string used as a bind value).
// Adaptations: concatenated under `// ---- (x)` separators; from (b) only the imports and the
//   methods makeRoomForDoctorDevice, liveSessions, endIdleDoctorSessions, countByKind and purge
//   were kept (issueApp, issueAdmin, rotate, revokeByToken, revokeFamily, revokeAllFor* left
//   out: they use the query builder only); (c) keeps getSections (one commented-out builder
//   block dropped) and a part of getItem (two of the six INSERTs of its commented-out block
//   kept); in (c) the repeated imports are comments or dropped and `DbService` is imported as
//   `MenuDbService` (name clash with (b)); `// expect-next:` comment lines were added.

// ---- (a) id 67161763132
import { sql } from 'kysely'
import { sendServerResponse } from 'nexus-req'

interface GameRow {
    game_id: string
    plays: string
    completions: string
}

interface TopPageRow {
    path: string
    views: string
}

export default defineEventHandler(async (event) => {
    try {
        const db = getDb()

        const [posts, games, topPages] = await Promise.all([
            db.selectFrom('stats').selectAll().orderBy('views', 'desc').execute(),
            // expect-next: static
            sql<GameRow>`
                SELECT
                    payload->>'gameId' AS game_id,
                    COUNT(*) FILTER (WHERE type = 'game_play')::text AS plays,
                    COUNT(*) FILTER (WHERE type = 'game_complete')::text AS completions
                FROM events
                WHERE type IN ('game_play', 'game_complete') AND payload->>'gameId' IS NOT NULL
                GROUP BY game_id
                ORDER BY plays DESC
            `.execute(db),
            // expect-next: static
            sql<TopPageRow>`
                SELECT path, COUNT(*)::text AS views
                FROM page_views
                WHERE created_at >= now() - interval '30 days'
                GROUP BY path
                ORDER BY views DESC
                LIMIT 30
            `.execute(db),
        ])

        return sendServerResponse(200, 'success', {
            posts,
            games: games.rows,
            topPages: topPages.rows,
        })
    } catch (error) {
        if (error instanceof Error) {
            console.error('Failed to load content stats:', error)
            setResponseStatus(event, 500)
            return sendServerResponse(500, 'Failed to load content stats')
        }
    }
})

// ---- (b) id 70535913622 (excerpt)
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
// import { sql } from 'kysely';

import { AdminRoleName, AppRole, JwtService } from '../../common/auth/jwt.service';
import { AppError } from '../../common/errors/app-error';
import { ENV, Env } from '../../config/env';
import { DbService, Tx } from '../../infra/db/db.service';
import { RulesService } from '../../infra/rules/rules.service';

/** A doctor session not used for this long is over everywhere: it can't refresh, it isn't listed, its place is free. */
export const DOCTOR_IDLE_DAYS = 7;

@Injectable()
export class TokensService {
  constructor(
    private readonly dbs: DbService,
    private readonly jwt: JwtService,
    private readonly rules: RulesService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /**
   * Phones and the doctor website have separate places: at most N phones (doctor.max_devices, default 2) and
   * M website sign-ins (doctor.max_web_devices, default 1). The same device signing in again replaces only its own
   * session. A NEW device when the places are full is refused (DEVICE_LIMIT) — nobody is signed out by surprise;
   * the doctor logs out on one device (Messages settings → Signed-in devices), or the admin signs them out everywhere.
   */
  private async makeRoomForDoctorDevice(tx: Tx, userId: string, deviceId: string | null): Promise<void> {
    // Two sign-ins at the same moment must not both see "one place free".
    await sql`select pg_advisory_xact_lock(hashtext(${`devices:${userId}`}))`.execute(tx); // expect: static
    const device = deviceId ? await tx.selectFrom('devices').select('platform').where('id', '=', deviceId).executeTakeFirst() : undefined;
    const web = device?.platform === 'web';
    const max = Math.max(1, web ? await this.rules.doctorMaxWebDevices() : await this.rules.doctorMaxDevices());
    // liveSessions ends sessions idle for DOCTOR_IDLE_DAYS first, so a forgotten browser or lost phone gives its place back.
    const live = (await this.liveSessions(tx, userId, 'doctor')).filter((x) => (x.platform === 'web') === web);
    // This same device signing in again: its old session goes, it keeps its place.
    const mine = deviceId ? live.filter((x) => x.deviceId === deviceId) : [];
    for (const old of mine) await this.revokeFamily(tx, old.familyId);
    const others = live.length - mine.length;
    if (others >= max) {
      throw new AppError(
        'DEVICE_LIMIT',
        web
          ? 'OPflow for Doctors is already open in another browser. Please log out there first, or log that browser out from the OPflow app (Messages settings → Signed-in devices).'
          : `This account is already logged in on ${max} devices. Please log out on one of them (Messages settings → Signed-in devices), or call the OPflow team to log you out everywhere.`,
        HttpStatus.CONFLICT,
      );
    }
  }

  /** Live sessions of one person, least recently used first. Doctor sessions idle too long are ended here first. */
  async liveSessions(tx: Tx, userId: string, role: AppRole) {
    if (role === 'doctor') await this.endIdleDoctorSessions(tx, userId);
    // expect-next: static
    const r = await sql<{ familyId: string; deviceId: string | null; startedAt: Date; lastUsedAt: Date; platform: string | null; appVersion: string | null; ip: string | null; userAgent: string | null }>`
      select rt.family_id,
             (array_agg(rt.device_id::text order by rt.created_at desc))[1] as device_id,
             min(rt.created_at) as started_at,
             max(rt.created_at) as last_used_at,
             (array_agg(d.platform::text order by rt.created_at desc))[1] as platform,
             (array_agg(d.app_version order by rt.created_at desc))[1] as app_version,
             (array_agg(host(rt.ip) order by rt.created_at desc))[1] as ip,
             (array_agg(rt.user_agent order by rt.created_at desc))[1] as user_agent
        from refresh_tokens rt left join devices d on d.id = rt.device_id
       where rt.user_id = ${userId} and rt.role = ${role}
         and rt.family_id in (select family_id from refresh_tokens
                               where user_id = ${userId} and role = ${role} and revoked_at is null and expires_at > now())
       group by rt.family_id
       order by last_used_at asc`.execute(tx);
    return r.rows.map((x) => ({
      ...x,
      deviceLabel: x.platform === 'ios' ? 'an iPhone' : x.platform === 'android' ? 'an Android phone' : x.platform === 'web' ? 'a web browser' : 'another device',
    }));
  }

  /** Ends doctor sessions whose newest token is older than DOCTOR_IDLE_DAYS (it is renewed at every refresh = every use). */
  private async endIdleDoctorSessions(tx: Tx, userId: string): Promise<void> {
    // expect-next: static
    const idle = await sql<{ familyId: string }>`
      select family_id from refresh_tokens
       where user_id = ${userId} and role = 'doctor'
       group by family_id
      having bool_or(revoked_at is null and expires_at > now())
         and max(created_at) < now() - make_interval(days => ${DOCTOR_IDLE_DAYS})`.execute(tx);
    for (const f of idle.rows) await this.revokeFamily(tx, f.familyId);
  }

  /** How many places are in use: phones and websites are counted separately. */
  static countByKind(rows: { platform: string | null }[]) {
    const web = rows.filter((x) => x.platform === 'web').length;
    return { web, phones: rows.length - web };
  }

  /** Housekeeping: expired and long-revoked tokens (hourly job). */
  async purge(): Promise<number> {
    const r = await sql`delete from refresh_tokens where expires_at < now() - interval '7 days'`.execute(this.dbs.db); // expect: static
    return Number(r.numAffectedRows ?? 0);
  }
}

// ---- (c) id 26626632622 (excerpt; no SQL is sent here: decoys only)
import { BadRequestException } from '@nestjs/common';
// import { sql } from 'kysely';
import { DbService as MenuDbService } from 'src/db/db.service';

@Injectable()
export class MenuService {
  constructor(private db: MenuDbService) { }

  async getSections() {
    {/* 
    SELECT *
    FROM sections AS S, section_items as SI, menu_items as MI 
    WHERE S.is_active 
      AND S.section_id > 0 
      AND SI.item_id = MI.item_id 
      AND S.section_id = SI.section_id;
    */}

    {/* 
      Something like this would be ideal, but kysely is a bit hard to figure out at the moment, so I'll just sort the info on the backend 
      SELECT
        S.section_id,
        S.name AS section_name,
        S.display_name AS section_display_name,
        JSON_ARRAYAGG(
          JSON_OBJECT(
            'item_id', MI.item_id,
            'item_name', MI.name,
            'item_display_name', MI.display_name
          )
        ) AS items
      FROM
        sections AS S
      JOIN
        section_items AS SI ON S.section_id = SI.section_id
      JOIN
        menu_items AS MI ON SI.item_id = MI.item_id
      WHERE
        S.is_active AND
        SI.is_active AND 
        MI.is_active
      GROUP BY
        S.section_id;
    */}

    const sections = await this.db.connection
      .selectFrom("sections")
      .selectAll()
      .where("sections.is_active", "=", 1)
      .execute()

    // const section_items = await this.db.connection
    //   .selectFrom("section_items")
    //   .selectAll()
    //   .where("section_items.is_active", "=", 1)
    //   .execute()

    {/* 
      SELECT * 
      FROM 
      INNER JOIN 
    */}

    const menu_items = await this.db.connection
      .selectFrom([
        "menu_items as MI",
        "section_items as SI"
      ])
      .select([
        "SI.section_id",
        "MI.item_id",
        "MI.name",
        "MI.display_text",
        "MI.description",
        "MI.image_link",
        "MI.base_price",
        "MI.display_order",
        "MI.is_active",
        "MI.is_available",
        "MI.is_featured"
      ])
      .where("MI.is_active", "=", 1)
      .where("SI.is_active", "=", 1)
      .execute()

    console.log("Sections: ", sections)
    console.log("Menu Items: ", menu_items)

    return sections
  }

  async getItem(id: number) {
    /* 
      This should return:
      - MenuItem basic information
      - Modifiers linked to this MenuItem
      - All Modifier information needed, such as modifier options and pricing related things
    */
    const menuItem = await this.db.connection
      .selectFrom("menu_items")
      .selectAll()
      .where("item_id", "=", id)
      .executeTakeFirst()

    if (!menuItem) {
      return new BadRequestException({
        error: "No item with given id found"
      })
    }

    /*
    insert into modifiers 
    (name, display_name, description, is_required, is_active, is_available, modifier_type) 
    values ("pizza_size", "Choose a size", "Choose a size for your pizza. Prices may vary based on selection", true, true, true, "RADIO");

    insert into item_modifiers 
    (modifier_id, item_id, display_order, is_active, is_available) values
    (1, 2, 0, true, true),
    (2, 2, 1, true, true);
    */

    const modifiers = await this.db.connection
      .selectFrom([
        "item_modifiers as IM"
      ])
      .innerJoin("modifiers as M", "M.modifier_id", "IM.modifier_id")
      .innerJoin("menu_items as MI", "MI.item_id", "IM.item_id")
      .selectAll("M")
      // .select(({ fn }) => [
      //   fn.count<number>('MI.item_id').as('item_count'),
      // ])
      .where("MI.item_id", "=", id)
      .execute()

    menuItem["modifiers"] = modifiers
    return JSON.stringify(menuItem)
  }
}
