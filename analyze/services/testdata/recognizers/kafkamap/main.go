// Command kafkamap sends through writers kafka.NewWriter makes from a
// config: one a closure shares, one per topic in a local map, and one per
// topic in a map a constructor keeps, looked up by the topic a caller
// names (only the writer of that topic) and written inside a circuit
// breaker's closure.
package main

import (
	"context"

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

func main() {
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
