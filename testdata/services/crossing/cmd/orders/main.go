// Command orders serves orders.
package main

import (
	"net/http"

	"example.com/crossing/cmd/orders/store"
	"example.com/crossing/internal/shared"
)

func main() {
	s := &store.Store{}
	_ = s
	shared.Log("orders")
	http.ListenAndServe(":8080", nil)
}
