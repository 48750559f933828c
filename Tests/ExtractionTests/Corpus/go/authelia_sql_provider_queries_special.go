// Source: authelia/authelia, internal/storage/sql_provider_queries_special.go
// (read_file id 14419199023, commit 1a3551fb7b4803cfb49566dfe8fb77e47938616a), Apache-2.0.
// Whole file as found; only this header and label comments added: the blank lines between the
// constants were replaced by comment lines holding only the next constant's expect-next label (the
// line count of the code is unchanged), the label was appended to the second `const (` line, and six
// in-literal SQL comment labels were added to the multi-statement schema literal.
// Classes: Authelia storage provider, migration from the pre-1 schema; Go raw-string templates with
// `%s` table names filled by fmt.Sprintf in other files of the package (dynamic, README decision 3);
// `?` binds rebound for PostgreSQL elsewhere; one-line raw string; MySQL `ALTER TABLE %s RENAME %s;`;
// INSERT ... SELECT; `LIMIT 100 OFFSET ?`; a seven-statement schema literal without holes (static,
// first via expect-next, others with in-literal `-- expect:`); no decoys beyond Go comments.
package storage

const (
	queryFmtDropTableIfExists = `DROP TABLE IF EXISTS %s;` // expect: dynamic
// expect-next: dynamic
	queryFmtRenameTable = `
		ALTER TABLE %s
		RENAME TO %s;`
// expect-next: dynamic
	queryFmtMySQLRenameTable = `
		ALTER TABLE %s
		RENAME %s;`
)

// Pre1 migration constants.
const ( // expect-next: dynamic
	queryFmtPre1To1SelectAuthenticationLogs = `
		SELECT username, successful, time
		FROM %s
		ORDER BY time ASC
		LIMIT 100 OFFSET ?;`
// expect-next: dynamic
	queryFmtPre1To1InsertAuthenticationLogs = `
		INSERT INTO %s (username, successful, time, request_uri)
		VALUES (?, ?, ?, '');`
// expect-next: dynamic
	queryFmtPre1InsertUserPreferencesFromSelect = `
		INSERT INTO %s (username, second_factor_method)
		SELECT username, second_factor_method
		FROM %s
		ORDER BY username ASC;`
// expect-next: dynamic
	queryFmtPre1SelectTOTPConfigurations = `
		SELECT username, secret
		FROM %s
		ORDER BY username ASC;`
// expect-next: dynamic
	queryFmtPre1To1InsertTOTPConfiguration = `
		INSERT INTO %s (username, issuer, period, secret)
		VALUES (?, ?, ?, ?);`
// expect-next: dynamic
	queryFmt1ToPre1InsertTOTPConfiguration = `
		INSERT INTO %s (username, secret)
		VALUES (?, ?);`
// expect-next: dynamic
	queryFmtPre1To1SelectU2FDevices = `
		SELECT username, keyHandle, publicKey
		FROM %s
		ORDER BY username ASC;`
// expect-next: dynamic
	queryFmtPre1To1InsertU2FDevice = `
		INSERT INTO %s (username, key_handle, public_key)
		VALUES (?, ?, ?);`
// expect-next: dynamic
	queryFmt1ToPre1InsertAuthenticationLogs = `
		INSERT INTO %s (username, successful, time)
		VALUES (?, ?, ?);`
// expect-next: dynamic
	queryFmt1ToPre1SelectAuthenticationLogs = `
		SELECT username, successful, time
		FROM %s
		ORDER BY id ASC
		LIMIT 100 OFFSET ?;`
// expect-next: dynamic
	queryFmt1ToPre1SelectU2FDevices = `
		SELECT username, key_handle, public_key
		FROM %s
		ORDER BY username ASC;`
// expect-next: dynamic
	queryFmt1ToPre1InsertU2FDevice = `
		INSERT INTO %s (username, keyHandle, publicKey)
		VALUES (?, ?, ?);`
// expect-next: static
	queryCreatePre1 = `
		CREATE TABLE user_preferences (
			username VARCHAR(100),
			second_factor_method VARCHAR(11),
			PRIMARY KEY (username)
		);
		
		CREATE TABLE identity_verification_tokens ( -- expect: static
			token VARCHAR(512)
		);
		
		CREATE TABLE totp_secrets ( -- expect: static
			username VARCHAR(100),
			secret VARCHAR(64),
			PRIMARY KEY (username)
		);
		
		CREATE TABLE u2f_devices ( -- expect: static
			username VARCHAR(100),
			keyHandle TEXT,
			publicKey TEXT,
			PRIMARY KEY (username)
		);
		
		CREATE TABLE authentication_logs ( -- expect: static
			username VARCHAR(100),
			successful BOOL,
			time INTEGER
		);
		
		CREATE TABLE config ( -- expect: static
			category VARCHAR(32) NOT NULL,
			key_name VARCHAR(32) NOT NULL,
			value    TEXT,
			PRIMARY KEY (category, key_name)
		);
		
		INSERT INTO config (category, key_name, value) -- expect: static
		VALUES ('schema', 'version', '1');`
)
