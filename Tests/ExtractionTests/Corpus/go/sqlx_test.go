// Source: jmoiron/sqlx — sqlx_test.go (MIT License)
// Excerpt: Schema/defaultSchema, MultiExec, loadDefaultFixture, parts of TestMissingNames,
// TestJoinQuery and TestNamedQuery. Code unchanged; labels added.
// Classes: multi-statement (a raw-string schema with five CREATE TABLEs and a lower-case drop
//          script: each statement labelled where it starts — the first at the line where the
//          literal opens, the others by a SQL "-- expect:" comment inside the literal),
//          wrappers (MultiExec splits on ";\n" and calls Exec), placeholders (?, :name),
//          MySQL backtick identifiers, decoys (strings.Replace arguments `"`, now(), CURRENT_TIMESTAMP).

package sqlx

type Schema struct {
	create string
	drop   string
}

func (s Schema) Postgres() (string, string) {
	return s.create, s.drop
}

func (s Schema) MySQL() (string, string) {
	return strings.Replace(s.create, `"`, "`", -1), s.drop
}

func (s Schema) Sqlite3() (string, string) {
	return strings.Replace(s.create, `now()`, `CURRENT_TIMESTAMP`, -1), s.drop
}

var defaultSchema = Schema{
	// class: multi-statement
	// expect-next: static
	create: `
CREATE TABLE person (
	first_name text,
	last_name text,
	email text,
	added_at timestamp default now()
);

CREATE TABLE place ( -- expect: static
	country text,
	city text NULL,
	telcode integer
);

CREATE TABLE capplace ( -- expect: static
	"COUNTRY" text,
	"CITY" text NULL,
	"TELCODE" integer
);

CREATE TABLE nullperson ( -- expect: static
    first_name text NULL,
    last_name text NULL,
    email text NULL
);

CREATE TABLE employees ( -- expect: static
	name text,
	id integer,
	boss_id integer
);

`,
	// expect-next: static
	drop: `
drop table person;
drop table place; -- expect: static
drop table capplace; -- expect: static
drop table nullperson; -- expect: static
drop table employees; -- expect: static
`,
}

// class: wrappers — the helper that runs the scripts above statement by statement.
func MultiExec(e Execer, query string) {
	stmts := strings.Split(query, ";\n")
	if len(strings.Trim(stmts[len(stmts)-1], " \n\t\r")) == 0 {
		stmts = stmts[:len(stmts)-1]
	}
	for _, s := range stmts {
		_, err := e.Exec(s)
		if err != nil {
			fmt.Println(err, s)
		}
	}
}

func loadDefaultFixture(db *DB, t *testing.T) {
	tx := db.MustBegin()
	tx.MustExec(tx.Rebind("INSERT INTO person (first_name, last_name, email) VALUES (?, ?, ?)"), "Jason", "Moiron", "jmoiron@jmoiron.net") // expect: static
	tx.MustExec(tx.Rebind("INSERT INTO place (country, city, telcode) VALUES (?, ?, ?)"), "United States", "New York", "1") // expect: static
	tx.MustExec(tx.Rebind("INSERT INTO place (country, telcode) VALUES (?, ?)"), "Hong Kong", "852") // expect: static
	if db.DriverName() == "mysql" {
		tx.MustExec(tx.Rebind("INSERT INTO capplace (`COUNTRY`, `TELCODE`) VALUES (?, ?)"), "Sarf Efrica", "27") // expect: static
	} else {
		tx.MustExec(tx.Rebind("INSERT INTO capplace (\"COUNTRY\", \"TELCODE\") VALUES (?, ?)"), "Sarf Efrica", "27") // expect: static
	}
	tx.MustExec(tx.Rebind("INSERT INTO employees (name, id, boss_id) VALUES (?, ?, ?)"), "Joe", "1", "4444") // expect: static
	tx.Commit()
}

func TestMissingNames(t *testing.T) {
	RunWithSchema(defaultSchema, t, func(db *DB, t *testing.T) {
		loadDefaultFixture(db, t)
		pps := []PersonPlus{}
		err := db.Select(&pps, "SELECT * FROM person") // expect: static
		if err == nil {
			t.Error("Expected missing name from Select to fail, but it did not.")
		}

		pp := PersonPlus{}
		err = db.Get(&pp, "SELECT * FROM person LIMIT 1") // expect: static
		if err == nil {
			t.Error("Expected missing name Get to fail, but it did not.")
		}

		nstmt, err := db.PrepareNamed(`SELECT * FROM person WHERE first_name != :name`) // expect: static
		if err != nil {
			t.Fatal(err)
		}
		_ = nstmt
	})
}

func TestJoinQuery(t *testing.T) {
	RunWithSchema(defaultSchema, t, func(db *DB, t *testing.T) {
		loadDefaultFixture(db, t)

		var employees []struct {
			Employee
			Boss `db:"boss"`
		}

		err := db.Select(
			&employees,
			// expect-next: static
			`SELECT employees.*, boss.id "boss.id", boss.name "boss.name" FROM employees
			  JOIN employees AS boss ON employees.boss_id = boss.id`)
		if err != nil {
			t.Fatal(err)
		}
	})
}

func TestNamedQuery(t *testing.T) {
	RunWithSchema(defaultSchema, t, func(db *DB, t *testing.T) {
		q1 := `INSERT INTO person (first_name, last_name, email) VALUES (:first_name, :last_name, :email)` // expect: static
		_, err := db.NamedExec(q1, p)
		if err != nil {
			log.Fatal(err)
		}

		rows, err := db.NamedQuery("SELECT * FROM person WHERE first_name=:first_name", p) // expect: static
		if err != nil {
			log.Fatal(err)
		}
		for rows.Next() {
			if p2.FirstName.String != "ben" {
				t.Error("Expected first name of `ben`, got " + p2.FirstName.String)
			}
		}
	})
}
