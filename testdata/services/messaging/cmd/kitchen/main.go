// Command kitchen makes what counter orders and says when it is done.
package main

import (
	"context"
	"os"

	"example.com/messaging/bus"
	amqp "github.com/rabbitmq/amqp091-go"
)

func main() {
	conn, _ := amqp.Dial(os.Getenv("RABBITMQ_URL"))
	done := bus.NewPublisher(conn).Configure(bus.Exchange("counter-exchange"), bus.Key("counter-key"))
	c := bus.NewConsumer(conn, bus.FromExchange("kitchen-exchange"), bus.Queue("kitchen-queue"), bus.Binding("kitchen-key"))
	c.Start(func(d amqp.Delivery) { done.Publish(context.Background(), d.Body) })
}
