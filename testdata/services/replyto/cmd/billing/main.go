// Command billing handles the commands sent to it.
package main

import (
	"example.com/replyto/msg"
	"github.com/nats-io/nats.go"
)

func main() {
	nc, _ := nats.Connect("nats://nats:4222")
	msg.Handle(nc, "billing.commands")
	select {}
}
