// Package amqp091 stands in for rabbitmq/amqp091-go: the API shape archie recognizes, no behaviour.
package amqp091

import "context"

type Publishing struct{ Body []byte }

type Delivery struct{}

type Channel struct{}

type Connection struct{}

func (c *Connection) Channel() (*Channel, error) { return &Channel{}, nil }

type Config struct{ Vhost string }

func Dial(url string) (*Connection, error)                      { return &Connection{}, nil }
func DialConfig(url string, config Config) (*Connection, error) { return &Connection{}, nil }

func (ch *Channel) Publish(exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}

func (ch *Channel) Consume(queue, consumer string, autoAck, exclusive, noLocal, noWait bool, args any) (<-chan Delivery, error) {
	return nil, nil
}

func (ch *Channel) PublishWithContext(ctx context.Context, exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}

type Queue struct{ Name string }

func (ch *Channel) QueueDeclare(name string, durable, autoDelete, exclusive, noWait bool, args any) (Queue, error) {
	return Queue{Name: name}, nil
}

func (ch *Channel) QueueBind(name, key, exchange string, noWait bool, args any) error { return nil }

type DeferredConfirmation struct{}

func (ch *Channel) PublishWithDeferredConfirm(exchange, key string, mandatory, immediate bool, msg Publishing) (*DeferredConfirmation, error) {
	return nil, nil
}

func (ch *Channel) PublishWithDeferredConfirmWithContext(ctx context.Context, exchange, key string, mandatory, immediate bool, msg Publishing) (*DeferredConfirmation, error) {
	return nil, nil
}

func (ch *Channel) ConsumeWithContext(ctx context.Context, queue, consumer string, autoAck, exclusive, noLocal, noWait bool, args any) (<-chan Delivery, error) {
	return nil, nil
}
