// Package bus wraps RabbitMQ for every service. Its constructors set
// defaults that each service's main overrides with options.
package bus

import (
	"context"

	amqp "github.com/rabbitmq/amqp091-go"
)

type Publisher struct {
	exchange, key string
	ch            *amqp.Channel
}

type PublisherOption func(*Publisher)

func Exchange(name string) PublisherOption { return func(p *Publisher) { p.exchange = name } }
func Key(key string) PublisherOption       { return func(p *Publisher) { p.key = key } }

func NewPublisher(conn *amqp.Connection) *Publisher {
	ch, _ := conn.Channel()
	return &Publisher{exchange: "orders-exchange", key: "orders-key", ch: ch}
}

func (p *Publisher) Configure(opts ...PublisherOption) *Publisher {
	for _, o := range opts {
		o(p)
	}
	return p
}

func (p *Publisher) Publish(ctx context.Context, body []byte) error {
	return p.ch.PublishWithContext(ctx, p.exchange, p.key, false, false, amqp.Publishing{Body: body})
}
