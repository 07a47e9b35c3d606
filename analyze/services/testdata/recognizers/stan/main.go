// Command stan publishes to and subscribes on NATS Streaming channels.
package main

import "github.com/nats-io/stan.go"

func main() {
	sc, _ := stan.Connect("cluster", "orders", stan.NatsURL("nats://stan:4222")) // want "broker nats-streaming nats://stan:4222"
	sc.Publish("orders.placed", nil)                                             // want "publish nats-streaming orders.placed"
	sc.PublishAsync("orders.audit", nil, nil)                                    // want "publish nats-streaming orders.audit"
	sc.Subscribe("payments.done", func(*stan.Msg) {})                            // want "consume nats-streaming payments.done"
	sc.QueueSubscribe("refunds", "billing", func(*stan.Msg) {})                  // want "consume nats-streaming refunds"
}
