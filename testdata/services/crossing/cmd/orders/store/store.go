// Package store is orders' own store. Its import of orders' db is orders'
// business: worker, which imports the store, is not blamed for it.
package store

import "example.com/crossing/cmd/orders/db"

// Store keeps orders.
type Store struct{ Pool *db.Pool }

// Save keeps an order.
func (s *Store) Save(id string) error { return nil }
