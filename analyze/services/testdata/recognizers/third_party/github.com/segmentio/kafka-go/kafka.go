// Package kafka stands in for segmentio/kafka-go: the API shape archie recognizes, no behaviour.
package kafka

import (
	"context"
	"net"
)

type Message struct {
	Topic string
	Value []byte
}

type Writer struct {
	Addr  net.Addr
	Topic string
}

type WriterConfig struct {
	Brokers []string
	Topic   string
}

func NewWriter(config WriterConfig) *Writer { return &Writer{Topic: config.Topic} }

// TCP names the brokers a Writer sends to.
func TCP(address ...string) net.Addr { return nil }

func (w *Writer) WriteMessages(ctx context.Context, msgs ...Message) error { return nil }

type ReaderConfig struct {
	Brokers     []string
	Topic       string
	GroupID     string
	GroupTopics []string
}

type Reader struct{}

func NewReader(config ReaderConfig) *Reader { return &Reader{} }
