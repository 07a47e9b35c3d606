// Package catalog is cheap to extract: the rest calls it, it calls
// nothing of the rest, and its table is its own.
package catalog

import (
	"context"
	"database/sql"
	"net/http"

	"example.com/monolith/pkg/log"
)

// A Product is what the catalog sells.
type Product struct {
	ID    string
	Price int
}

// Service reads products.
type Service struct{ db *sql.DB }

// NewService returns a catalog over db.
func NewService(db *sql.DB) *Service { return &Service{db: db} }

// Get returns one product.
func (s *Service) Get(ctx context.Context, id string) (Product, error) {
	var p Product
	err := s.db.QueryRowContext(ctx, "SELECT id, price FROM products WHERE id = $1", id).Scan(&p.ID, &p.Price)
	log.Printf("product %s", id)
	return p, err
}

// HandleList lists the products.
func (s *Service) HandleList(w http.ResponseWriter, r *http.Request) {
	s.db.QueryContext(r.Context(), "SELECT id, price FROM products")
}
