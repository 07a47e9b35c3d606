// Package kafka is a stand-in with the API shape archie recognizes; it does nothing.
package kafka

import "context"

type Message struct {
	Topic string
	Value []byte
}

type Writer struct {
	Addr  string
	Topic string
}

func (w *Writer) WriteMessages(ctx context.Context, msgs ...Message) error { return nil }

type ReaderConfig struct {
	Brokers []string
	Topic   string
	GroupID string
}

type Reader struct{ cfg ReaderConfig }

func NewReader(cfg ReaderConfig) *Reader { return &Reader{cfg} }

func (r *Reader) ReadMessage(ctx context.Context) (Message, error) { return Message{}, nil }
