// Package app places orders.
package app

import "example.com/shop/internal/ordering/domain"

// Place places an order.
func Place(item string) domain.Order {
	o := domain.Order{ID: "1", Item: item}
	o.Save()
	return o
}
