const { Pool } = require('pg');
const knex = require('knex')({ client: 'pg' });

const pool = new Pool();

// SELECT * FROM users -- commented out, not a statement
async function getUser(id) {
  const { rows } = await pool.query('SELECT id, email FROM users WHERE id = $1', [id]); // expect: static
  return rows[0];
}

async function listOrders(userId, status) {
  // expect-next: static
  const sql = `
    SELECT o.id, o.total
    FROM orders o
    WHERE o.user_id = $1 AND o.status = $2
  `;
  return pool.query(sql, [userId, status]);
}

async function sortBy(column) {
  return pool.query(`SELECT id, name FROM products ORDER BY ${column}`); // expect: dynamic
}

async function byTable(table, id) {
  return pool.query('SELECT * FROM ' + table + ' WHERE id = $1', [id]); // expect: dynamic
}

async function rawKnex(email) {
  return knex.raw('UPDATE users SET last_login = now() WHERE email = ?', [email]); // expect: static
}

function ui() {
  alert('Select a file first');
  const label = 'Update your profile';
  const msg = "Delete this item?";
  console.log('insert into cache failed', { reason: 'timeout' });
  const re = /select|insert/i;
  return [label, msg, re];
}

module.exports = { getUser, listOrders, sortBy, byTable, rawKnex, ui };
