// Command orders publishes to the subject its Secret names.
package main

import (
	"net/http"
	"os"

	"github.com/nats-io/nats.go"
)

func main() {
	nc, _ := nats.Connect(os.Getenv("NATS_URL"))
	http.HandleFunc("/orders", func(http.ResponseWriter, *http.Request) {
		nc.Publish(os.Getenv("ORDERS_SUBJECT"), nil)
	})
	http.ListenAndServe(":8080", nil)
}
