// Command kafkabatch publishes batches of messages with sarama's sync
// producer: each message names its topic. Only the messages handed to the
// producer count, not others of the type the service builds.
package main

import (
	"context"
	"fmt"

	ibm "github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
)

// build makes a message for a topic: the producer sends what it returns.
func build(topic string) *ibm.ProducerMessage { return &ibm.ProducerMessage{Topic: topic} }

// send hands a batch on: its callers' batches are what it sends.
func send(p ibm.SyncProducer, msgs []*ibm.ProducerMessage) {
	p.SendMessages(msgs) // want "publish kafka audits"
}

func main() {
	p, _ := ibm.NewSyncProducer([]string{"kafka:9092"})                            // want "broker kafka kafka:9092"
	p.SendMessages([]*ibm.ProducerMessage{{Topic: "invoices"}, {Topic: "ledger"}}) // want "publish kafka invoices" "publish kafka ledger"
	var batch []*ibm.ProducerMessage
	for range 3 {
		batch = append(batch, &ibm.ProducerMessage{Topic: "payouts"})
	}
	p.SendMessages(batch)              // want "publish kafka payouts"
	p.SendMessage(build("statements")) // want "publish kafka statements"
	send(p, []*ibm.ProducerMessage{{Topic: "audits"}})
	ids := []string{"1", "2"}
	grown := make([]*ibm.ProducerMessage, 0, len(ids))
	for range ids {
		grown = append(grown, &ibm.ProducerMessage{Topic: "settlements"})
	}
	p.SendMessages(grown) // want "publish kafka settlements"
	sized := make([]*ibm.ProducerMessage, len(ids))
	sized[0] = &ibm.ProducerMessage{Topic: "reversals"}
	p.SendMessages(sized)           // want "publish kafka reversals"
	p.SendMessages(batchOf("fees")) // want "publish kafka fees"
	var each []*ibm.ProducerMessage
	for _, t := range []string{"alerts", "digests"} {
		each = append(each, &ibm.ProducerMessage{Topic: t})
	}
	p.SendMessages(each) // want "publish kafka alerts" "publish kafka digests"
	// A message built for a log line is not sent.
	fmt.Println(&ibm.ProducerMessage{Topic: "never-sent"})
	// A type of this program with go-redis's Publish shape: the redis
	// fixture's port still takes its client's calls, since that service
	// does not run this type.
	_ = memPublisher{}.Publish(context.Background(), "memory", nil)
	sp, _ := shopify.NewSyncProducer(nil)
	sp.SendMessages([]*shopify.ProducerMessage{{Topic: "refunds"}}) // want "publish kafka refunds"
}

// batchOf builds a batch for the caller to send.
func batchOf(topic string) []*ibm.ProducerMessage {
	return []*ibm.ProducerMessage{{Topic: topic}}
}

// memPublisher publishes in memory.
type memPublisher struct{}

func (memPublisher) Publish(ctx context.Context, channel string, message any) error { return nil }
