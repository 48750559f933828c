// Source: three TypeORM QueryRunner files (the index gave no repository names; open them with
// read_file id=…):
//   (a) id 27458071220  migration RemoveTagsBulkImport1713987607342: a template that opens with a
//                       `-- sql` comment line, then WITH … DELETE, run twice in a loop
//   (b) id 71654130605  Vitest test of a migration on PGlite: queryRunner.query with `'${DEVICE}'`
//                       spliced into plain templates
//   (c) id 8479086410   generated MySQL migration indexProducts1646174756402: every identifier
//                       in escaped backticks (\`) inside template literals, excerpt
// Classes: 1-comment-prefix (`-- sql` before WITH), plain template literals opening on the call
//   line (trailing label) or ending inside the line (expect-next), 6-dynamic (`${DEVICE}` in a
//   plain template handed to queryRunner.query, which does not bind it), other-dialect (MySQL
//   backticks escaped as \` in a JS template, DROP FOREIGN KEY, CHANGE, AUTO_INCREMENT,
//   ENGINE=InnoDB, INDEX inside CREATE TABLE, ON UPDATE CURRENT_TIMESTAMP(6)), 7-decoys
//   (describe/it texts "drops the column going down", migration `name` strings, comments about
//   "this query", a SELECT inside expect(…).rejects as a real statement next to matcher calls).
// Adaptations: concatenated under `// ---- (x)` separators; repeated `import … from "typeorm"`
//   lines kept as comments, and (b)'s `import type { DataSource, QueryRunner }` shortened to
//   `DataSource` (QueryRunner is imported by (a)); in (c) the last twelve statements of down() were left out (same
//   shapes as those kept); one `// expect-next:` comment line was added in (a). No other line was
//   changed.

// ---- (a) id 27458071220
import { MigrationInterface, QueryRunner } from "typeorm"

export class RemoveTagsBulkImport1713987607342 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        // We need to run this query twice: There's a tags.parentId -> tags.id
        // relation that we need to break in two steps; first deleting all the
        // leaf tags, and then deleting those that used to be a parent but are
        // now child-less.
        for (let i = 0; i <= 1; i++) {
            // expect-next: static
            await queryRunner.query(`-- sql
            WITH leaf_tags AS (
                SELECT t.id, t.name
                FROM tags t
                WHERE t.id NOT IN (
                    SELECT parentId FROM tags WHERE parentId IS NOT NULL        
            ))
            DELETE
            FROM tags
            WHERE isBulkImport = 1
            and id IN (SELECT id FROM leaf_tags)
        `)
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {}
}

// ---- (b) id 71654130605
import type { DataSource } from 'typeorm'
import { DataSource as TypeOrmDataSource } from 'typeorm'
import { PGliteDriver } from 'typeorm-pglite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AddDeviceResetNewApikey1787290000000 } from '../1787290000000-AddDeviceResetNewApikey.js'

const DEVICE = '00000000-0000-4000-8000-000000000001'

describe('the Device Reset new-apikey migration', () => {
  let dataSource: DataSource
  let queryRunner: QueryRunner
  const migration = new AddDeviceResetNewApikey1787290000000()

  beforeEach(async () => {
    dataSource = await new TypeOrmDataSource({ type: 'postgres', driver: new PGliteDriver().driver }).initialize()
    queryRunner = dataSource.createQueryRunner()
    await queryRunner.query(`CREATE TABLE "device" ("id" uuid PRIMARY KEY, "resetDevice" boolean NOT NULL DEFAULT false)`) // expect: static
    await queryRunner.query(`INSERT INTO "device" ("id") VALUES ('${DEVICE}')`) // expect: dynamic
  })

  afterEach(async () => {
    await queryRunner.release()
    await dataSource.destroy()
  })

  it('gives an existing Device the flag, off by default', async () => {
    await migration.up(queryRunner)

    const [device] = await queryRunner.query(`SELECT "resetDeviceNewApikey" FROM "device" WHERE "id" = '${DEVICE}'`) // expect: dynamic
    expect(device.resetDeviceNewApikey).toBe(false)
  })

  it('lets a new Device start without it set', async () => {
    await migration.up(queryRunner)
    await queryRunner.query(`INSERT INTO "device" ("id") VALUES ('00000000-0000-4000-8000-000000000002')`) // expect: static

    const [device] = await queryRunner.query(`SELECT "resetDeviceNewApikey" FROM "device" WHERE "id" = '00000000-0000-4000-8000-000000000002'`) // expect: static
    expect(device.resetDeviceNewApikey).toBe(false)
  })

  it('drops the column going down', async () => {
    await migration.up(queryRunner)
    await migration.down(queryRunner)

    await expect(queryRunner.query(`SELECT "resetDeviceNewApikey" FROM "device"`)).rejects.toThrow() // expect: static
  })
})

