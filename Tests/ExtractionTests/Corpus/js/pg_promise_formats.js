// Sources (pg-promise code bases; the index gave no repository names):
//   part 1: forms/answers db module, read_file index id 4632785984 (whole file)
//   part 2: "unit" model of a SOP app, read_file index id 15198549239 (whole file)
//   part 3: bookstore queries module, read_file index id 19152195303 (excerpt)
//   part 4: soldiers archive Express app, read_file index id 67478981988 (excerpt of a 63k file)
// Classes: pg-promise `db.any/one/none/map(text, values)`; formats `$1`, `${name}` / `$[name]`-style
//   named variables inside plain '…' strings (pg-promise formats them: placeholders, static),
//   the `$1:csv` filter (the library expands a value array into a bound-value list: static) and the
//   `$1:raw` / `${genre_list:raw}` filters (raw text composed in code and spliced unescaped: dynamic,
//   README-A decision 2); literal-only `+` concatenation (static); backslash-continued '…' strings
//   (expect-next on the line before, a comment after `\` would be inside the string); two statements on
//   one line in a ternary (one label, convention 4); `pgp.helpers.insert(rows, columnSet)` /
//   `pgp.helpers.insert(row, null, 'table')` (no SQL literal: unlabelled); `pgp.helpers.update(…) +
//   \` WHERE id = ${x}\`` (dynamic, labelled on its line, README-A decision 3); JS template literals with
//   `${SOLDIER_TABLE}` (JS interpolation, not pg-promise: dynamic) next to `$1:csv`;
//   decoys: `userify` query-string template `?id=${id}&…`, Excel header
//   'DOWNLOAD_DATE', worksheet names, 'No records selected', comments ("Delete old battles").
// Adaptations: four files concatenated; `require` lines of parts 2-4 kept only once (part 3's
//   `var pgp = require('pg-promise')({})` and connection string dropped: part 1 defines pgp/db);
//   part 2's `db` require and `module.exports` lines dropped; part 3's exports object dropped; part 4
//   wrapped in two functions (`saveBattles`, `downloadExcel`) instead of its Express handlers, with the
//   surrounding `db.tx(async t => …)` reduced to the parameter `t` (SOLDIER_TABLE is a module constant
//   defined outside the excerpt); in part 4 the en/ru fields of `battleData`, the `hasContent` check,
//   date formatting and the ExcelJS worksheet code were dropped, and the
//   `res.setHeader`/`res.end` tail shortened. SQL unchanged.

// ---- part 1 (id 4632785984) ----
const pgp = require('pg-promise')(/* options */);
const db  = pgp(process.env.DB_URI);
const ERRORTYPE = require('../policy/errorType');

module.exports = {
  getForms: getForms,
  getForm: getForm,
  addForm: addForm,

  getAnswers: getAnswers,
  saveAnswers: saveAnswers,

  generateSession: generateSession,
};

function errorHandler(e) {
  console.error(e)
}

function doQuery(queryPromise) {
  return queryPromise.catch(errorHandler);
}

function getForms() {
  let query = db.any('SELECT * FROM form'); // expect: static
  return doQuery(query);
}

function saveAnswers(answerId, answersObj) {
  let query = db.none('UPDATE answer SET answers = $2 WHERE id = $1', [answerId, answersObj]); // expect: static
  return doQuery(query);
}

function getAnswers(answerId) {
  let query = db.one('SELECT answers FROM answer WHERE id = ${id}', {id: answerId}); // expect: static
  return doQuery(query);
}

function getForm(id) {
  let query = db.one('SELECT * FROM form WHERE id = ${id}', {id: id}); // expect: static
  return doQuery(query);
}

function addForm(client, form) {
  let query = db.one('INSERT INTO form(config) VALUES($1) RETURNING id', [form]); // expect: static
  return doQuery(query);
}

// TODO: This should not expose the db id, but this will work for now.
function generateSession(formId) {
  let queryString = 'WITH rows AS (INSERT INTO session (form_id) VALUES($1) RETURNING id) ' // expect: static
    + 'INSERT INTO answer (session_id) SELECT id FROM rows RETURNING id, session_id';

  let query = db.one(queryString, [formId]);
  return doQuery(query);
}

