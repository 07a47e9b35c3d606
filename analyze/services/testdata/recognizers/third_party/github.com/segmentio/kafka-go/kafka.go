// Package kafka stands in for segmentio/kafka-go: the API shape archie recognizes, no behaviour.
package kafka

import "context"

type Message struct {
	Topic string
	Value []byte
}

type Writer struct{ Topic string }

func (w *Writer) WriteMessages(ctx context.Context, msgs ...Message) error { return nil }

type ReaderConfig struct {
	Topic       string
	GroupID     string
	GroupTopics []string
}

type Reader struct{}

func NewReader(config ReaderConfig) *Reader { return &Reader{} }
