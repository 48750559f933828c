// Sources (the index gave no repository names; open with read_file id=…):
//   (a) id 17583037984: a Knex "get players" handler of a game-stats web app (`@/util/db`).
//   (b) id 728275159: a Knex migration of a CosmWasm indexer (Objection model SmartContract)
//       that deletes duplicate smart-contract rows.
//   (c) id 26725400344: a node-schedule job (CommonJS JavaScript) cleaning e-shop collections
//       with Knex.
// Classes: Knex/Objection builder fragments: havingRaw('count(…) = 0') after leftJoin/groupBy,
// knex.raw('MIN("id") as id') as a select item inside select('a', 'b', raw) (fragment: an
// aggregate, not a plain column), havingRaw('count(*) > 1') in an Objection query inside a
// migration transaction, havingRaw('COUNT(*) < 2') in a sub-query handed to whereIn; decoys:
// select('*') / select('player.*') / from('player') / where('id', id) / leftJoin with three
// identifiers / groupBy([...]) / whereNot('id', …) (identifiers only), a cron rule '* * * * *',
// console.log texts.
// Adaptations: three files concatenated; (a)'s default-exported arrow function named
// `getPlayers` (still the default export); (c) is JavaScript with `require`/`module.exports`,
// kept as is (valid in a TS file compiled as CommonJS); the two `import` blocks placed at the
// top. Code otherwise verbatim.
import { getConnection } from '@/util/db';
import { Knex } from 'knex';
import { SmartContract } from '../src/models';

// ---- (a) id 17583037984
const getPlayers = async (
  id?: number,
  mainsOnly?: boolean
): Promise<{ data: Player | Player[]; totalRows: number; id?: number }> => {
  const knex = await getConnection();
  let players = [];
  if (id) {
    players = await knex.select('*').from('player').where('id', id).first();
  } else {
    if (!mainsOnly) {
      players = await knex.select('*').from('player');
    } else {
      players = await knex
        .select('player.*')
        .from('player')
        .leftJoin('player_alt', 'player_alt.alt_id', 'player.id')
        .groupBy('player.id')
        .havingRaw('count(player_alt.player_id) = 0'); // expect: fragment
    }
  }

  return {
    data: players,
    totalRows: players.length,
    id,
  };
};
export default getPlayers;

// ---- (b) id 728275159
export async function up(knex: Knex): Promise<void> {
  await knex.transaction(async (trx) => {
    const keepRecords = await SmartContract.query()
      .select('address', 'instantiate_hash', knex.raw('MIN("id") as id')) // expect: fragment
      .groupBy(['address', 'instantiate_hash'])
      .havingRaw('count(*) > 1') // expect: fragment
      .transacting(trx);
    for (const keepRecord of keepRecords) {
      await SmartContract.query()
        .where('address', keepRecord.address)
        .where('instantiate_hash', keepRecord.instantiate_hash)
        .whereNot('id', keepRecord.id)
        .del()
        .transacting(trx);
    }
  });
}
export async function down(knex: Knex): Promise<void> {}

// ---- (c) id 26725400344
const schedule = require('node-schedule');
const db = require('../database/db');

// Function to be scheduled
async function task() {
  try {
    console.log('Clean collections...');
    const oneYearAgo = new Date();
    oneYearAgo.setFullYear(oneYearAgo.getFullYear() - 1);
    // Your task goes here
    const clean = await db('collections')
      .whereIn(
        'collection_id',
        db('product_collection')
          .select('collection_id')
          .groupBy('collection_id')
          .havingRaw('COUNT(*) < 2') // expect: fragment
      )
      .del();

    console.log(clean);
  } catch (error) {
    console.error(error);
  }
}

// Function to start the scheduler
function cleanCollections() {
  // Define your schedule rule, e.g., run every minute
  const rule = '* * * * *'; // Runs every minute

  // Schedule the task
  const job = schedule.scheduleJob(rule, task);

  console.log('Scheduler started.');
}

// Export the cleanWarns function
module.exports = {
  cleanCollections,
};
