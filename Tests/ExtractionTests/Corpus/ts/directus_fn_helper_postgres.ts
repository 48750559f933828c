// Source: directus/directus, api/src/database/helpers/fn/dialects/postgres.ts
// (read_file id 46432816362, commit 074335c7ee98de64cbf5f0296f84edd388813086); licence: see the repository.
// Classes: Knex knex.raw(…) select/filter expressions returned to Directus' query builder
// (fragments): EXTRACT(… FROM ??.??) with knex identifier binds (`??`) and a run-time piece
// spliced through `${parseLocaltime(…)}`, a piece kept for splicing returned by a helper
// (` AT TIME ZONE 'UTC'`), a conditional choosing between two function calls on one line
// (jsonb_array_length / json_array_length), a JSON cast expression built from a cast name and an
// operator template (`??::${cast}${template}`); the `'->?'` operator-and-bind pieces are
// unlabelled (no SQL text of their own); decoys: error texts (`Couldn't extract type from …`,
// `… is not a JSON field`), JSDoc examples of JSON paths, type names ('jsonb', 'json', 'timestamp').
// Adaptations: this header added; code as found.
import { InvalidQueryError } from '@directus/errors';
import type { Knex } from 'knex';
import { toPath } from 'lodash-es';
import type { FnHelperOptions } from '../types.js';
import { FnHelper } from '../types.js';

const parseLocaltime = (columnType?: string) => {
	if (columnType === 'timestamp') {
		return ` AT TIME ZONE 'UTC'`; // expect: fragment
	}

	return '';
};

export class FnHelperPostgres extends FnHelper {
	year(table: string, column: string, options: FnHelperOptions): Knex.Raw {
		return this.knex.raw(`EXTRACT(YEAR FROM ??.??${parseLocaltime(options?.type)})`, [table, column]); // expect: fragment
	}

	month(table: string, column: string, options: FnHelperOptions): Knex.Raw {
		return this.knex.raw(`EXTRACT(MONTH FROM ??.??${parseLocaltime(options?.type)})`, [table, column]); // expect: fragment
	}

	week(table: string, column: string, options: FnHelperOptions): Knex.Raw {
		return this.knex.raw(`EXTRACT(WEEK FROM ??.??${parseLocaltime(options?.type)})`, [table, column]); // expect: fragment
	}

	day(table: string, column: string, options: FnHelperOptions): Knex.Raw {
		return this.knex.raw(`EXTRACT(DAY FROM ??.??${parseLocaltime(options?.type)})`, [table, column]); // expect: fragment
	}

	weekday(table: string, column: string, options: FnHelperOptions): Knex.Raw {
		return this.knex.raw(`EXTRACT(DOW FROM ??.??${parseLocaltime(options?.type)})`, [table, column]); // expect: fragment
	}

	hour(table: string, column: string, options: FnHelperOptions): Knex.Raw {
		return this.knex.raw(`EXTRACT(HOUR FROM ??.??${parseLocaltime(options?.type)})`, [table, column]); // expect: fragment
	}

	minute(table: string, column: string, options: FnHelperOptions): Knex.Raw {
		return this.knex.raw(`EXTRACT(MINUTE FROM ??.??${parseLocaltime(options?.type)})`, [table, column]); // expect: fragment
	}

	second(table: string, column: string, options: FnHelperOptions): Knex.Raw {
		return this.knex.raw(`EXTRACT(SECOND FROM ??.??${parseLocaltime(options?.type)})`, [table, column]); // expect: fragment
	}

	count(table: string, column: string, options?: FnHelperOptions): Knex.Raw {
		const collectionName = options?.originalCollectionName || table;
		const type = this.schema.collections?.[collectionName]?.fields?.[column]?.type ?? 'unknown';

		if (type === 'json') {
			const { dbType } = this.schema.collections[table]!.fields[column]!;

			return this.knex.raw(dbType === 'jsonb' ? 'jsonb_array_length(??.??)' : 'json_array_length(??.??)', [ // expect: fragment
				table,
				column,
			]);
		}

		if (type === 'alias') {
			return this._relationalCount(table, column, options);
		}

		throw new Error(`Couldn't extract type from ${table}.${column}`);
	}

	// The pg driver automatically deserializes json/jsonb columns, so no string parsing needed.
	override parseJsonResult(value: unknown): unknown {
		return value;
	}

	json(table: string, column: string, options?: FnHelperOptions): Knex.Raw {
		const collectionName = options?.originalCollectionName || table;
		const fieldSchema = this.schema.collections?.[collectionName]?.fields?.[column];

		if (!fieldSchema || fieldSchema.type !== 'json' || !options?.jsonPath) {
			throw new InvalidQueryError({ reason: `${collectionName}.${column} is not a JSON field` });
		}

		const { template, bindings } = buildPostgresJsonPath(options.jsonPath);
		const cast = fieldSchema.dbType === 'jsonb' ? 'jsonb' : 'json';

		return this.knex.raw(`??::${cast}${template}`, [table + '.' + column, ...bindings]); // expect: fragment
	}
}

/**
 * Build a parameterized PostgreSQL JSON path using -> operators.
 * Returns a template string containing only operators and ? placeholders,
 * plus a bindings array with the actual values.
 *
 * @example ".color" → { template: "->?", bindings: ["color"] }
 * @example ".items[0].name" → { template: "->?->?->?", bindings: ["items", 0, "name"] }
 */
export function buildPostgresJsonPath(path: string): { template: string; bindings: (string | number)[] } {
	const parts = toPath(path.startsWith('.') ? path.slice(1) : path);

	let template = '';
	const bindings: (string | number)[] = [];

	for (let i = 0; i < parts.length; i++) {
		const num = Number(parts[i]);

		template += '->?';

		if (!isNaN(num) && num >= 0 && Number.isInteger(num)) {
			bindings.push(num);
		} else {
			bindings.push(parts[i]!);
		}
	}

	return { template, bindings };
}
