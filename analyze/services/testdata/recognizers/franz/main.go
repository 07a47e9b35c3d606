// Command franz publishes and consumes with franz-go: topics in records,
// in the client's default, and in the topics it consumes.
package main

import (
	"context"

	"github.com/twmb/franz-go/pkg/kgo"
)

func main() {
	ctx := context.Background()
	cl, _ := kgo.NewClient(
		kgo.SeedBrokers("kafka:9092"),          // want "broker kafka kafka:9092"
		kgo.ConsumeTopics("orders", "refunds"), // want "consume kafka orders" "consume kafka refunds"
		kgo.ConsumerGroup("billing"),
	)
	cl.Produce(ctx, &kgo.Record{Topic: "invoices"}, nil)    // want "publish kafka invoices"
	cl.TryProduce(ctx, &kgo.Record{Topic: "receipts"}, nil) // want "publish kafka receipts"
	cl.ProduceSync(ctx, &kgo.Record{Topic: "audits"})       // want "publish kafka audits"
	cl.PollFetches(ctx)

	kgo.NewClient(kgo.DefaultProduceTopic("ledger")) // want "publish kafka ledger"
}
