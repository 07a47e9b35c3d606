// Command kafkamsg publishes with a kafka-go writer that has no topic, so
// each message names its own, and consumes a consumer group's topics.
package main

import (
	"context"

	"github.com/segmentio/kafka-go"
)

type producer struct{ w *kafka.Writer }

func (p *producer) publish(ctx context.Context, msgs ...kafka.Message) error {
	return p.w.WriteMessages(ctx, msgs...) // want "publish kafka refunds"
}

func topics() []string { return []string{"refunds-requested", "refunds-approved"} }

func reader(groupTopics []string) *kafka.Reader {
	return kafka.NewReader(kafka.ReaderConfig{Brokers: []string{"kafka:9092"}, GroupID: "refunds", GroupTopics: groupTopics}) // want "broker kafka kafka:9092" "consume kafka refunds-requested" "consume kafka refunds-approved"
}

func main() {
	p := &producer{w: &kafka.Writer{Addr: kafka.TCP("kafka-a:9092", "kafka-b:9092")}} // want "broker kafka kafka-a:9092 | kafka-b:9092"
	kafka.NewWriter(kafka.WriterConfig{Brokers: []string{"kafka-c:9092"}})            // want "broker kafka kafka-c:9092"
	p.publish(context.Background(), kafka.Message{Topic: "refunds"})
	reader(topics())
}
