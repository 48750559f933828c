// Source: four TypeScript files that use slonik's `sql` tagged template (the index gave no
// repository names; open them with read_file id=…):
//   (a) id 25406218495  logto-style database alteration script (roles.type column)
//   (b) id 35199162505  entities model module (uuid + sqlstring escape, custom query() wrapper)
//   (c) id 14702307760  orpington-news collection_items queries (sql.json, nested sql token)
//   (d) id 24218708590  Koa route middleware: subject statistics built from optional sql`` pieces
// Classes: 4-placeholders (slonik `${value}`, sql.array, sql.json bind a value), 6-dynamic
//   (sql.join list and sql-token holes spliced into the text), 8-fragments (conditional
//   sql`and …` / sql`left outer join …` pieces), multi-line templates via expect-next,
//   7-decoys (commented-out code with an INSERT, enum value, `sql`` ` empty tokens, column list).
// Adaptations: the four files are concatenated under `// ---- (x)` separators; the duplicate
//   `import { sql } from 'slonik'` lines of (b)-(d) are kept as comments; `// expect-next:` comment
//   lines were added before templates whose opening line ends inside the literal; in (d) one
//   in-literal SQL-comment fragment label marks two nested fragments (one label, convention 4).
//   No other line was changed.
// Labelling decisions (see README-B.md): a `${value}` hole is a bind (static); a hole that
//   splices another sql token (sql.join(...), a nested sql`…`, a function returning sql`…`)
//   makes the enclosing statement dynamic.

// ---- (a) id 25406218495
import { sql } from 'slonik';

import type { AlterationScript } from '../lib/types/alteration.js';

enum InternalRole {
  Admin = '#internal:admin',
}

const alteration: AlterationScript = {
  up: async (pool) => {
    // Get all m2m role ids.
    // expect-next: static
    const { rows: m2mRoleIds } = await pool.query<{ id: string }>(sql`
      select roles.id as "id" from roles
        left join applications_roles on applications_roles.role_id = roles.id and applications_roles.tenant_id = roles.tenant_id
        left join applications on applications.id = applications_roles.application_id and applications.tenant_id = applications_roles.tenant_id
      where applications.type = 'MachineToMachine' or roles.name = ${InternalRole.Admin} group by roles.id;
    `);
    // Add `type` column to `roles` table, and set `type` to 'MachineToMachine' for all m2m roles.
    // expect-next: static
    await pool.query(sql`
      create type role_type as enum ('User', 'MachineToMachine');
    `);
    await pool.query(sql`alter table roles add column type role_type not null default 'User';`); // expect: static
    // expect-next: dynamic
    await pool.query(sql`
      update roles set type = 'MachineToMachine' where id in (${sql.join(
        m2mRoleIds.map(({ id }) => id),
        sql`, `
      )});
    `);
  },
  down: async (pool) => {
    await pool.query(sql`alter table roles drop column type;`); // expect: static
    await pool.query(sql`drop type role_type;`); // expect: static
  },
};

export default alteration;

// ---- (b) id 35199162505
// import { sql } from 'slonik';
import { query, pool } from '../database';
import { v4 as uuidv4 } from 'uuid';
import { EntityField } from '/models/entity-field';
import { Entity } from '/models/entity';
import { escape } from 'sqlstring';



export async function create({ name, fields }: Entity) {
  const id = uuidv4();
  // expect-next: static
  const insert_entity_code = sql`
        INSERT INTO entities (id, name)
          VALUES (${id}, ${name})
    `;
  const result = await query(insert_entity_code);

  await fields.map(async ({name, type, fieldClass, valueFunction}:EntityField) => {
    // expect-next: static
    const fields_insert = sql`
      INSERT INTO entity_fields (name, entity_id, field_type_id, field_class_id, value_function)
        VALUES (${name}, ${id}, ${type}, ${fieldClass}, ${escape(valueFunction)})
    `;
    await query(fields_insert);
  });

  ///////////////////////////////////////////////////////////
  /// It should be possible to do this with a transaction ///
  ///////////////////////////////////////////////////////////
  // const result = await pool.connect(async (connection) => {
  //   const transResult = await connection.transaction(async (transConnection) => {

  //     const result1 = await transConnection.query(insert_entity_code);
  
  //     await fields.map(async field => {
        // const fields_insert = sql`
        //   INSERT INTO entity_fields (name, entity_id, field_type_id, field_class_id, value_function_id)
        //     VALUES (${field.name}, ${id}, ${field.type}, ${field.fieldClass}, ${field.valueFunction})
        // `;
  //       await transConnection.query(fields_insert);
  //     });
    
  //     return result1.rows;
  //   });
  //   return transResult
  // });

  const resultRows: number = +result.rows

  return { "rows": resultRows + fields.length };
}

type EntityHeader = {
  name: string,
  id: string
}

