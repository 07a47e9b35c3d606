// Package api is payments' request types.
package api

// Charge is a payment request.
type Charge struct{ Amount int }
