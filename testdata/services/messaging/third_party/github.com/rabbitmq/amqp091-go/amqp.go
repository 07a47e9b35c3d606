// Package amqp091 is a stand-in with the API shape archie recognizes; it does nothing.
package amqp091

import "context"

type Table map[string]any
type Publishing struct{ Body []byte }
type Delivery struct{ Body []byte }
type Queue struct{ Name string }

type Connection struct{}

func Dial(url string) (*Connection, error) { return &Connection{}, nil }

func (c *Connection) Channel() (*Channel, error) { return &Channel{}, nil }

type Channel struct{}

func (ch *Channel) ExchangeDeclare(name, kind string, durable, autoDelete, internal, noWait bool, args Table) error {
	return nil
}

func (ch *Channel) QueueDeclare(name string, durable, autoDelete, exclusive, noWait bool, args Table) (Queue, error) {
	return Queue{Name: name}, nil
}

func (ch *Channel) QueueBind(name, key, exchange string, noWait bool, args Table) error { return nil }

func (ch *Channel) PublishWithContext(ctx context.Context, exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}

func (ch *Channel) Consume(queue, consumer string, autoAck, exclusive, noLocal, noWait bool, args Table) (<-chan Delivery, error) {
	return make(chan Delivery), nil
}
