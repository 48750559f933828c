// Source: two Express/Node controllers found with find_string 'let queryString = "SELECT' (index
// ids 22233172539 [meals controller on node-postgres] and 41801399409 [dormitory "room" admin
// controller on a MySQL query wrapper]); repository names not returned. 22233172539 complete;
// 41801399409 excerpt (6 of 12 handlers, unchanged). Concatenated.
// Classes: string building — a statement started in `let queryString = "…"` and extended later
//          with +=, template pieces `${filter}=$${i + 1}` and "\tAND " (dynamic, labelled once
//          on its first piece; the += lines carry no label), multi-line "…" + req.body.x + "…"
//          concatenation (label on the first line), a statement assigned on the line after
//          `const queryString =` (label on the literal's line), wrappers (query(queryString)
//          from ../config/mysql_query_async, pool.query(queryString, values, cb)), a static
//          statement in a variable, a statement with a leading space, MySQL `pj-thea`
//          backticks (hard), placeholders $1..$4 (with a bug: five columns, four values),
//          decoys (comment blocks "@DESC: - Create a new meal", "Must pass at least pass a
//          body", success(res, "ok"), console.log(values)).

// ---------------------------------------------------------------- id 22233172539 (complete)
/*
@TYPE:
  PUBLIC
@DESC:
  - Create a new meal
@RETURN:
  - JSON order Object
*/
const mealsAdd = async (req, res, pool) => {
  const { name, price, comments, available, sid } = req.body;
  const queryString =
    "INSERT INTO Meal(name,price,comments,available,sid) VALUES($1,$2,$3,$4)"; // expect: static

  await pool.query(
    queryString,
    [name, price, comments, available, sid],
    (err) => {
      if (err) {
        res.json(err);
      } else {
        res.json(req.body);
      }
    },
  );
};
/*
@TYPE:
  PUBLIC
@DESC:
  - Fetch all meals that fit the filter, if none
  specified returns all order objects
@RETURN:
  - Array of meal objects
*/

const mealsGet = async (req, res, pool) => {
  const { query } = req;

  let queryString = "SELECT * FROM Meal"; // expect: dynamic
  const selectors = Object.keys(query);

  if (selectors.length > 0) queryString += "\tWHERE\t ";

  selectors.forEach((filter, i) => {
    queryString += `${filter}=$${i + 1}`;
    if (i < selectors.length - 1) queryString += "\tAND ";
  });

  await pool.query(queryString, Object.values(query), (err, r) => {
    if (err) {
      res.json(err);
    } else {
      res.json(r.rows);
    }
  });
};

/*
@TYPE:
  PUBLIC
@DESC:
  - Remove meal by id
@RETURN:
  - id of the removed order
*/

const mealsRemove = async (req, res, pool) => {
  const { id } = req.params;
  let queryString = "DELETE FROM Meal"; // expect: dynamic

  const selectors = Object.keys(req.body);
  let values = Object.values(req.body);

  if (selectors.length > 0 || id) queryString += "\tWHERE ";
  selectors.forEach((filter, i) => {
    console.log(i, selectors.length);
    queryString += `${filter}=$${i + 1}`;
    if (i < selectors.length - 1) queryString += "\tAND\t";
  });

  if (id) {
    queryString += `\tmid = $${selectors.length + 1}`;
    values.push(id);
  }

  await pool.query(queryString, values, (err) => {
    if (err) {
      res.json(err);
    } else {
      res.status(200).end();
    }
  });
};

/*
@TYPE:
  PUBLIC
@DESC:
  - update all meals rows that fit the filter and by id
@RETURN:
  - id of the updated meal
*/

