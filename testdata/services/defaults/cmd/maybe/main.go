// Command maybe sets its subject only when X is set.
package main

import (
	"net/http"
	"os"

	"example.com/defaults/pub"
	"github.com/nats-io/nats.go"
)

func main() {
	nc, _ := nats.Connect("nats://nats:4222")
	var opts []pub.Option
	if os.Getenv("X") != "" {
		opts = append(opts, pub.WithTopic("orders.cond"))
	}
	p := pub.New(nc, opts...)
	http.HandleFunc("/maybe", func(http.ResponseWriter, *http.Request) { p.Send() })
	http.ListenAndServe(":8080", nil)
}
