// Package pub publishes to the subject its options give, orders.default
// unless one does.
package pub

import "github.com/nats-io/nats.go"

type Publisher struct {
	nc    *nats.Conn
	topic string
}

type Option func(*Publisher)

func WithTopic(t string) Option { return func(p *Publisher) { p.topic = t } }

func New(nc *nats.Conn, opts ...Option) *Publisher {
	p := &Publisher{nc: nc, topic: "orders.default"}
	for _, o := range opts {
		o(p)
	}
	return p
}

func (p *Publisher) Send() { p.nc.Publish(p.topic, nil) }
