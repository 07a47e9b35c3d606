// Command kafka publishes to and consumes from Kafka with kafka-go,
// sarama (at both its import paths) and confluent-kafka-go.
package main

import (
	"context"
	"os"
	"strings"

	"github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
	cluster "github.com/bsm/sarama-cluster"
	ckafka "github.com/confluentinc/confluent-kafka-go/v2/kafka"
	"github.com/segmentio/kafka-go"
)

func main() {
	ctx := context.Background()
	w := &kafka.Writer{Topic: "orders"}
	w.WriteMessages(ctx, kafka.Message{}) // want "publish kafka orders"
	// A second writer of the same type: its own topic, not both.
	w2 := &kafka.Writer{Topic: "orders-audit"}
	w2.WriteMessages(ctx, kafka.Message{})                 // want "publish kafka orders-audit"
	kafka.NewReader(kafka.ReaderConfig{Topic: "payments"}) // want "consume kafka payments"
	// A connection to a partition's leader is for one topic.
	conn, _ := kafka.DialLeader(ctx, "tcp", "kafka-3:9092", "shipments", 0) // want "broker kafka kafka-3:9092"
	conn.WriteMessages(kafka.Message{Value: []byte("1")})                   // want "publish kafka shipments"
	in, _ := kafka.DialLeader(ctx, "tcp", "kafka-3:9092", "returns-in", 0)  // want "broker kafka kafka-3:9092"
	in.ReadMessage(1e6)                                                     // want "consume kafka returns-in"
	in.ReadBatch(1, 1e6)                                                    // want "consume kafka returns-in"
	// Dialled by a helper that returns the connection.
	out, _ := dialTopic(ctx, "dispatches")
	out.WriteMessages(kafka.Message{})        // want "publish kafka dispatches"
	mustDial(ctx, "recalls").ReadMessage(1e6) // want "consume kafka recalls"

	p, _ := sarama.NewSyncProducer([]string{"kafka-1:9092", "kafka-2:9092"}) // want "broker kafka kafka-1:9092 | kafka-2:9092"
	p.SendMessage(&sarama.ProducerMessage{Topic: "invoices"})                // want "publish kafka invoices"
	c, _ := sarama.NewConsumer(nil)
	c.ConsumePartition("refunds", 0, 0) // want "consume kafka refunds"
	g, _ := sarama.NewConsumerGroup(nil, "billing")
	g.Consume(ctx, []string{"audits", "audits-v2"}, nil) // want "consume kafka audits" "consume kafka audits-v2"
	ap, _ := sarama.NewAsyncProducer(nil)
	ap.Input() <- &sarama.ProducerMessage{Topic: "receipts"}      // want "publish kafka receipts"
	sap, _ := shopify.NewAsyncProducer(brokers("KAFKA_BROKERS"))  // want "broker kafka ${KAFKA_BROKERS}"
	sap.Input() <- &shopify.ProducerMessage{Topic: "receipts-v1"} // want "publish kafka receipts-v1"
	// A send in a select's case, beside the context's end.
	select {
	case ap.Input() <- &sarama.ProducerMessage{Topic: "refunds-out"}: // want "publish kafka refunds-out"
	case <-ctx.Done():
	}

	sp, _ := shopify.NewSyncProducer(nil)
	sarama.NewClient([]string{"kafka:9092"}) // want "broker kafka kafka:9092"
	shopify.NewClient(nil)
	sp.SendMessage(&shopify.ProducerMessage{Topic: "receipts"}) // want "publish kafka receipts"
	sc, _ := shopify.NewConsumer(nil)
	sc.ConsumePartition("returns", 0, 0) // want "consume kafka returns"
	sg, _ := shopify.NewConsumerGroup(nil, "billing")
	sg.Consume(ctx, []string{"ledger"}, nil) // want "consume kafka ledger"

	cluster.NewConsumer([]string{"kafka:9092"}, "billing", []string{"chargebacks"}, cluster.NewConfig()) // want "broker kafka kafka:9092" "consume kafka chargebacks"

	cons, _ := ckafka.NewConsumer()
	cons.Subscribe("shipments", nil)                          // want "consume kafka shipments"
	cons.SubscribeTopics([]string{"labels", "tracking"}, nil) // want "consume kafka labels" "consume kafka tracking"
	prod, _ := ckafka.NewProducer()
	topic := "deliveries"
	// The topic sits in TopicPartition, as a *string.
	prod.Produce(&ckafka.Message{TopicPartition: ckafka.TopicPartition{Topic: &topic}}, nil) // want "publish kafka deliveries"
	msg := &ckafka.Message{Value: []byte("1")}
	msg.TopicPartition = ckafka.TopicPartition{Topic: &topic}
	prod.Produce(msg, nil)     // want "publish kafka deliveries"
	prod.Produce(built(), nil) // want "publish kafka (topic not static)"
}

// brokers reads a comma-separated list of brokers from the environment.
func brokers(key string) []string { return strings.Split(os.Getenv(key), ",") }

// built makes a message elsewhere: its topic is not followed.
func built() *ckafka.Message { return &ckafka.Message{} }

func dialTopic(ctx context.Context, topic string) (*kafka.Conn, error) {
	return kafka.DialLeader(ctx, "tcp", "kafka-3:9092", topic, 0) // want "broker kafka kafka-3:9092"
}

func mustDial(ctx context.Context, topic string) *kafka.Conn {
	c, _ := dialTopic(ctx, topic)
	return c
}
