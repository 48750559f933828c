// Source: adelsz/pgtyped — packages/example/src/users/queries.ts (MIT License)
// Complete file, unchanged apart from labels.
// Classes: placeholders of other tools (pgtyped $$ages array spread, $users(name, age) object
//          spread, $id scalar), lower-case SQL in a tagged template whose tag is a generic call
//          (sql<Result, Params>`...`), so the literal starts on the line after "sql<".

import { sql } from "@pgtyped/query";

import {
  ISelectAllUsersParams, ISelectAllUsersResult,
  IInsertUsersParams, IInsertUsersResult,
  ISelectUserIdsParams, ISelectUserIdsResult,
} from "./queries.types";

export const selectAllUsers = sql<
  ISelectAllUsersResult, ISelectAllUsersParams
  >`select id, name from users where age in $$ages`; // expect: static

export const insertUsers = sql<
  IInsertUsersResult, IInsertUsersParams
  >`insert into users (name, age) values $users(name, age) returning id, name`; // expect: static

export const selectUserIds = sql<
  ISelectUserIdsResult, ISelectUserIdsParams
  >`select id from users where id = $id and age = $age`; // expect: static
