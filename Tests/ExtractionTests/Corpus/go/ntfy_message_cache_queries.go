// Source: binwiederhier/ntfy, server/message_cache.go (read_file id 2571151754,
// commit 000bf27c877953e897012fe0aabccdebd81f06d6). Cut: one contiguous part, original lines
// 1-230 (package clause through the `var ( migrations = ... )` block); the rest of the file
// (newSqliteCache, addMessages, the query methods and the migrateFromN functions that run these
// constants through database/sql Exec/Query/Prepare) is left out.
// Unchanged except for this header, the label comments appended at line ends (Go comments after
// code, SQL comments inside raw strings) and one inserted comment line holding only an
// expect-next label (before selectMessagesSinceTimeQuery, whose previous line carries a label).
// Classes: SQLite (mattn/go-sqlite3) statements in Go const blocks: raw strings opening at line
// end (expect-next on `const (`, on the closing backtick line of the previous literal, on
// "// N -> M" comment lines), one-line raw strings, ? binds; multi-statement scripts wrapped in
// BEGIN; ... COMMIT; (CREATE TABLE ... AUTOINCREMENT, CREATE INDEX IF NOT EXISTS, INSERT ...
// SELECT, DROP TABLE, ALTER TABLE ... RENAME TO / RENAME COLUMN, ADD COLUMN ... DEFAULT('')),
// IFNULL(SUM(...), 0), GROUP BY; a trailing // comment after a one-line constant.
// Decoys: errors.New("unexpected message type"), the schema version number, the migrations map.
package server

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3" // SQLite driver
	"heckel.io/ntfy/log"
	"heckel.io/ntfy/util"
)

var (
	errUnexpectedMessageType = errors.New("unexpected message type")
)

// Messages cache
const ( // expect-next: static
	createMessagesTableQuery = `
		BEGIN;
		CREATE TABLE IF NOT EXISTS messages ( -- expect: static
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			mid TEXT NOT NULL,
			time INT NOT NULL,
			expires INT NOT NULL,
			topic TEXT NOT NULL,
			message TEXT NOT NULL,
			title TEXT NOT NULL,
			priority INT NOT NULL,
			tags TEXT NOT NULL,
			click TEXT NOT NULL,
			icon TEXT NOT NULL,			
			actions TEXT NOT NULL,
			attachment_name TEXT NOT NULL,
			attachment_type TEXT NOT NULL,
			attachment_size INT NOT NULL,
			attachment_expires INT NOT NULL,
			attachment_url TEXT NOT NULL,
			attachment_deleted INT NOT NULL,
			sender TEXT NOT NULL,
			user TEXT NOT NULL,
			encoding TEXT NOT NULL,
			published INT NOT NULL
		);
		CREATE INDEX IF NOT EXISTS idx_mid ON messages (mid); -- expect: static
		CREATE INDEX IF NOT EXISTS idx_time ON messages (time); -- expect: static
		CREATE INDEX IF NOT EXISTS idx_topic ON messages (topic); -- expect: static
		CREATE INDEX IF NOT EXISTS idx_expires ON messages (expires); -- expect: static
		CREATE INDEX IF NOT EXISTS idx_attachment_expires ON messages (attachment_expires); -- expect: static
		COMMIT; -- expect: static
	` // expect-next: static
	insertMessageQuery = `
		INSERT INTO messages (mid, time, expires, topic, message, title, priority, tags, click, icon, actions, attachment_name, attachment_type, attachment_size, attachment_expires, attachment_url, attachment_deleted, sender, user, encoding, published)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	`
	deleteMessageQuery                = `DELETE FROM messages WHERE mid = ?` // expect: static
	updateMessagesForTopicExpiryQuery = `UPDATE messages SET expires = ? WHERE topic = ?` // expect: static
	selectRowIDFromMessageID          = `SELECT id FROM messages WHERE mid = ?` // Do not include topic, see #336 and TestServer_PollSinceID_MultipleTopics // expect: static
	// expect-next: static
	selectMessagesSinceTimeQuery      = `
		SELECT mid, time, expires, topic, message, title, priority, tags, click, icon, actions, attachment_name, attachment_type, attachment_size, attachment_expires, attachment_url, sender, user, encoding
		FROM messages 
		WHERE topic = ? AND time >= ? AND published = 1
		ORDER BY time, id
	` // expect-next: static
	selectMessagesSinceTimeIncludeScheduledQuery = `
		SELECT mid, time, expires, topic, message, title, priority, tags, click, icon, actions, attachment_name, attachment_type, attachment_size, attachment_expires, attachment_url, sender, user, encoding
		FROM messages 
		WHERE topic = ? AND time >= ?
		ORDER BY time, id
	` // expect-next: static
	selectMessagesSinceIDQuery = `
		SELECT mid, time, expires, topic, message, title, priority, tags, click, icon, actions, attachment_name, attachment_type, attachment_size, attachment_expires, attachment_url, sender, user, encoding
		FROM messages 
		WHERE topic = ? AND id > ? AND published = 1 
		ORDER BY time, id
	` // expect-next: static
	selectMessagesSinceIDIncludeScheduledQuery = `
		SELECT mid, time, expires, topic, message, title, priority, tags, click, icon, actions, attachment_name, attachment_type, attachment_size, attachment_expires, attachment_url, sender, user, encoding
		FROM messages 
		WHERE topic = ? AND (id > ? OR published = 0)
		ORDER BY time, id
	` // expect-next: static
	selectMessagesDueQuery = `
		SELECT mid, time, expires, topic, message, title, priority, tags, click, icon, actions, attachment_name, attachment_type, attachment_size, attachment_expires, attachment_url, sender, user, encoding
		FROM messages 
		WHERE time <= ? AND published = 0
		ORDER BY time, id
	`
	selectMessagesExpiredQuery      = `SELECT mid FROM messages WHERE expires <= ? AND published = 1` // expect: static
	updateMessagePublishedQuery     = `UPDATE messages SET published = 1 WHERE mid = ?` // expect: static
	selectMessagesCountQuery        = `SELECT COUNT(*) FROM messages` // expect: static
	selectMessageCountPerTopicQuery = `SELECT topic, COUNT(*) FROM messages GROUP BY topic` // expect: static
	selectTopicsQuery               = `SELECT topic FROM messages GROUP BY topic` // expect: static

	updateAttachmentDeleted            = `UPDATE messages SET attachment_deleted = 1 WHERE mid = ?` // expect: static
	selectAttachmentsExpiredQuery      = `SELECT mid FROM messages WHERE attachment_expires > 0 AND attachment_expires <= ? AND attachment_deleted = 0` // expect: static
	selectAttachmentsSizeBySenderQuery = `SELECT IFNULL(SUM(attachment_size), 0) FROM messages WHERE user = '' AND sender = ? AND attachment_expires >= ?` // expect: static
	selectAttachmentsSizeByUserIDQuery = `SELECT IFNULL(SUM(attachment_size), 0) FROM messages WHERE user = ? AND attachment_expires >= ?` // expect: static
)

