// Package sarama stands in for sarama: the API shape archie recognizes, no behaviour.
package sarama

import "context"

type ProducerMessage struct{ Topic string }

type SyncProducer interface {
	SendMessage(msg *ProducerMessage) (int32, int64, error)
	SendMessages(msgs []*ProducerMessage) error
}

type PartitionConsumer interface{}

type Consumer interface {
	ConsumePartition(topic string, partition int32, offset int64) (PartitionConsumer, error)
}

type ConsumerGroupHandler interface{}

type ConsumerGroup interface {
	Consume(ctx context.Context, topics []string, handler ConsumerGroupHandler) error
}

type client struct{}

func (client) SendMessage(msg *ProducerMessage) (int32, int64, error) { return 0, 0, nil }
func (client) SendMessages(msgs []*ProducerMessage) error             { return nil }
func (client) ConsumePartition(topic string, partition int32, offset int64) (PartitionConsumer, error) {
	return nil, nil
}
func (client) Consume(ctx context.Context, topics []string, handler ConsumerGroupHandler) error {
	return nil
}

func NewSyncProducer(addrs []string) (SyncProducer, error)                 { return client{}, nil }
func NewConsumer(addrs []string) (Consumer, error)                         { return client{}, nil }
func NewConsumerGroup(addrs []string, group string) (ConsumerGroup, error) { return client{}, nil }

type AsyncProducer interface {
	Input() chan<- *ProducerMessage
}

type async struct{ in chan *ProducerMessage }

func (a async) Input() chan<- *ProducerMessage { return a.in }

func NewAsyncProducer(addrs []string) (AsyncProducer, error) { return async{}, nil }

type Client interface{}

func NewClient(addrs []string) (Client, error) { return client{}, nil }
