// Command kafkamap sends through writers kafka.NewWriter makes from a
// config: one a closure shares, one per topic in a local map, and one per
// topic in a map a constructor keeps, looked up by the topic a caller
// names (only the writer of that topic) and written inside a circuit
// breaker's closure.
package main

import (
	"context"
	"os"

	"github.com/segmentio/kafka-go"
)

type usecase struct {
	writers map[string]*kafka.Writer
}

func newUsecase(writers map[string]*kafka.Writer) *usecase { return &usecase{writers} }

func execute(run func() error) error { return run() }

func (u *usecase) send(topic string) error {
	w, ok := u.writers[topic]
	if !ok {
		return nil
	}
	return execute(func() error {
		return w.WriteMessages(context.Background(), kafka.Message{}) // want "publish kafka user.created"
	})
}

// newWriter makes a writer of one topic: each caller's own.
func newWriter(topic string) *kafka.Writer {
	return kafka.NewWriter(kafka.WriterConfig{Topic: topic})
}

// publisher keeps the writers one constructor call is handed.
type publisher struct{ writers map[string]*kafka.Writer }

func newPublisher(writers map[string]*kafka.Writer) *publisher { return &publisher{writers} }

func (p *publisher) send(key string) {
	p.writers[key].WriteMessages(context.Background(), kafka.Message{}) // want "publish kafka invoices"
}

type pair struct{ a, b *kafka.Writer }

// Odd shapes that must name no topic a writer does not have, nor hang.
func odd() {
	// A config with no topic of its own, a topic per message: not the
	// topic of another writer's config.
	cfg := kafka.WriterConfig{Brokers: []string{"kafka:9092"}}
	if os.Getenv("SYNC") != "" {
		cfg.Brokers = nil
	}
	events := kafka.NewWriter(cfg)
	events.WriteMessages(context.Background(), kafka.Message{Topic: "events"}) // want "publish kafka events"
	dlq := kafka.NewWriter(kafka.WriterConfig{Topic: "dlq"})
	dlq.WriteMessages(context.Background(), kafka.Message{}) // want "publish kafka dlq"

	// A helper's topic is each caller's: only the writer written to.
	orders, payments := newWriter("orders"), newWriter("payments")
	orders.WriteMessages(context.Background(), kafka.Message{}) // want "publish kafka orders"
	_ = payments

	// Writers swapped between two variables a closure shares.
	blue, green := newWriter("blue"), newWriter("green")
	if os.Getenv("SWAP") != "" {
		blue, green = green, blue
	}
	func() {
		blue.WriteMessages(context.Background(), kafka.Message{}) // want "publish kafka blue" "publish kafka green"
	}()
	_ = green

	// A map filled in a loop: which writer a key holds is not known.
	byTopic := make(map[string]*kafka.Writer)
	for _, t := range []string{"a", "b"} {
		byTopic[t] = newWriter(t)
	}
	byTopic["a"].WriteMessages(context.Background(), kafka.Message{}) // want "publish kafka (topic not static)"

	// Fields stored into each other: no topic, and no endless read.
	p := &pair{}
	if os.Getenv("FLIP") != "" {
		p.a = p.b
	} else {
		p.b = p.a
	}
	p.a.WriteMessages(context.Background(), kafka.Message{}) // want "publish kafka (topic not static)"

	// Two publishers of one type, each with its own map.
	invoices := newPublisher(map[string]*kafka.Writer{"default": newWriter("invoices")})
	audit := newPublisher(map[string]*kafka.Writer{"default": newWriter("audit")})
	invoices.send("default")
	_ = audit
}

func main() {
	odd()
	direct := kafka.NewWriter(kafka.WriterConfig{Topic: "audit"})
	local := map[string]*kafka.Writer{
		"billing": kafka.NewWriter(kafka.WriterConfig{Topic: "billing"}),
		"refunds": kafka.NewWriter(kafka.WriterConfig{Topic: "refunds"}),
	}
	u := newUsecase(map[string]*kafka.Writer{
		"user.created": kafka.NewWriter(kafka.WriterConfig{Topic: "user.created"}),
		"user.deleted": kafka.NewWriter(kafka.WriterConfig{Topic: "user.deleted"}),
	})
	func() {
		direct.WriteMessages(context.Background(), kafka.Message{})           // want "publish kafka audit"
		local["refunds"].WriteMessages(context.Background(), kafka.Message{}) // want "publish kafka refunds"
	}()
	u.send("user.created")
}
