// Source: twentyhq/twenty, packages/twenty-server/src/engine/workspace-manager/workspace-migration-runner/
// services/workspace-migration-enum.service.ts (read_file id 31551854520, commit
// 101bf9295bd379c0e6b50ed87e41067699d236c4). Taken whole; only the labels, one inserted label line and
// this header added. Classes: TypeORM QueryRunner.query in a run-time schema migrator (per-workspace
// PostgreSQL schemas): untagged template literals with quoted ${schemaName}/${tableName}/${column}
// holes (dynamic) for ALTER TABLE ... DROP COLUMN / RENAME COLUMN, ALTER TYPE ... RENAME TO, DROP TYPE
// IF EXISTS, a SELECT, and a per-row UPDATE whose value and id are spliced as text; templates opening
// at line end (label on the line before: a source comment, a ") {" line, one inserted comment line);
// decoys: enum type names built with templates, queryRunner.addColumn(`${schemaName}.${tableName}`,
// new TableColumn(...)), replaceAll("'", ''), the quoted value `'${migratedValue}'`, the regex
// /^\{.*\}$/, comments.

import { Injectable } from '@nestjs/common';

import { isDefined } from 'class-validator';
import { QueryRunner, TableColumn } from 'typeorm';
import { v4 } from 'uuid';

import { serializeDefaultValue } from 'src/engine/metadata-modules/field-metadata/utils/serialize-default-value';
import {
  WorkspaceMigrationColumnAlter,
  WorkspaceMigrationRenamedEnum,
} from 'src/engine/metadata-modules/workspace-migration/workspace-migration.entity';

@Injectable()
export class WorkspaceMigrationEnumService {
  async alterEnum(
    queryRunner: QueryRunner,
    schemaName: string,
    tableName: string,
    migrationColumn: WorkspaceMigrationColumnAlter,
  ) {
    // Rename column name
    if (
      migrationColumn.currentColumnDefinition.columnName !==
      migrationColumn.alteredColumnDefinition.columnName
    ) {
      await this.renameColumn(
        queryRunner,
        schemaName,
        tableName,
        migrationColumn.currentColumnDefinition.columnName,
        migrationColumn.alteredColumnDefinition.columnName,
      );
    }

    const columnDefinition = migrationColumn.alteredColumnDefinition;
    const oldEnumTypeName = `${tableName}_${migrationColumn.currentColumnDefinition.columnName}_enum`;
    const tempEnumTypeName = `${oldEnumTypeName}_temp`;
    const newEnumTypeName = `${tableName}_${columnDefinition.columnName}_enum`;
    const enumValues =
      columnDefinition.enum?.map((enumValue) => {
        if (typeof enumValue === 'string') {
          return enumValue;
        }

        return enumValue.to;
      }) ?? [];
    const renamedEnumValues = columnDefinition.enum?.filter(
      (enumValue): enumValue is WorkspaceMigrationRenamedEnum =>
        typeof enumValue !== 'string',
    );

    const oldColumnName = `${columnDefinition.columnName}_old_${v4()}`;

    // Rename old column
    await this.renameColumn(
      queryRunner,
      schemaName,
      tableName,
      columnDefinition.columnName,
      oldColumnName,
    );
    await this.renameEnumType(
      queryRunner,
      schemaName,
      oldEnumTypeName,
      tempEnumTypeName,
    );

    await queryRunner.addColumn(
      `${schemaName}.${tableName}`,
      new TableColumn({
        name: columnDefinition.columnName,
        type: columnDefinition.columnType,
        default: columnDefinition.defaultValue,
        enum: enumValues,
        enumName: newEnumTypeName,
        isArray: columnDefinition.isArray,
        isNullable: columnDefinition.isNullable,
      }),
    );

    if (columnDefinition.isNullable) {
      await this.migrateEnumValues(
        queryRunner,
        schemaName,
        migrationColumn,
        tableName,
        oldColumnName,
        enumValues,
        renamedEnumValues,
      );
    } else {
      const defaultValue = columnDefinition.defaultValue?.replaceAll("'", '');

      await this.migrateEnumValues(
        queryRunner,
        schemaName,
        migrationColumn,
        tableName,
        oldColumnName,
        enumValues,
        renamedEnumValues,
        defaultValue,
      );
    }

    // Drop old column // expect-next: dynamic
    await queryRunner.query(`
      ALTER TABLE "${schemaName}"."${tableName}"
      DROP COLUMN "${oldColumnName}"
    `);
    // Drop temp enum type
    await this.dropOldEnumType(queryRunner, schemaName, tempEnumTypeName);
  }

