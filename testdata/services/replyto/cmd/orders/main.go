// Command orders asks billing to charge, and hears the reply on its own
// channel.
package main

import (
	"net/http"

	"example.com/replyto/msg"
	"github.com/nats-io/nats.go"
)

func main() {
	nc, _ := nats.Connect("nats://nats:4222")
	nc.Subscribe("orders.replies", func(*nats.Msg) {})
	http.HandleFunc("/orders", func(http.ResponseWriter, *http.Request) {
		msg.Send(nc, "billing.commands", "orders.replies", msg.Command{Name: "Charge"})
	})
	http.ListenAndServe(":8080", nil)
}
