package bus

import (
	amqp "github.com/rabbitmq/amqp091-go"
)

type Consumer struct {
	exchange, queue, key string
	conn                 *amqp.Connection
}

type ConsumerOption func(*Consumer)

func FromExchange(name string) ConsumerOption { return func(c *Consumer) { c.exchange = name } }
func Queue(name string) ConsumerOption        { return func(c *Consumer) { c.queue = name } }
func Binding(key string) ConsumerOption       { return func(c *Consumer) { c.key = key } }

func NewConsumer(conn *amqp.Connection, opts ...ConsumerOption) *Consumer {
	c := &Consumer{exchange: "orders-exchange", queue: "orders-queue", key: "orders-key", conn: conn}
	for _, o := range opts {
		o(c)
	}
	return c
}

func (c *Consumer) Start(handle func(amqp.Delivery)) error {
	ch, err := c.conn.Channel()
	if err != nil {
		return err
	}
	if err := ch.ExchangeDeclare(c.exchange, "direct", true, false, false, false, nil); err != nil {
		return err
	}
	q, err := ch.QueueDeclare(c.queue, true, false, false, false, nil)
	if err != nil {
		return err
	}
	if err := ch.QueueBind(q.Name, c.key, c.exchange, false, nil); err != nil {
		return err
	}
	deliveries, err := ch.Consume(q.Name, "", false, false, false, false, nil)
	if err != nil {
		return err
	}
	for d := range deliveries {
		handle(d)
	}
	return nil
}
