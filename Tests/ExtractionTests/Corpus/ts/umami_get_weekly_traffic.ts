// Source: umami-software/umami (MIT), src/queries/sql/getWeeklyTraffic.ts, read_file index id
// 4487459535 (commit 2000843b83b771fa2583a9a20ff576e85a6fcd26). Umami web analytics: one query
// module with a PostgreSQL/MySQL branch (Prisma's raw client through umami's rawQuery) and a
// ClickHouse branch.
// Classes: rawQuery(`…`) plain templates (not tagged) whose `${filterQuery}` / `${cohortQuery}` /
// `${joinSessionQuery}` / `${getDateWeeklySQL(…)}` / '${timezone}' holes splice SQL text (dynamic),
// umami's `{{websiteId::uuid}}` / `{{startDate}}` (rawQuery turns them into binds) and ClickHouse
// `{websiteId:UUID}` parameters (placeholders), the same statement assigned in if/else branches
// (two labels), templates opening alone on the line after `rawQuery(` / `sql = ` (expect-next);
// decoys: `let sql = ''`, FUNCTION_NAME, the `${i}:${j…}` key template in formatResults.
// Adaptations: this header; label comments only (`// expect-next:` appended to the code line
// before each template).
import clickhouse from '@/lib/clickhouse';
import { EVENT_COLUMNS } from '@/lib/constants';
import { CLICKHOUSE, PRISMA, runQuery } from '@/lib/db';
import prisma from '@/lib/prisma';
import type { QueryFilters } from '@/lib/types';

const FUNCTION_NAME = 'getWeeklyTraffic';

export async function getWeeklyTraffic(...args: [websiteId: string, filters: QueryFilters]) {
  return runQuery({
    [PRISMA]: () => relationalQuery(...args),
    [CLICKHOUSE]: () => clickhouseQuery(...args),
  });
}

async function relationalQuery(websiteId: string, filters: QueryFilters) {
  const timezone = 'utc';
  const { rawQuery, getDateWeeklySQL, parseFilters } = prisma;
  const { filterQuery, joinSessionQuery, cohortQuery, queryParams } = parseFilters({
    ...filters,
    websiteId,
  });

  return rawQuery( // expect-next: dynamic
    `
    select
      ${getDateWeeklySQL('website_event.created_at', timezone)} as time,
      count(distinct website_event.session_id) as value
    from website_event
    ${cohortQuery}
    ${joinSessionQuery}
    where website_event.website_id = {{websiteId::uuid}}
      and website_event.created_at between {{startDate}} and {{endDate}}
      ${filterQuery}
    group by time
    order by 2
    `,
    queryParams,
    FUNCTION_NAME,
  ).then(formatResults);
}

async function clickhouseQuery(websiteId: string, filters: QueryFilters) {
  const { timezone = 'utc' } = filters;
  const { rawQuery, parseFilters } = clickhouse;
  const { filterQuery, cohortQuery, queryParams } = await parseFilters({ ...filters, websiteId });

  let sql = '';

  if (EVENT_COLUMNS.some(item => Object.keys(filters).includes(item))) { // expect-next: dynamic
    sql = `
    select
      formatDateTime(toDateTime(created_at, '${timezone}'), '%w:%H') as time,
      count(distinct session_id) as value
    from website_event
    ${cohortQuery}
    where website_id = {websiteId:UUID}
      and created_at between {startDate:DateTime64} and {endDate:DateTime64}
      ${filterQuery}
    group by time
    order by time
    `;
  } else { // expect-next: dynamic
    sql = `
    select
      formatDateTime(toDateTime(created_at, '${timezone}'), '%w:%H') as time,
      count(distinct session_id) as value
    from website_event_stats_hourly website_event
    ${cohortQuery}
    where website_id = {websiteId:UUID}
      and created_at between {startDate:DateTime64} and {endDate:DateTime64}
      ${filterQuery}
    group by time
    order by time
    `;
  }

  return rawQuery(sql, queryParams, FUNCTION_NAME).then(formatResults);
}

function formatResults(data: any) {
  const days = [];

  for (let i = 0; i < 7; i++) {
    days.push([]);

    for (let j = 0; j < 24; j++) {
      days[i].push(
        Number(
          data.find(({ time }) => time === `${i}:${j.toString().padStart(2, '0')}`)?.value || 0,
        ),
      );
    }
  }

  return days;
}
