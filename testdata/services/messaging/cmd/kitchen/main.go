// Command kitchen makes what counter orders and says when it is done.
package main

import (
	"context"
	"flag"
	"net/http"
	"os"

	"example.com/messaging/bus"
	"github.com/jackc/pgx/v5"
	amqp "github.com/rabbitmq/amqp091-go"
)

func main() {
	// counter's URL: compose sets it. It is read in the closure below.
	counterURL := flag.String("counter-url", "http://counter:8080", "where counter answers")
	flag.Parse()
	ctx := context.Background()
	db, _ := pgx.Connect(ctx, os.Getenv("DATABASE_URL"))
	conn, _ := amqp.Dial(os.Getenv("RABBITMQ_URL"))
	done := bus.NewPublisher(conn).Configure(bus.Exchange("counter-exchange"), bus.Key("counter-key"))
	c := bus.NewConsumer(conn, bus.FromExchange("kitchen-exchange"), bus.Queue("kitchen-queue"), bus.Binding("kitchen-key"))
	c.Start(func(d amqp.Delivery) {
		// The event is written with the order, and a relay publishes it:
		// the outbox pattern, no dual write.
		tx, err := db.Begin(ctx)
		if err != nil {
			return
		}
		tx.Exec(ctx, "INSERT INTO kitchen_orders (id) VALUES ($1)", d.Body)
		tx.Exec(ctx, "INSERT INTO outbox (topic, body) VALUES ('counter', $1)", d.Body)
		tx.Commit(ctx)
		done.Publish(ctx, d.Body)
		http.Get(*counterURL + "/ready")
	})
}
