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

// Conn is a connection to one partition's leader, for one topic.
type Conn struct{}

func DialLeader(ctx context.Context, network, address, topic string, partition int) (*Conn, error) {
	return &Conn{}, nil
}

func (c *Conn) WriteMessages(msgs ...Message) (int, error) { return 0, nil }
func (c *Conn) ReadMessage(maxBytes int) (Message, error)  { return Message{}, nil }
func (c *Conn) ReadBatch(minBytes, maxBytes int) any       { return nil }
