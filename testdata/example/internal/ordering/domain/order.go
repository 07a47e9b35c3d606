// Package domain is the ordering model.
package domain

import (
	"log"

	"example.com/shop/internal/platform/db"
)

// Order is a customer's order.
type Order struct{ ID, Item string }

// Save stores the order. The domain should not know about the database.
func (o Order) Save() {
	if _, err := db.Open(); err != nil {
		log.Print(err)
	}
}
