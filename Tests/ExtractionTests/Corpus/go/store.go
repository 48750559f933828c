package store

import (
	"context"
	"database/sql"
	"fmt"
	"log"

	"github.com/jmoiron/sqlx"
)

const getUser = `SELECT id, email FROM users WHERE id = $1` // expect: static

type Store struct {
	db  *sql.DB
	dbx *sqlx.DB
}

func (s *Store) User(ctx context.Context, id int64) error {
	row := s.db.QueryRowContext(ctx, getUser, id)
	return row.Err()
}

func (s *Store) Orders(ctx context.Context, userID int64) error {
	// expect-next: static
	rows, err := s.db.QueryContext(ctx, `
		SELECT o.id, o.total
		FROM orders o
		WHERE o.user_id = $1
		ORDER BY o.created_at DESC`, userID)
	if err != nil {
		log.Printf("select orders failed: %v", err)
		return err
	}
	return rows.Close()
}

func (s *Store) Archive(ctx context.Context, table string) error {
	_, err := s.db.ExecContext(ctx, fmt.Sprintf("DELETE FROM %s WHERE archived = true", table)) // expect: dynamic
	return err
}

func (s *Store) Names(ids []int64) error {
	var names []string
	return s.dbx.Select(&names, "SELECT name FROM tags WHERE id = ANY($1)", ids) // expect: static
}

func (s *Store) Insert(ctx context.Context, name string) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO tags (name) VALUES ($1) ON CONFLICT DO NOTHING", name) // expect: static
	return err
}

func (s *Store) Filter(ctx context.Context, column string) error {
	q := "SELECT id FROM products WHERE " + column + " = $1" // expect: dynamic
	_, err := s.db.QueryContext(ctx, q, 1)
	return err
}

func help() string {
	fmt.Println("Select a file to upload")
	return fmt.Errorf("update failed: %w", nil).Error()
}
