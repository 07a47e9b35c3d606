// Package ordering is entangled: it calls the catalog, billing and
// notify, billing calls it back, and billing reads its orders table.
package ordering

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/monolith/internal/catalog"
)

// An Order is one customer's order.
type Order struct {
	ID       string
	Customer string
	Items    []string
}

// Notifier is what ordering needs to tell customers.
type Notifier interface {
	Send(ctx context.Context, to, text string) error
}

// Billing is what ordering needs of billing: it charges within the
// order's transaction.
type Billing interface {
	Charge(ctx context.Context, tx *sql.Tx, o Order, total int) error
}

// Service places orders.
type Service struct {
	db       *sql.DB
	catalog  *catalog.Service
	notifier Notifier
	billing  Billing
}

// NewService returns an ordering service.
func NewService(db *sql.DB, c *catalog.Service, n Notifier) *Service {
	return &Service{db: db, catalog: c, notifier: n}
}

// SetBilling gives the service billing, which needs it in turn.
func (s *Service) SetBilling(b Billing) { s.billing = b }

// Place places an order.
func (s *Service) Place(ctx context.Context, o Order) error {
	total := 0
	for _, id := range o.Items {
		p, err := s.catalog.Get(ctx, id)
		if err != nil {
			return err
		}
		total += p.Price
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "INSERT INTO orders (id, customer, total) VALUES ($1, $2, $3)", o.ID, o.Customer, total); err != nil {
		return err
	}
	if err := s.billing.Charge(ctx, tx, o, total); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return s.notifier.Send(ctx, o.Customer, "order placed")
}

// Check says whether an order's items exist.
func (s *Service) Check(ctx context.Context, o Order) bool {
	for _, id := range o.Items {
		if _, err := s.catalog.Get(ctx, id); err != nil {
			return false
		}
	}
	return true
}

// MarkPaid marks an order paid.
func (s *Service) MarkPaid(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(ctx, "UPDATE orders SET paid = true WHERE id = $1", id)
	return err
}

// HandlePlace places the order of a request.
func (s *Service) HandlePlace(w http.ResponseWriter, r *http.Request) {
	o := Order{ID: r.FormValue("id"), Customer: r.FormValue("customer")}
	if !s.Check(r.Context(), o) {
		return
	}
	s.Place(r.Context(), o)
}
