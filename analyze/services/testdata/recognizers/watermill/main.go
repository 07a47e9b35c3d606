// Command watermill publishes, subscribes and routes with watermill.
package main

import (
	"context"

	"github.com/ThreeDotsLabs/watermill/message"
)

func relay(m *message.Message) ([]*message.Message, error) { return nil, nil }

func sink(m *message.Message) error { return nil }

func main() {
	var pub message.Publisher
	var sub message.Subscriber
	pub.Publish("reviews")                        // want "publish watermill reviews"
	sub.Subscribe(context.Background(), "orders") // want "consume watermill orders"

	r, _ := message.NewRouter()
	r.AddHandler("relay", "in", sub, "out", pub, relay)   // want "consume watermill in" "publish watermill out"
	r.AddNoPublisherHandler("audit", "audits", sub, sink) // want "consume watermill audits"
	r.AddConsumerHandler("mail", "emails", sub, sink)     // want "consume watermill emails"
}