// ---- part 2 (id 15198549239) ----
let unit = {
    insert (unit) {
        return db.any('INSERT INTO public.unit(unit_name)\n' + // expect: static
            'VALUES (${unit_name}) returning unit_id;',unit).then(function (data) {
            if (data.length === 0) {
                return false
            } else {
                return data[0]
            }
        }).catch(function (err) {
            throw ERRORTYPE.customError('The server has encountred an internal error\n ' + err.toString())
        })
    },

    selectAllBySopId (sop_id) {
        return db.any('SELECT U.unit_id, U.unit_name\n' + // expect: static
            'FROM public.unit U, public.sop_needs_unit SNU\n' +
            'WHERE U.unit_id = SNU.unit_id AND SNU.sop_id = $1', sop_id)
            .then(function (data) {
                if (data.length === 0) {
                    throw ERRORTYPE.NOT_FOUND
                } else {
                    return data
                }
            }).catch(function (err) {
                if (err.type) { // means that it comes from a then
                    throw err;
                } else {
                    throw ERRORTYPE.customError('The server has encountred an internal error\n ' + err.toString());
                }
            })
    }
};

// ---- part 3 (id 19152195303) ----
const userify = ({id, password, admin}) => (id && password) ? `?id=${id}&password=${password}&admin=${admin}` : '';

// Query functions

const getAllVendors = () => db.any('SELECT * FROM Vendor'); // expect: static

// expect-next: static
const getCart = (customer_id) => db.any('SELECT book_id, title.name, price, book.vendor_id, vendor.name AS vendor \
  FROM book, vendor, title, customer \
  WHERE book.customer_id = customer.customer_id AND customer.customer_id = $1 AND book.isbn = title.isbn AND book.vendor_id = vendor.vendor_id;', customer_id)

// expect-next: static
const getNumItems = (customer_id) => db.one('SELECT COUNT(price) \
  FROM book, vendor, title, customer \
  WHERE book.customer_id = customer.customer_id AND customer.customer_id = $1 AND book.isbn = title.isbn AND book.vendor_id = vendor.vendor_id;', customer_id);

const getVendor = (vendor_id) => db.one('SELECT * FROM vendor WHERE vendor_id = $1', vendor_id); // expect: static

const checkValidCustomer = (customer_id, password) => db.one('SELECT * FROM customer WHERE customer_id = $1 AND password = $2', [customer_id, password]); // expect: static

const checkValidTitle = ({genre_list, author_list}) => {
  g = db.one('SELECT COUNT(type) FROM genre WHERE type in (${genre_list:raw}) HAVING COUNT(type) = ${length};', {genre_list: genre_list.split(',').map(s => `'${s}'`).join(', '), length: genre_list.replace(/[^,]/g, "").length+1}); // expect: dynamic
  if (author_list)
    a = db.one('SELECT COUNT(author_id) FROM author WHERE author_id in ($1:raw) HAVING COUNT(author_id) = $2;', [author_list, author_list.replace(/[^,]/g, "").length+1]); // expect: dynamic
  else
    a = Promise.resolve();
  return Promise.all([g,a]);
}

const checkValidBook = ({isbn, vendor_id}) => {
  const i = db.one('SELECT isbn FROM title WHERE isbn = $1;', isbn); // expect: static
  const v = db.one('SELECT vendor_id FROM vendor WHERE vendor_id = $1;', vendor_id); // expect: static
  return Promise.all([i,v]);
}

const getUserFromId = (id, admin) => admin ? db.one('SELECT username FROM admin WHERE admin_id = $1;', id) : db.one('SELECT username FROM customer WHERE customer_id = $1;', id) // expect: static

// Modifiers

const addToCart = (book_id, customer_id) => { // expect-next: static
  return db.any('UPDATE book \
    SET customer_id = customer.customer_id \
    FROM customer \
    WHERE book.book_id = $1 AND customer.customer_id = $2;', [book_id, customer_id]);
  }

const addTitle = (({isbn, name, published_date, rating, genre_list, author_list}) => { // expect-next: static
  const t = db.none('INSERT INTO title (isbn, name, published_date, rating) \
  VALUES ($1, $2, $3, $4);', [isbn, name, published_date, rating]);

  let genre_values = [];
  for (const type of genre_list.split(',')) {
    genre_values.push({isbn, type});
  }

  let author_values = [];
  if (author_list) {
    for (const author_id of author_list.split(',').map(Number)) {
      author_values.push({isbn, author_id});
    }
  }

  const gcs = new pgp.helpers.ColumnSet(['isbn', 'type'], {table: 'categorized_by'});
  const acs = new pgp.helpers.ColumnSet(['isbn', 'author_id'], {table: 'written_by'});

  const g = db.none(pgp.helpers.insert(genre_values, gcs));
  if (author_values != false)
    a = db.none(pgp.helpers.insert(author_values, acs));
  else
    a = Promise.resolve();

  return Promise.all([t,g,a]);
})

