// Source: constructed for dbooster (not an excerpt): a store type whose methods wrap
// database/sql, as in go/structure.go, but defined in its own file; go/crossfile_handlers.go calls
// them with lower-case SQL. This file holds no SQL of its own.
// Classes: wrappers (cross-file).

package store

import "database/sql"

type Store struct{ db *sql.DB }

// RunQuery runs a statement that returns rows.
func (s *Store) RunQuery(query string, args ...any) (*sql.Rows, error) {
	return s.db.Query(query, args...)
}

// ExecStatement runs a statement that returns no rows.
func (s *Store) ExecStatement(stmt string, args ...any) error {
	_, err := s.db.Exec(stmt, args...)
	return err
}
