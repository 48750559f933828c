// Source: matrix-org/dendrite, roomserver/storage/sqlite3/event_state_keys_table.go
// (read_file id 22271191184, commit 0360f07110de5a232c99094daa5c9033abf5f148), Apache-2.0.
// Whole file as found; only this header and label comments added: three blank lines before a
// `const x = ` + raw-string opener were replaced by a comment line holding only its expect-next
// label, and the label was appended to three comment lines; one in-literal SQL comment label.
// Classes: Matrix homeserver roomserver storage (SQLite), database/sql prepared statements; raw
// string constants opening at the end of a `const` line (expect-next); a two-statement schema
// literal (CREATE TABLE + INSERT ... ON CONFLICT DO NOTHING, in-literal label); `$1` binds on SQLite;
// `last_insert_rowid()`; `strings.Replace(bulkSelect..., "($1)", queryVariadic(n), 1)` expanding the
// IN list at run time (the "($1)" search pattern is a decoy, see README decision 2); fmt.Println
// decoys naming statements; a commented-out block.
// Copyright 2017-2018 New Vector Ltd
// Copyright 2019-2020 The Matrix.org Foundation C.I.C.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

package sqlite3

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/matrix-org/dendrite/common"
	"github.com/matrix-org/dendrite/roomserver/types"
)
// expect-next: static
const eventStateKeysSchema = `
	CREATE TABLE IF NOT EXISTS roomserver_event_state_keys (
    event_state_key_nid INTEGER PRIMARY KEY AUTOINCREMENT,
    event_state_key TEXT NOT NULL UNIQUE
	);
	INSERT INTO roomserver_event_state_keys (event_state_key_nid, event_state_key) -- expect: static
		VALUES (1, '')
		ON CONFLICT DO NOTHING;
`

// Same as insertEventTypeNIDSQL // expect-next: static
const insertEventStateKeyNIDSQL = `
	INSERT INTO roomserver_event_state_keys (event_state_key) VALUES ($1)
	  ON CONFLICT DO NOTHING;
`
// expect-next: static
const insertEventStateKeyNIDResultSQL = `
	SELECT event_state_key_nid FROM roomserver_event_state_keys
		WHERE rowid = last_insert_rowid();
`
// expect-next: static
const selectEventStateKeyNIDSQL = `
	SELECT event_state_key_nid FROM roomserver_event_state_keys
	  WHERE event_state_key = $1
`

// Bulk lookup from string state key to numeric ID for that state key.
// Takes an array of strings as the query parameter. // expect-next: static
const bulkSelectEventStateKeyNIDSQL = `
	SELECT event_state_key, event_state_key_nid FROM roomserver_event_state_keys
	  WHERE event_state_key IN ($1)
`

// Bulk lookup from numeric ID to string state key for that state key.
// Takes an array of strings as the query parameter. // expect-next: static
const bulkSelectEventStateKeySQL = `
	SELECT event_state_key, event_state_key_nid FROM roomserver_event_state_keys
	  WHERE event_state_key_nid IN ($1)
`

type eventStateKeyStatements struct {
	db                               *sql.DB
	insertEventStateKeyNIDStmt       *sql.Stmt
	insertEventStateKeyNIDResultStmt *sql.Stmt
	selectEventStateKeyNIDStmt       *sql.Stmt
	bulkSelectEventStateKeyNIDStmt   *sql.Stmt
	bulkSelectEventStateKeyStmt      *sql.Stmt
}

func (s *eventStateKeyStatements) prepare(db *sql.DB) (err error) {
	s.db = db
	_, err = db.Exec(eventStateKeysSchema)
	if err != nil {
		return
	}
	return statementList{
		{&s.insertEventStateKeyNIDStmt, insertEventStateKeyNIDSQL},
		{&s.insertEventStateKeyNIDResultStmt, insertEventStateKeyNIDResultSQL},
		{&s.selectEventStateKeyNIDStmt, selectEventStateKeyNIDSQL},
		{&s.bulkSelectEventStateKeyNIDStmt, bulkSelectEventStateKeyNIDSQL},
		{&s.bulkSelectEventStateKeyStmt, bulkSelectEventStateKeySQL},
	}.prepare(db)
}

