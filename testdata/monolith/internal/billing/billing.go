// Package billing charges orders; it calls ordering back and reads its
// table.
package billing

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/monolith/internal/ordering"
)

// Service charges orders.
type Service struct {
	db     *sql.DB
	orders *ordering.Service
}

// NewService returns a billing service.
func NewService(db *sql.DB, orders *ordering.Service) *Service {
	return &Service{db: db, orders: orders}
}

// Charge writes an invoice for an order, in the order's transaction.
func (s *Service) Charge(ctx context.Context, tx *sql.Tx, o ordering.Order, total int) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO invoices (order_id, total) VALUES ($1, $2)", o.ID, total)
	return err
}

// HandleSettle settles the invoice of an order.
func (s *Service) HandleSettle(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("order")
	var total int
	s.db.QueryRowContext(r.Context(), "SELECT total FROM orders WHERE id = $1", id).Scan(&total)
	s.orders.MarkPaid(r.Context(), id)
}