  private async renameColumn(
    queryRunner: QueryRunner,
    schemaName: string,
    tableName: string,
    oldColumnName: string,
    newColumnName: string,
  ) { // expect-next: dynamic
    await queryRunner.query(`
      ALTER TABLE "${schemaName}"."${tableName}"
      RENAME COLUMN "${oldColumnName}" TO "${newColumnName}"
    `);
  }

  private migrateEnumValue({
    value,
    renamedEnumValues,
    allEnumValues,
    defaultValueFallback,
  }: {
    value: string;
    renamedEnumValues?: WorkspaceMigrationRenamedEnum[];
    allEnumValues?: string[];
    defaultValueFallback?: string;
  }) {
    if (renamedEnumValues?.find((enumVal) => enumVal?.from === value)?.to) {
      return renamedEnumValues?.find((enumVal) => enumVal?.from === value)?.to;
    }

    if (allEnumValues?.includes(value)) {
      return value;
    }

    if (isDefined(defaultValueFallback)) {
      return defaultValueFallback;
    }

    return null;
  }

  private async migrateEnumValues(
    queryRunner: QueryRunner,
    schemaName: string,
    migrationColumn: WorkspaceMigrationColumnAlter,
    tableName: string,
    oldColumnName: string,
    enumValues: string[],
    renamedEnumValues?: WorkspaceMigrationRenamedEnum[],
    defaultValueFallback?: string,
  ) {
    const columnDefinition = migrationColumn.alteredColumnDefinition;

    const values = await queryRunner.query(
      `SELECT id, "${oldColumnName}" FROM "${schemaName}"."${tableName}"`, // expect: dynamic
    );

    for (const value of values) {
      let val = value[oldColumnName];

      if (/^\{.*\}$/.test(val)) {
        val = serializeDefaultValue(
          val
            .slice(1, -1)
            .split(',')
            .map((v: string) => v.trim())
            .map((v: string) =>
              this.migrateEnumValue({
                value: v,
                renamedEnumValues: renamedEnumValues,
                allEnumValues: enumValues,
              }),
            )
            .filter((v: string | null) => isDefined(v)),
        );
      } else if (typeof val === 'string') {
        const migratedValue = this.migrateEnumValue({
          value: val,
          renamedEnumValues: renamedEnumValues,
          allEnumValues: enumValues,
          defaultValueFallback: defaultValueFallback,
        });

        val = isDefined(migratedValue) ? `'${migratedValue}'` : null;
      }

      // expect-next: dynamic
      await queryRunner.query(`
        UPDATE "${schemaName}"."${tableName}"
        SET "${columnDefinition.columnName}" = ${val}
        WHERE id='${value.id}'
      `);
    }
  }

  private async dropOldEnumType(
    queryRunner: QueryRunner,
    schemaName: string,
    oldEnumTypeName: string,
  ) {
    await queryRunner.query(
      `DROP TYPE IF EXISTS "${schemaName}"."${oldEnumTypeName}"`, // expect: dynamic
    );
  }

  private async renameEnumType(
    queryRunner: QueryRunner,
    schemaName: string,
    oldEnumTypeName: string,
    newEnumTypeName: string,
  ) { // expect-next: dynamic
    await queryRunner.query(`
      ALTER TYPE "${schemaName}"."${oldEnumTypeName}"
      RENAME TO "${newEnumTypeName}"
    `);
  }
}
