// Package domain is the billing model.
package domain

import (
	"example.com/shop/internal/billing/app"
	orders "example.com/shop/internal/ordering/domain"
)

// Invoice bills an order.
type Invoice struct {
	Order orders.Order
	Due   app.Terms
}
