// Source: ramonmpacheco/golang — sql/structure/structure.go (license not stated in the file)
// Complete file (20 lines of a Go course exercise), unchanged apart from labels.
// Classes: wrappers (a project-defined exec(db, sql) helper wrapping db.Exec, called with
//          literal SQL), short (USE, DROP TABLE), MySQL dialect (auto_increment).
// Note: `use cursogo` is a MySQL-only statement that libpg_query cannot parse (hard case).

package main

import (
	"database/sql"

	_ "github.com/go-sql-driver/mysql"
)

func exec(db *sql.DB, sql string) sql.Result {
	result, err := db.Exec(sql)

	if err != nil {
		panic(err)
	}

	return result
}
func main() {
	db, err := sql.Open("mysql", "root:12345678@/")
	if err != nil {
		panic(err)
	}
	defer db.Close()

	exec(db, "CREATE DATABASE IF NOT EXISTS cursogo") // expect: static
	exec(db, "use cursogo")                           // expect: static
	exec(db, "DROP TABLE IF EXISTS users")            // expect: static
	// expect-next: static
	exec(db, `CREATE TABLE users (
		id integer auto_increment,
		name varchar(80),
		PRIMARY KEY (id)
	)`)
}
