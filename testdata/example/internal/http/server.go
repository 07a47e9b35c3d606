// Package http serves the shop's API.
package http

import (
	"net/http"

	billing "example.com/shop/internal/billing/app"
	ordering "example.com/shop/internal/ordering/app"
)

// Serve starts the server.
func Serve() {
	http.HandleFunc("/orders", func(http.ResponseWriter, *http.Request) { ordering.Place("book") })
	http.HandleFunc("/invoices", func(http.ResponseWriter, *http.Request) { billing.Invoice("1") })
}
