// Source: umami-software/umami (MIT), src/queries/sql/getWebsiteDateRange.ts, read_file index id
// 35825626824 (commit 05cc18882c992650ad077ce024622d67a82a78e7). Umami web analytics: a query
// module with a PostgreSQL/MySQL branch (Prisma through umami's rawQuery) and a ClickHouse branch.
// Classes: rawQuery(`…`) templates with no `${}` hole, opening alone on the line after
// `rawQuery(` (expect-next), umami's `{{websiteId::uuid}}` / `{{startDate}}` placeholders (rawQuery
// binds them) and ClickHouse `{websiteId:UUID}` / `{startDate:DateTime64}` parameters (both
// static); decoys: runQuery map keys, parseFilters options.
// Adaptations: this header; label comments only (`// expect-next:` appended to the
// `const result = await rawQuery(` lines).
import prisma from '@/lib/prisma';
import clickhouse from '@/lib/clickhouse';
import { runQuery, CLICKHOUSE, PRISMA } from '@/lib/db';
import { DEFAULT_RESET_DATE } from '@/lib/constants';

export async function getWebsiteDateRange(...args: [websiteId: string]) {
  return runQuery({
    [PRISMA]: () => relationalQuery(...args),
    [CLICKHOUSE]: () => clickhouseQuery(...args),
  });
}

async function relationalQuery(websiteId: string) {
  const { rawQuery, parseFilters } = prisma;
  const { queryParams } = parseFilters({
    startDate: new Date(DEFAULT_RESET_DATE),
    websiteId,
  });

  const result = await rawQuery( // expect-next: static
    `
    select
      min(created_at) as mindate,
      max(created_at) as maxdate
    from website_event
    where website_id = {{websiteId::uuid}}
      and created_at >= {{startDate}}
    `,
    queryParams,
  );

  return result[0] ?? null;
}

async function clickhouseQuery(websiteId: string) {
  const { rawQuery, parseFilters } = clickhouse;
  const { queryParams } = parseFilters({
    startDate: new Date(DEFAULT_RESET_DATE),
    websiteId,
  });

  const result = await rawQuery( // expect-next: static
    `
    select
      min(created_at) as mindate,
      max(created_at) as maxdate
    from website_event_stats_hourly
    where website_id = {websiteId:UUID}
      and created_at >= {startDate:DateTime64}
    `,
    queryParams,
  );

  return result[0] ?? null;
}
