// Package jetstream stands in for nats.go's jetstream: the API shape archie recognizes, no behaviour.
package jetstream

import (
	"context"

	"github.com/nats-io/nats.go"
)

type JetStream interface {
	Publish(ctx context.Context, subject string, payload []byte) (any, error)
	PublishMsg(ctx context.Context, msg *nats.Msg) (any, error)
	PublishAsync(subject string, payload []byte) (any, error)
	PublishMsgAsync(msg *nats.Msg) (any, error)
	CreateConsumer(ctx context.Context, stream string, cfg ConsumerConfig) (Consumer, error)
	CreateOrUpdateConsumer(ctx context.Context, stream string, cfg ConsumerConfig) (Consumer, error)
	Stream(ctx context.Context, stream string) (Stream, error)
}

type Stream interface {
	CreateConsumer(ctx context.Context, cfg ConsumerConfig) (Consumer, error)
	CreateOrUpdateConsumer(ctx context.Context, cfg ConsumerConfig) (Consumer, error)
}

type ConsumerConfig struct {
	Durable        string
	FilterSubject  string
	FilterSubjects []string
}

type Consumer interface {
	Consume(handler func(msg any)) (any, error)
}

func New(nc *nats.Conn) (JetStream, error) { return nil, nil }