export async function fetch(id: string) {
  // expect-next: static
  const sql_code = sql`
    WITH field_types as (
      SELECT
        field_types.*
      FROM field_types
      GROUP BY field_types.id
      ORDER by field_types.id
    ), field_classes as (
      SELECT
        field_classes.*
      FROM field_classes
      GROUP BY field_classes.id
      ORDER by field_classes.id
    ), entity_fields as (
      SELECT
        entity_fields.*,
        json_agg(field_types) as field_type,
        json_agg(field_classes) as field_class
      FROM entity_fields
      LEFT JOIN field_types ON field_types.id = entity_fields.field_type_id
      LEFT JOIN field_classes ON field_classes.id = entity_fields.field_class_id
      GROUP BY entity_fields.id
      ORDER by entity_fields.id
    ), entities AS (
      SELECT
        entities.*,
        json_agg(entity_fields) as entity_fields
      FROM entities
      LEFT JOIN entity_fields ON entity_fields.entity_id = entities.id
      GROUP BY entities.id
      ORDER by entities.id
    )
    SELECT row_to_json(entities)
    FROM entities WHERE entities.id=${id}
  `;
  const results = await query(sql_code);

  return results?.rows[0];
}

// ---- (c) id 14702307760
// import { sql } from 'slonik';
import { ID } from '@orpington-news/shared';
import { getCollectionChildrenIds } from '@db/collections';
import { DBCollectionItem } from './types';

type InsertDBCollectionItem = Omit<DBCollectionItem, 'date_read'>;

export const insertCollectionItems = (items: Array<InsertDBCollectionItem>) => {
  // expect-next: static
  return sql`
    INSERT INTO collection_items(id, title, slug, link, summary, full_text, thumbnail_url, date_published, date_updated, categories, comments, reading_time, collection_id)
    SELECT id, title, slug, link, summary, full_text, thumbnail_url, TO_TIMESTAMP(date_published) as date_published, TO_TIMESTAMP(date_updated) as date_updated, categories, comments, reading_time, collection_id
    FROM jsonb_to_recordset(${sql.json(
      items
    )}) AS t (id text, title text, slug text, link text, summary text, full_text text, thumbnail_url text, date_published integer, date_updated integer, categories text[], comments text, reading_time float4, collection_id integer)
    ON CONFLICT (id) DO UPDATE SET
    title = EXCLUDED.title,
    slug = EXCLUDED.slug,
    link = EXCLUDED.link,
    summary = EXCLUDED.summary,
    full_text = EXCLUDED.full_text,
    thumbnail_url = EXCLUDED.thumbnail_url,
    date_published = GREATEST(collection_items.date_published, EXCLUDED.date_published),
    date_updated = GREATEST(collection_items.date_updated, EXCLUDED.date_updated),
    categories = EXCLUDED.categories,
    comments = EXCLUDED.comments,
    reading_time = EXCLUDED.reading_time
    `;
};

export const getCollectionItems = (collectionId: ID) => {
  // expect-next: dynamic
  return sql<DBCollectionItem>`
  SELECT * from collection_items
  WHERE collection_id = ANY(${getCollectionChildrenIds(collectionId)})`;
};

// ---- (d) id 24218708590
import { RouteMiddleware } from '../types';
// import { sql } from 'slonik';

export const getSubjectStatistics: RouteMiddleware<{ id: string }> = async ctx => {
  const body = ctx.request.body;
  // Given a list of subjects
  const subjects = body && body.subjects ? body.subjects : ctx.query.subjects;
  const parentTask = body && body.parentTask ? body.parentTask : ctx.query.parent_task;
  const subjectsArray = Array.isArray(subjects) ? subjects : subjects.split(',');
  // And a task id (root or parent)
  const taskId = ctx.params.id;
  const context = ctx.state.jwt.context;
  const type = ctx.query.type;
  const parentSubject = ctx.query.parent_subject;
  const assignee = ctx.query.assignee && ctx.query.assignee === 'true';
  const assigned_to = ctx.query.assigned_to;

  const subjectQuery = subjectsArray ? sql`and t.subject = any (${sql.array(subjectsArray, 'text')})` : sql``; // expect: fragment
  const typeQuery = type ? sql`and t.type = ${type}` : sql``; // expect: fragment
  const parentJoin = parentSubject ? sql`left outer join tasks pt on t.parent_task = pt.id` : sql``; // expect: fragment
  const parentQuery = parentSubject ? sql`and pt.subject = ${parentSubject}` : sql``; // expect: fragment
  const assigneeFields = assignee ? sql`, t.assignee_id` : sql``;
  const assignedToQuery = assigned_to ? sql`and t.assignee_id = ${assigned_to}` : sql``; // expect: fragment

  // expect-next: dynamic
  const results = await ctx.connection.any(sql`
    select t.subject, t.status ${assigneeFields} from tasks t 
        ${parentJoin}
        where  ${parentTask ? sql`t.parent_task = ${taskId}` : sql`t.root_task = ${taskId}`} -- expect: fragment
        ${subjectQuery}
        ${typeQuery}
        ${parentQuery}
        ${assignedToQuery}
        and t.context ?& ${sql.array(context, 'text')}
  `);

  ctx.response.body = {
    subjects: results,
  };
};
