// Package model is api's own model: the orders table.
package model

import (
	"context"
	"database/sql"
)

// Order is one order.
type Order struct{ ID int }

// Save writes an order.
func Save(ctx context.Context, db *sql.DB, o Order) error {
	_, err := db.ExecContext(ctx, "INSERT INTO orders (id) VALUES ($1)", o.ID)
	return err
}
