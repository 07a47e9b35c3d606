// Command orders asks billing to charge, in a saga, and hears the reply
// on the saga's channel.
package main

import (
	"net/http"

	"example.com/replyto/saga"
	"github.com/nats-io/nats.go"
)

type charge struct{}

const replies = "orders.replies"

func main() {
	nc, _ := nats.Connect("nats://nats:4222")
	o := saga.NewOrchestrator[*charge](saga.New[*charge](replies), nc)
	o.Listen()
	http.HandleFunc("/orders", func(http.ResponseWriter, *http.Request) {
		o.Send("billing.commands")
	})
	http.ListenAndServe(":8080", nil)
}
