// Source: public GitHub file found with find_string "this.dataSource.query(" (read_file index id
// 33706009684); the index gave no repository name. Code base: a NestJS service (DatabaseService)
// over a TypeORM DataSource connected to MySQL that lists databases, tables and columns for a
// schema browser / query console.
// Classes: `dataSource.query<T>('SHOW DATABASES')` (short MySQL statement, static), templates on
// the line after `query(` with the database / table spliced in (`SHOW TABLES FROM ${database}`,
// `SHOW COLUMNS FROM ${database}.${table}`: dynamic, TypeORM does not bind template holes), a
// pass-through `query(query)` with no literal; decoys: system database names
// ('information_schema', 'mysql', …), the result key template `Tables_in_${database}`.
// Hard case: MySQL-only SHOW statements.
// Adaptations: this header and trailing label comments only; the code is otherwise as found.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

interface DatabaseRow {
  Database: string;
}

function filterMysqlSystemDatabases(databases: DatabaseRow[]) {
  return databases.filter(
    (d) =>
      d.Database !== 'information_schema' &&
      d.Database !== 'mysql' &&
      d.Database !== 'performance_schema' &&
      d.Database !== 'sys',
  );
}

@Injectable()
export class DatabaseService {
  constructor(private dataSource: DataSource) {
    // noop
  }

  getDbType() {
    return this.dataSource.options.type;
  }

  async getAllTableSchemas() {
    const dbSchemas = await this.getSchemas();
    const tableSchemas = dbSchemas.flatMap((db) => db.schemas);

    return tableSchemas;
  }

  async getSchemas() {
    const res = await this.dataSource.query<DatabaseRow[]>('SHOW DATABASES'); // expect: static
    const dbs = filterMysqlSystemDatabases(res).map((d) => d.Database);
    const dbSchemas: Database.DatabaseSchema[] = await Promise.all(
      dbs.map(async (db) => {
        const schemas = await this.getTables(db);
        return {
          database: db,
          schemas: schemas,
        };
      }),
    );
    return dbSchemas;
  }

  async getTables(database: string) {
    const res = await this.dataSource.query<Record<string, string>[]>(
      `SHOW TABLES FROM ${database}`, // expect: dynamic
    );
    const tables = res.map((d) => d[`Tables_in_${database}`]);
    const tableSchemas = await Promise.all(
      tables.map(async (table) => await this.getTableSchema(database, table)),
    );

    return tableSchemas;
  }

  async getTableSchema(
    database: string,
    table: string,
  ): Promise<Database.TableSchema> {
    const res = await this.dataSource.query(
      `SHOW COLUMNS FROM ${database}.${table}`, // expect: dynamic
    );
    const tableFields = res.map((d) => {
      return {
        name: d.Field,
        type: d.Type,
        required: d.Null === 'NO',
      };
    });

    return {
      table,
      database,
      fields: tableFields,
    };
  }

  async query(query: string): Promise<{
    query: string;
    success: boolean;
    rows: any[];
  }> {
    const res = await this.dataSource.query<any[]>(query);
    return {
      query,
      success: true,
      rows: res,
    };
  }
}
