// Command two keeps the default for one publisher and sets the other's.
package main

import (
	"net/http"

	"example.com/defaults/pub"
	"github.com/nats-io/nats.go"
)

func main() {
	nc, _ := nats.Connect("nats://nats:4222")
	p1 := pub.New(nc)
	p2 := pub.New(nc, pub.WithTopic("audit.c"))
	http.HandleFunc("/two", func(http.ResponseWriter, *http.Request) { p1.Send(); p2.Send() })
	http.ListenAndServe(":8080", nil)
}
