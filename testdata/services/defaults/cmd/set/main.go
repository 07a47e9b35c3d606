// Command set always gives its subject: the default never holds.
package main

import (
	"net/http"

	"example.com/defaults/pub"
	"github.com/nats-io/nats.go"
)

func main() {
	nc, _ := nats.Connect("nats://nats:4222")
	p := pub.New(nc, pub.WithTopic("orders.set"))
	http.HandleFunc("/set", func(http.ResponseWriter, *http.Request) { p.Send() })
	http.ListenAndServe(":8080", nil)
}