const mealsUpdate = async (req, res, pool) => {
  const { id } = req.params;

  let queryString = "UPDATE Meal SET"; // expect: dynamic
  const selectors = Object.keys(req.body);
  let values = Object.values(req.body);

  if (selectors.length === 0 && !id)
    res.json("Must pass at least pass a body");

  selectors.forEach((filter, i) => {
    queryString += `\t${filter}=$${i + 1}`;
    if (i < selectors.length - 1) queryString += ",";
  });

  if (id) {
    queryString += `,\tWHERE mid = $${selectors.length + 1}`;
    values.push(id);
  }
  console.log(values);
  await pool.query(queryString, values, (err) => {
    if (err) {
      res.json(err);
    } else {
      res.status(200).end();
    }
  });
};

module.exports = {
  mealsAdd,
  mealsGet,
  mealsRemove,
  mealsUpdate,
};

// ---------------------------------------------------------------- id 41801399409 (excerpt)
const {
    success,
    errors
} = require('../response/response')
const query = require('../config/mysql_query_async')
const {
    convert
} = require('../helper/convert_object')

exports.adminUpdateRoom = async function (req, res) {
    try {
        var queryString = "UPDATE room SET name_room='" + req.body.name_room + // expect: dynamic
            "',building='" + req.body.building +
            "',room_size='" + req.body.room_size +
            "',room_price='" + req.body.room_price +
            "',room_status='" + req.body.room_status +
            "',room_gender='" + req.body.room_gender +
            "',max_student='" + req.body.max_student +
            "',current_student='" + req.body.current_student +
            "' WHERE id_room=" + req.params.id_room + ";"
        const result = await query(queryString)
        const data = await convert(result)
        return success(res, data)
    } catch (error) {
        return errors(res, error)
    }
}

exports.adminDeleteRoom = async (req, res) => {
    try {

        let queryString = "SELECT id_status FROM status_student JOIN room ON room.id_room = status_student.room WHERE id_room ="+req.params.id_room+"" // expect: dynamic
        const result = await query(queryString)
        const data = await convert(result)

        data.forEach(async e => {
            let queryString2 = "DELETE FROM status_student WHERE id_status=" + e.id_status + ";" // expect: dynamic
            await query(queryString2)
        })
        let queryString3 = "DELETE FROM room WHERE id_room = " + req.params.id_room + ";" // expect: dynamic
        await query(queryString3)
        return success(res, "ok")
    } catch (error) {
        return errors(res, error)
    }
}

exports.adminListAllRoom = async (req, res) => {
    try {
        let queryString = "SELECT * FROM room WHERE room_status = 1" // expect: static
        const result = await query(queryString)
        const data = await convert(result)
        return success(res, data)
    } catch (error) {
        return errors(res, error)
    }
}

exports.adminCreateRoom = async function (req, res) {
    try {
        var queryString = "INSERT INTO room (building,name_room,room_size,room_price,room_gender,max_student,current_student,room_status) VALUES ('" + req.body.building + // expect: dynamic
            "','" + req.body.name_room +
            "'," + req.body.room_size +
            "," + req.body.room_price +
            ",'" + req.body.room_gender +
            "'," + req.body.max_student +
            ",0," + req.body.room_status + ");"
        const result = await query(queryString)
        const data = await convert(result)
        return success(res, data)
    } catch (error) {
        return errors(res, error)
    }
}

exports.adminCheckRoomFree = async function (req, res) {
    try {
        var queryString = "SELECT * FROM room WHERE (max_student - current_student) > 0 ORDER BY (max_student - current_student)" // expect: static
        const result = await query(queryString)
        const data = await convert(result)
        return success(res, data)
    } catch (error) {
        return errors(res, error)
    }
}

exports.adminSearchRoom = async (req, res) =>{
    try {
        let queryString = " SELECT * FROM `pj-thea`.room WHERE building LIKE '%"+req.params.text+"%' OR name_room LIKE  '%"+req.params.text+"%'" // expect: dynamic
        const result = await query(queryString)
        const data = await convert(result)
        return success(res, data)
    } catch (error) {
        return errors(res, error)
    }
}
