// Package app issues invoices.
package app

import (
	orders "example.com/shop/internal/ordering/api"
)

// Terms are payment terms.
type Terms struct{ Days int }

// Invoice issues an invoice for an order.
func Invoice(order string) string { return orders.Place(order) }
