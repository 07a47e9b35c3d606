// Command barista makes what counter orders and says when it is done.
package main

import (
	"context"
	"os"

	"example.com/messaging/bus"
	"github.com/jackc/pgx/v5"
	amqp "github.com/rabbitmq/amqp091-go"
)

func main() {
	ctx := context.Background()
	db, _ := pgx.Connect(ctx, os.Getenv("DATABASE_URL"))
	conn, _ := amqp.Dial(os.Getenv("RABBITMQ_URL"))
	done := bus.NewPublisher(conn).Configure(bus.Exchange("counter-exchange"), bus.Key("counter-key"))
	c := bus.NewConsumer(conn, bus.FromExchange("barista-exchange"), bus.Queue("barista-queue"), bus.Binding("barista-key"))
	c.Start(func(d amqp.Delivery) {
		if _, err := db.Exec(ctx, "INSERT INTO barista_orders (id) VALUES ($1)", d.Body); err != nil {
			return
		}
		done.Publish(ctx, d.Body)
	})
}
