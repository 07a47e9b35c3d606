// Package store keeps orders in Postgres.
package store

import (
	"context"
	"database/sql"
	"os"
)

// Store is the orders database.
type Store struct{ db *sql.DB }

// Open opens the database DATABASE_URL names.
func Open() (*Store, error) {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	return &Store{db}, err
}

// Save stores an order and its item.
func (s *Store) Save(ctx context.Context, item string) error {
	if _, err := s.db.ExecContext(ctx, "INSERT INTO orders (item) VALUES ($1)", item); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, "INSERT INTO order_items (item) VALUES ($1)", item)
	return err
}

// Pending lists the orders not shipped yet.
func (s *Store) Pending(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id FROM orders WHERE shipped = false")
}
