// Package api is what other contexts may use of billing.
package api

import "example.com/shop/internal/billing/app"

// Invoice issues an invoice.
func Invoice(order string) string { return app.Invoice(order) }
