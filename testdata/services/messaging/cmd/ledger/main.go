// Command ledger books every order the baristas and the kitchen finish.
package main

import (
	"context"
	"os"

	"example.com/messaging/bus"
	"example.com/messaging/ledger"
	"github.com/jackc/pgx/v5"
	amqp "github.com/rabbitmq/amqp091-go"
)

func main() {
	cfg, env, err := ledger.Load()
	if err != nil {
		panic(err)
	}
	db, _ := pgx.Connect(context.Background(), env.DatabaseURL)
	conn, _ := amqp.Dial(os.Getenv("RABBITMQ_URL"))
	c := bus.NewConsumer(conn, bus.FromExchange(cfg.Bus.Exchange), bus.Queue(cfg.Bus.Queue), bus.Binding(cfg.Bus.Key))
	c.Start(func(amqp.Delivery) {
		db.Exec(context.Background(), "INSERT INTO entries (amount) VALUES ($1)", 1)
	})
}
