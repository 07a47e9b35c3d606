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
	return kafka.NewReader(kafka.ReaderConfig{GroupID: "refunds", GroupTopics: groupTopics}) // want "consume kafka refunds-requested" "consume kafka refunds-approved"
}

func main() {
	p := &producer{w: &kafka.Writer{}}
	p.publish(context.Background(), kafka.Message{Topic: "refunds"})
	reader(topics())
}
