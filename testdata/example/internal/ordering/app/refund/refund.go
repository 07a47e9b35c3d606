// Package refund cancels invoices.
package refund

import "example.com/shop/internal/billing/api"

// Refund cancels the invoice of an order.
func Refund(order string) string { return api.Invoice(order) }