// ---- (c) id 8479086410 (excerpt)
// import {MigrationInterface, QueryRunner} from "typeorm";

export class indexProducts1646174756402 implements MigrationInterface {
    name = 'indexProducts1646174756402'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`order_product\` DROP FOREIGN KEY \`FK_073c85ed133e05241040bd70f02\``); // expect: static
        await queryRunner.query(`ALTER TABLE \`user\` DROP FOREIGN KEY \`FK_6c687a8fa35b0ae35ce766b56ce\``); // expect: static
        await queryRunner.query(`DROP INDEX \`REL_6c687a8fa35b0ae35ce766b56c\` ON \`user\``); // expect: static
        await queryRunner.query(`ALTER TABLE \`user\` CHANGE \`customerId\` \`customer_id\` int NULL`); // expect: static
        await queryRunner.query(`CREATE TABLE \`products\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(55) NOT NULL, \`description\` text NOT NULL, \`price\` int NOT NULL, \`stock\` int NOT NULL, \`image\` varchar(255) NOT NULL, \`created_at\` timestamp(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`update_at\` timestamp(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`brand_id\` int NULL, INDEX \`IDX_4fbc36ad745962e5c11001e1a8\` (\`price\`, \`stock\`), UNIQUE INDEX \`IDX_4c9fb58de893725258746385e1\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`); // expect: static
        await queryRunner.query(`CREATE TABLE \`products_categories\` (\`product_id\` int NOT NULL, \`categories_id\` int NOT NULL, INDEX \`IDX_f2c76a4306a82c696d620f81f0\` (\`product_id\`), INDEX \`IDX_d9c2def87b9f1ba8f9e3019b65\` (\`categories_id\`), PRIMARY KEY (\`product_id\`, \`categories_id\`)) ENGINE=InnoDB`); // expect: static
        await queryRunner.query(`ALTER TABLE \`user\` ADD UNIQUE INDEX \`IDX_d72eb2a5bbff4f2533a5d4caff\` (\`customer_id\`)`); // expect: static
        await queryRunner.query(`CREATE UNIQUE INDEX \`REL_d72eb2a5bbff4f2533a5d4caff\` ON \`user\` (\`customer_id\`)`); // expect: static
        await queryRunner.query(`ALTER TABLE \`products\` ADD CONSTRAINT \`FK_1530a6f15d3c79d1b70be98f2be\` FOREIGN KEY (\`brand_id\`) REFERENCES \`brand\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`); // expect: static
        await queryRunner.query(`ALTER TABLE \`order_product\` ADD CONSTRAINT \`FK_073c85ed133e05241040bd70f02\` FOREIGN KEY (\`productId\`) REFERENCES \`products\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`); // expect: static
        await queryRunner.query(`ALTER TABLE \`user\` ADD CONSTRAINT \`FK_d72eb2a5bbff4f2533a5d4caff9\` FOREIGN KEY (\`customer_id\`) REFERENCES \`customer\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`); // expect: static
        await queryRunner.query(`ALTER TABLE \`products_categories\` ADD CONSTRAINT \`FK_f2c76a4306a82c696d620f81f08\` FOREIGN KEY (\`product_id\`) REFERENCES \`products\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`); // expect: static
        await queryRunner.query(`ALTER TABLE \`products_categories\` ADD CONSTRAINT \`FK_d9c2def87b9f1ba8f9e3019b653\` FOREIGN KEY (\`categories_id\`) REFERENCES \`category\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`); // expect: static
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`products_categories\` DROP FOREIGN KEY \`FK_d9c2def87b9f1ba8f9e3019b653\``); // expect: static
        await queryRunner.query(`ALTER TABLE \`products_categories\` DROP FOREIGN KEY \`FK_f2c76a4306a82c696d620f81f08\``); // expect: static
        await queryRunner.query(`ALTER TABLE \`user\` DROP FOREIGN KEY \`FK_d72eb2a5bbff4f2533a5d4caff9\``); // expect: static
        await queryRunner.query(`ALTER TABLE \`order_product\` DROP FOREIGN KEY \`FK_073c85ed133e05241040bd70f02\``); // expect: static
        await queryRunner.query(`ALTER TABLE \`products\` DROP FOREIGN KEY \`FK_1530a6f15d3c79d1b70be98f2be\``); // expect: static
        await queryRunner.query(`DROP INDEX \`REL_d72eb2a5bbff4f2533a5d4caff\` ON \`user\``); // expect: static
    }

}
