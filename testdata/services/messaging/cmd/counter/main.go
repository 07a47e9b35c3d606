// Command counter takes orders and sends each to the barista and the
// kitchen; it hears back from both.
package main

import (
	"context"
	"os"

	"example.com/messaging/bus"
	amqp "github.com/rabbitmq/amqp091-go"
)

func main() {
	conn, _ := amqp.Dial(os.Getenv("RABBITMQ_URL"))
	barista := bus.NewPublisher(conn).Configure(bus.Exchange("barista-exchange"), bus.Key("barista-key"))
	kitchen := bus.NewPublisher(conn)
	kitchen.Configure(bus.Exchange("kitchen-exchange"), bus.Key("kitchen-key"))
	ctx := context.Background()
	barista.Publish(ctx, []byte("latte"))
	kitchen.Publish(ctx, []byte("croissant"))

	c := bus.NewConsumer(conn, bus.FromExchange("counter-exchange"), bus.Queue("counter-queue"), bus.Binding("counter-key"))
	c.Start(func(amqp.Delivery) {})
}
