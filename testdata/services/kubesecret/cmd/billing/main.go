// Command billing consumes the subject the same Secret names.
package main

import (
	"os"

	"github.com/nats-io/nats.go"
)

func main() {
	nc, _ := nats.Connect(os.Getenv("NATS_URL"))
	nc.Subscribe(os.Getenv("ORDERS_SUBJECT"), func(*nats.Msg) {})
	select {}
}
