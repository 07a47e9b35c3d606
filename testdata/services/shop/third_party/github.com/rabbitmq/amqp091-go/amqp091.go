// Package amqp091 is a stand-in with the API shape archie recognizes; it does nothing.
package amqp091

import "context"

type Table map[string]any
type Publishing struct{ Body []byte }
type Delivery struct{ Body []byte }

type Connection struct{}

func Dial(url string) (*Connection, error) { return &Connection{}, nil }

func (c *Connection) Channel() (*Channel, error) { return &Channel{}, nil }

type Channel struct{}

func (ch *Channel) PublishWithContext(ctx context.Context, exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}

func (ch *Channel) Consume(queue, consumer string, autoAck, exclusive, noLocal, noWait bool, args Table) (<-chan Delivery, error) {
	return make(chan Delivery), nil
}
