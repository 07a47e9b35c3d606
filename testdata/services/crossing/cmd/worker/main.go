// Command worker reads orders' store directly.
package main

import (
	"net/http"

	"example.com/crossing/cmd/orders/events"       // a contract: declarations only
	"example.com/crossing/cmd/orders/store"        // want cross-service-import
	"example.com/crossing/cmd/payments/paymentspb" // a contract: protobuf messages and their helpers
	"example.com/crossing/internal/shared"
	"example.com/crossing/internal/workerlib"
)

func main() {
	s := &store.Store{Pool: workerlib.Pool()}
	_ = s
	_ = events.OrderPlaced{ID: events.Topic}
	_ = (&paymentspb.Charged{}).Key()
	_ = paymentspb.Registrations()
	shared.Log("worker")
	http.ListenAndServe(":8082", nil)
}
