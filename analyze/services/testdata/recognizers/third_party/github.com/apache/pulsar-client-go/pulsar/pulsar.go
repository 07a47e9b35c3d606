// Package pulsar stands in for pulsar-client-go: the API shape archie recognizes, no behaviour.
package pulsar

import "context"

type ClientOptions struct {
	URL string
}

type Client interface {
	CreateProducer(ProducerOptions) (Producer, error)
	Subscribe(ConsumerOptions) (Consumer, error)
	CreateReader(ReaderOptions) (Reader, error)
	Close()
}

type client struct{}

func NewClient(options ClientOptions) (Client, error) { return &client{}, nil }

func (c *client) CreateProducer(ProducerOptions) (Producer, error) { return nil, nil }
func (c *client) Subscribe(ConsumerOptions) (Consumer, error)      { return nil, nil }
func (c *client) CreateReader(ReaderOptions) (Reader, error)       { return nil, nil }
func (c *client) Close()                                           {}

type ProducerOptions struct {
	Topic string
	Name  string
}

type ProducerMessage struct {
	Payload []byte
	Key     string
}

type MessageID interface{ Serialize() []byte }

type Producer interface {
	Topic() string
	Send(context.Context, *ProducerMessage) (MessageID, error)
	SendAsync(context.Context, *ProducerMessage, func(MessageID, *ProducerMessage, error))
	Close()
}

type SubscriptionType int

const Shared SubscriptionType = 1

type ConsumerOptions struct {
	Topic            string
	Topics           []string
	TopicsPattern    string
	SubscriptionName string
	Type             SubscriptionType
}

type Message interface{ Payload() []byte }

type Consumer interface {
	Receive(context.Context) (Message, error)
	Ack(Message) error
	Close()
}

type ReaderOptions struct {
	Topic string
}

type Reader interface {
	Next(context.Context) (Message, error)
	Close()
}
