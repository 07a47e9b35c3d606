// Package api is what other contexts may use of ordering.
package api

import "example.com/shop/internal/ordering/app"

// Place places an order.
func Place(item string) string { return app.Place(item).ID }