// Schema management queries
const (
	currentSchemaVersion          = 10 // expect-next: static
	createSchemaVersionTableQuery = `
		CREATE TABLE IF NOT EXISTS schemaVersion (
			id INT PRIMARY KEY,
			version INT NOT NULL
		);
	`
	insertSchemaVersion      = `INSERT INTO schemaVersion VALUES (1, ?)` // expect: static
	updateSchemaVersion      = `UPDATE schemaVersion SET version = ? WHERE id = 1` // expect: static
	selectSchemaVersionQuery = `SELECT version FROM schemaVersion WHERE id = 1` // expect: static

	// 0 -> 1 // expect-next: static
	migrate0To1AlterMessagesTableQuery = `
		BEGIN;
		ALTER TABLE messages ADD COLUMN title TEXT NOT NULL DEFAULT(''); -- expect: static
		ALTER TABLE messages ADD COLUMN priority INT NOT NULL DEFAULT(0); -- expect: static
		ALTER TABLE messages ADD COLUMN tags TEXT NOT NULL DEFAULT(''); -- expect: static
		COMMIT; -- expect: static
	`

	// 1 -> 2 // expect-next: static
	migrate1To2AlterMessagesTableQuery = `
		ALTER TABLE messages ADD COLUMN published INT NOT NULL DEFAULT(1);
	`

	// 2 -> 3 // expect-next: static
	migrate2To3AlterMessagesTableQuery = `
		BEGIN;
		ALTER TABLE messages ADD COLUMN click TEXT NOT NULL DEFAULT(''); -- expect: static
		ALTER TABLE messages ADD COLUMN attachment_name TEXT NOT NULL DEFAULT(''); -- expect: static
		ALTER TABLE messages ADD COLUMN attachment_type TEXT NOT NULL DEFAULT(''); -- expect: static
		ALTER TABLE messages ADD COLUMN attachment_size INT NOT NULL DEFAULT('0'); -- expect: static
		ALTER TABLE messages ADD COLUMN attachment_expires INT NOT NULL DEFAULT('0'); -- expect: static
		ALTER TABLE messages ADD COLUMN attachment_owner TEXT NOT NULL DEFAULT(''); -- expect: static
		ALTER TABLE messages ADD COLUMN attachment_url TEXT NOT NULL DEFAULT(''); -- expect: static
		COMMIT; -- expect: static
	`
	// 3 -> 4 // expect-next: static
	migrate3To4AlterMessagesTableQuery = `
		ALTER TABLE messages ADD COLUMN encoding TEXT NOT NULL DEFAULT('');
	`

	// 4 -> 5 // expect-next: static
	migrate4To5AlterMessagesTableQuery = `
		BEGIN;
		CREATE TABLE IF NOT EXISTS messages_new ( -- expect: static
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			mid TEXT NOT NULL,
			time INT NOT NULL,
			topic TEXT NOT NULL,
			message TEXT NOT NULL,
			title TEXT NOT NULL,
			priority INT NOT NULL,
			tags TEXT NOT NULL,
			click TEXT NOT NULL,
			attachment_name TEXT NOT NULL,
			attachment_type TEXT NOT NULL,
			attachment_size INT NOT NULL,
			attachment_expires INT NOT NULL,
			attachment_url TEXT NOT NULL,
			attachment_owner TEXT NOT NULL,
			encoding TEXT NOT NULL,
			published INT NOT NULL
		);
		CREATE INDEX IF NOT EXISTS idx_mid ON messages_new (mid); -- expect: static
		CREATE INDEX IF NOT EXISTS idx_topic ON messages_new (topic); -- expect: static
		INSERT  -- expect: static
			INTO messages_new (
				mid, time, topic, message, title, priority, tags, click, attachment_name, attachment_type, 
				attachment_size, attachment_expires, attachment_url, attachment_owner, encoding, published)
			SELECT
				id, time, topic, message, title, priority, tags, click, attachment_name, attachment_type, 
				attachment_size, attachment_expires, attachment_url, attachment_owner, encoding, published
			FROM messages;
		DROP TABLE messages; -- expect: static
		ALTER TABLE messages_new RENAME TO messages; -- expect: static
		COMMIT; -- expect: static
	`

	// 5 -> 6 // expect-next: static
	migrate5To6AlterMessagesTableQuery = `
		ALTER TABLE messages ADD COLUMN actions TEXT NOT NULL DEFAULT('');
	`

	// 6 -> 7 // expect-next: static
	migrate6To7AlterMessagesTableQuery = `
		ALTER TABLE messages RENAME COLUMN attachment_owner TO sender;
	`

	// 7 -> 8 // expect-next: static
	migrate7To8AlterMessagesTableQuery = `
		ALTER TABLE messages ADD COLUMN icon TEXT NOT NULL DEFAULT('');
	`

	// 8 -> 9 // expect-next: static
	migrate8To9AlterMessagesTableQuery = `
		CREATE INDEX IF NOT EXISTS idx_time ON messages (time);	
	`

	// 9 -> 10 // expect-next: static
	migrate9To10AlterMessagesTableQuery = `
		ALTER TABLE messages ADD COLUMN user TEXT NOT NULL DEFAULT('');
		ALTER TABLE messages ADD COLUMN attachment_deleted INT NOT NULL DEFAULT('0'); -- expect: static
		ALTER TABLE messages ADD COLUMN expires INT NOT NULL DEFAULT('0'); -- expect: static
		CREATE INDEX IF NOT EXISTS idx_expires ON messages (expires); -- expect: static
		CREATE INDEX IF NOT EXISTS idx_attachment_expires ON messages (attachment_expires); -- expect: static
	`
	migrate9To10UpdateMessageExpiryQuery = `UPDATE messages SET expires = time + ?` // expect: static
)

var (
	migrations = map[int]func(db *sql.DB, cacheDuration time.Duration) error{
		0: migrateFrom0,
		1: migrateFrom1,
		2: migrateFrom2,
		3: migrateFrom3,
		4: migrateFrom4,
		5: migrateFrom5,
		6: migrateFrom6,
		7: migrateFrom7,
		8: migrateFrom8,
		9: migrateFrom9,
	}
)