func (s *eventStateKeyStatements) insertEventStateKeyNID(
	ctx context.Context, txn *sql.Tx, eventStateKey string,
) (types.EventStateKeyNID, error) {
	var eventStateKeyNID int64
	var err error
	insertStmt := common.TxStmt(txn, s.insertEventStateKeyNIDStmt)
	selectStmt := common.TxStmt(txn, s.insertEventStateKeyNIDResultStmt)
	if _, err = insertStmt.ExecContext(ctx, eventStateKey); err == nil {
		err = selectStmt.QueryRowContext(ctx).Scan(&eventStateKeyNID)
		if err != nil {
			fmt.Println("insertEventStateKeyNID selectStmt.QueryRowContext:", err)
		}
	} else {
		fmt.Println("insertEventStateKeyNID insertStmt.ExecContext:", err)
	}
	return types.EventStateKeyNID(eventStateKeyNID), err
}

func (s *eventStateKeyStatements) selectEventStateKeyNID(
	ctx context.Context, txn *sql.Tx, eventStateKey string,
) (types.EventStateKeyNID, error) {
	var eventStateKeyNID int64
	stmt := common.TxStmt(txn, s.selectEventStateKeyNIDStmt)
	fmt.Println("selectEventStateKeyNID for", eventStateKey)
	err := stmt.QueryRowContext(ctx, eventStateKey).Scan(&eventStateKeyNID)
	if err != nil {
		fmt.Println("selectEventStateKeyNID stmt.QueryRowContext:", err)
	}
	fmt.Println("selectEventStateKeyNID returns", eventStateKeyNID)
	return types.EventStateKeyNID(eventStateKeyNID), err
}

func (s *eventStateKeyStatements) bulkSelectEventStateKeyNID(
	ctx context.Context, txn *sql.Tx, eventStateKeys []string,
) (map[string]types.EventStateKeyNID, error) {
	///////////////
	iEventStateKeys := make([]interface{}, len(eventStateKeys))
	for k, v := range eventStateKeys {
		iEventStateKeys[k] = v
	}
	selectOrig := strings.Replace(bulkSelectEventStateKeyNIDSQL, "($1)", queryVariadic(len(eventStateKeys)), 1)
	selectPrep, err := s.db.Prepare(selectOrig)
	if err != nil {
		return nil, err
	}
	///////////////

	rows, err := common.TxStmt(txn, selectPrep).QueryContext(
		ctx, iEventStateKeys...,
	)
	if err != nil {
		fmt.Println("bulkSelectEventStateKeyNID s.bulkSelectEventStateKeyNIDStmt.QueryContext:", err)
		return nil, err
	}
	defer rows.Close() // nolint: errcheck
	result := make(map[string]types.EventStateKeyNID, len(eventStateKeys))
	for rows.Next() {
		var stateKey string
		var stateKeyNID int64
		if err := rows.Scan(&stateKey, &stateKeyNID); err != nil {
			fmt.Println("bulkSelectEventStateKeyNID rows.Scan:", err)
			return nil, err
		}
		result[stateKey] = types.EventStateKeyNID(stateKeyNID)
	}
	return result, nil
}

func (s *eventStateKeyStatements) bulkSelectEventStateKey(
	ctx context.Context, txn *sql.Tx, eventStateKeyNIDs []types.EventStateKeyNID,
) (map[types.EventStateKeyNID]string, error) {
	///////////////
	iEventStateKeyNIDs := make([]interface{}, len(eventStateKeyNIDs))
	for k, v := range eventStateKeyNIDs {
		iEventStateKeyNIDs[k] = v
	}
	selectOrig := strings.Replace(bulkSelectEventStateKeyNIDSQL, "($1)", queryVariadic(len(eventStateKeyNIDs)), 1)
	selectPrep, err := s.db.Prepare(selectOrig)
	if err != nil {
		return nil, err
	}
	///////////////

	/*nIDs := make(pq.Int64Array, len(eventStateKeyNIDs))
	for i := range eventStateKeyNIDs {
		nIDs[i] = int64(eventStateKeyNIDs[i])
	}*/
	rows, err := common.TxStmt(txn, selectPrep).QueryContext(ctx, iEventStateKeyNIDs...)
	if err != nil {
		fmt.Println("bulkSelectEventStateKey s.bulkSelectEventStateKeyStmt.QueryContext:", err)
		return nil, err
	}
	defer rows.Close() // nolint: errcheck
	result := make(map[types.EventStateKeyNID]string, len(eventStateKeyNIDs))
	for rows.Next() {
		var stateKey string
		var stateKeyNID int64
		if err := rows.Scan(&stateKey, &stateKeyNID); err != nil {
			fmt.Println("bulkSelectEventStateKey rows.Scan:", err)
			return nil, err
		}
		result[types.EventStateKeyNID(stateKeyNID)] = stateKey
	}
	return result, nil
}