const removeTitle = ((isbn) => db.any('DELETE FROM title WHERE isbn = $1;', isbn)); // expect: static

// ---- part 4 (id 67478981988) ----
async function saveBattles(t, id, req, submittedBattles, battleIds) {
            const existingBattleIds = await t.map(`SELECT id FROM soldier_battle_history WHERE soldier_id = $1`, [id], r => r.id); // expect: static
            const battlesToKeep = new Set();

            for (let idx = 0; idx < submittedBattles.length; idx++) {
                const battleData = {
                    soldier_id: id,
                    battleyear: cleanData(submittedBattles[idx]),
                    front: cleanData(req.body.front[idx]),
                    battle: cleanData(req.body.battle[idx]),
                    medal: cleanData(req.body.battle_medal[idx]),
                    details: cleanData(req.body.battle_details[idx]),
                    degreerank: cleanData(req.body.degreerank[idx]),
                    job: cleanData(req.body.job[idx])
                };

                const currentBattleId = battleIds[idx];
                if (currentBattleId && currentBattleId !== 'null') {
                    const updateBattleSQL = pgp.helpers.update(battleData, null, 'soldier_battle_history') + ` WHERE id = ${currentBattleId}`; // expect: dynamic
                    await t.none(updateBattleSQL);
                    battlesToKeep.add(parseInt(currentBattleId, 10));
                } else {
                    const insertBattleSQL = pgp.helpers.insert(battleData, null, 'soldier_battle_history');
                    await t.none(insertBattleSQL);
                }
            }

            // Delete old battles
            const battlesToDelete = existingBattleIds.filter(bid => !battlesToKeep.has(bid));
            if (battlesToDelete.length > 0) {
                await t.none(`DELETE FROM soldier_battle_history WHERE id IN ($1:csv)`, [battlesToDelete]); // expect: static
            }

            // Files
            if (req.files && req.files.length > 0) {
                const fileInserts = req.files.map(file =>
                    t.none(`INSERT INTO uploaded_files (soldier_id, original_name, file_path) VALUES ($1, $2, $3)`, [id, file.originalname, file.path]) // expect: static
                );
                await t.batch(fileInserts);
            }
}

async function downloadExcel(req, res) {
    let ids = req.body.selectedIds;
    const BATTLE_HISTORY_TABLE = 'soldier_battle_history';
    const UPLOADED_FILES_TABLE = 'uploaded_files';

    if (!ids) return res.status(400).send('No records selected');
    if (!Array.isArray(ids)) ids = [ids];

    try {
        const now = new Date();

        // Soldiers
        const selectedSoldiers = await db.any(`SELECT * FROM ${SOLDIER_TABLE} WHERE id IN ($1:csv)`, [ids]); // expect: dynamic
        const dateFields = ['dob','dod','aliyadate','idf_enlistdate','idf_releasedate','record_complete_date','admin_approved_date','downloaded_date'];

        // Battle & files
        const battleHistory = await db.any(`SELECT * FROM ${BATTLE_HISTORY_TABLE} WHERE soldier_id IN ($1:csv)`, [ids]); // expect: dynamic
        const uploadedFiles = await db.any(`SELECT * FROM ${UPLOADED_FILES_TABLE} WHERE soldier_id IN ($1:csv)`, [ids]); // expect: dynamic

        const mainColumns = [
            { header: 'DOWNLOAD_DATE', key: 'download_date' },
            ...Object.keys(selectedSoldiers[0] || {}).map(k => ({ header: k.toUpperCase(), key: k }))
        ];

        // Update downloaded_date
        await db.none(`UPDATE ${SOLDIER_TABLE} SET downloaded_date = $1 WHERE id IN ($2:csv)`, [now, ids]); // expect: dynamic

        res.setHeader('Content-Disposition', 'attachment; filename="completed_records_data.xlsx"');
        res.end();
    } catch (err) {
        console.error('Excel export error:', err);
        res.status(500).send('Error exporting Excel');
    }
}
