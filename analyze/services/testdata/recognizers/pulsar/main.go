// Command pulsar publishes through producers made for a topic, one kept in
// a struct, and consumes through a subscription and a reader. A topic's
// full persistent://public/default/ name is its short name.
package main

import (
	"context"
	"os"

	"github.com/apache/pulsar-client-go/pulsar"
)

type publisher struct{ orders pulsar.Producer }

func (p *publisher) placed(ctx context.Context) {
	p.orders.Send(ctx, &pulsar.ProducerMessage{Payload: []byte("{}")}) // want "publish pulsar orders"
}

func main() {
	ctx := context.Background()
	c, _ := pulsar.NewClient(pulsar.ClientOptions{URL: "pulsar://pulsar:6650"}) // want "broker pulsar pulsar://pulsar:6650"
	orders, _ := c.CreateProducer(pulsar.ProducerOptions{Topic: "persistent://public/default/orders"})
	p := &publisher{orders: orders}
	p.placed(ctx)

	audit, _ := c.CreateProducer(pulsar.ProducerOptions{Topic: os.Getenv("AUDIT_TOPIC")})
	audit.SendAsync(ctx, &pulsar.ProducerMessage{}, nil) // want "publish pulsar ${AUDIT_TOPIC}"

	c.Subscribe(pulsar.ConsumerOptions{Topic: "payments", SubscriptionName: "billing", Type: pulsar.Shared})                     // want "consume pulsar payments"
	c.Subscribe(pulsar.ConsumerOptions{Topics: []string{"public/default/refunds", "tenant-a/ns/events"}, SubscriptionName: "b"}) // want "consume pulsar refunds" "consume pulsar tenant-a/ns/events"
	c.CreateReader(pulsar.ReaderOptions{Topic: "persistent://public/default/orders"})                                            // want "consume pulsar orders"
}
