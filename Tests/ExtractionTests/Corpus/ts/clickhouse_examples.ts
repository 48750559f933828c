// Source: ClickHouse/clickhouse-js (Apache License 2.0) — three example files:
//   examples/node/coding/query_with_parameter_binding.ts   (queryWithParameterBinding)
//   examples/node/coding/session_level_commands.ts         (sessionLevelCommands)
//   examples/node/coding/insert_from_select.ts             (insertFromSelect)
// Adapted: each top-level script is wrapped in an async function so the three fit one file;
// statements and literals are unchanged.
// Classes: placeholders of other tools (ClickHouse {name: Type} query parameters), short
//          (SET x = 0, SELECT toInt64(42)), dynamic (${tableName} template holes),
//          decoys (format names "JSONEachRow", console messages).

import { createClient, TupleParam } from "@clickhouse/client";
import * as crypto from "node:crypto";

export async function queryWithParameterBinding() {
  const client = createClient();
  const resultSet = await client.query({ // expect-next: static
    query: `
      SELECT
        {var_int: Int32}                     AS var_int,
        {var_float: Float32}                 AS var_float,
        {var_str: String}                    AS var_str,
        {var_array: Array(Int32)}            AS var_arr,
        {var_tuple: Tuple(Int32, String)}    AS var_tuple,
        {var_map: Map(Int, Array(String))}   AS var_map,
        {var_date: Date}                     AS var_date,
        {var_datetime: DateTime}             AS var_datetime,
        {var_datetime64_3: DateTime64(3)}    AS var_datetime64_3,
        {var_decimal: Decimal(9, 2)}         AS var_decimal,
        {var_uuid: UUID}                     AS var_uuid,
        {var_ipv4: IPv4}                     AS var_ipv4,
        {var_null: Nullable(String)}         AS var_null
    `,
    format: "JSONEachRow",
    query_params: {
      var_int: 10,
      var_float: "10.557",
      var_str: 20,
      var_array: [42, 144],
      var_tuple: new TupleParam([42, "foo"]),
      var_date: "2022-01-01",
      var_datetime: "2022-01-01 12:34:56", // or a Date object
      var_decimal: "123.45",
      var_uuid: "01234567-89ab-cdef-0123-456789abcdef",
      var_ipv4: "192.168.0.1",
      var_null: null,
    },
  });
  console.info("Result (different data types):", await resultSet.json());

  await client.close();
}

export async function sessionLevelCommands() {
  const client = createClient({
    // with session_id defined, SET and other session commands
    // will affect all the consecutive queries
    session_id: crypto.randomUUID(),
  });

  await client.command({
    query: `SET output_format_json_quote_64bit_integers = 0`, // expect: static
    clickhouse_settings: { wait_end_of_query: 1 },
  });

  // this query uses output_format_json_quote_64bit_integers = 0
  const rows1 = await client.query({
    query: `SELECT toInt64(42)`, // expect: static
    format: "JSONEachRow",
  });
  console.log(await rows1.json());

  await client.command({
    query: `SET output_format_json_quote_64bit_integers = 1`, // expect: static
    clickhouse_settings: { wait_end_of_query: 1 },
  });

  const rows2 = await client.query({
    query: `SELECT toInt64(144)`, // expect: static
    format: "JSONEachRow",
  });
  console.log(await rows2.json());

  await client.close();
}

export async function insertFromSelect() {
  const tableName = 'insert_from_select'
  const client = createClient()
  await client.command({ // expect-next: dynamic
    query: `
      CREATE OR REPLACE TABLE ${tableName}
      (id String, data AggregateFunction(quantilesBFloat16(0.5), Float32))
      ENGINE MergeTree()
      ORDER BY (id)
    `,
  })
  await client.command({ // expect-next: dynamic
    query: `
      INSERT INTO ${tableName}
      SELECT '42', quantilesBFloat16State(0.5)(arrayJoin([toFloat32(10), toFloat32(20)]))`,
  })
  const rows = await client.query({
    query: `SELECT finalizeAggregation(data) AS result FROM ${tableName}`, // expect: dynamic
    format: 'JSONEachRow',
  })
  console.info(await rows.json())
  await client.close()
}
