// Command kafkabatch publishes a batch of messages with sarama's sync
// producer: each message names its topic. The topics are those the
// service stores in a ProducerMessage, so the batch is a service of its
// own here.
package main

import (
	ibm "github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
)

func main() {
	p, _ := ibm.NewSyncProducer([]string{"kafka:9092"})                            // want "broker kafka kafka:9092"
	p.SendMessages([]*ibm.ProducerMessage{{Topic: "invoices"}, {Topic: "ledger"}}) // want "publish kafka invoices" "publish kafka ledger"
	sp, _ := shopify.NewSyncProducer(nil)
	sp.SendMessages([]*shopify.ProducerMessage{{Topic: "refunds"}}) // want "publish kafka refunds"
}
