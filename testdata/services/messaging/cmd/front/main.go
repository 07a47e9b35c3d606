// Command front takes orders over HTTP. Neither of its routes writes and
// then publishes: one writes, one publishes, and one publishes first (its
// write is idempotent on redelivery). main registers them all in one
// place, which runs none of them: no dual write.
package main

import (
	"context"
	"net/http"
	"os"

	"example.com/messaging/bus"
	"github.com/jackc/pgx/v5"
	amqp "github.com/rabbitmq/amqp091-go"
)

var (
	db  *pgx.Conn
	pub *bus.Publisher
)

type handlers struct{}

func (handlers) order(w http.ResponseWriter, r *http.Request) {
	db.Exec(r.Context(), "INSERT INTO front_orders (id) VALUES (1)")
}

func notify(w http.ResponseWriter, r *http.Request) {
	pub.Publish(r.Context(), []byte("ping"))
}

func publishFirst(w http.ResponseWriter, r *http.Request) {
	pub.Publish(r.Context(), []byte("placed"))
	db.Exec(r.Context(), "INSERT INTO front_orders (id) VALUES (2) ON CONFLICT DO NOTHING")
}

func main() {
	ctx := context.Background()
	db, _ = pgx.Connect(ctx, os.Getenv("DATABASE_URL"))
	conn, _ := amqp.Dial(os.Getenv("RABBITMQ_URL"))
	pub = bus.NewPublisher(conn).Configure(bus.Exchange("front-exchange"), bus.Key("front-key"))
	routes()
	wire()
	// Announced once the routes are registered and the start-up work is
	// queued: registering what writes runs no write.
	pub.Publish(ctx, []byte("front up"))
	http.ListenAndServe(":8080", nil)
}

func routes() {
	var hs handlers
	http.HandleFunc("/orders", hs.order)
	http.HandleFunc("/notify", notify)
	http.HandleFunc("/placed", publishFirst)
}

// onStart is work queued to run when the server starts, as a container
// keeps its providers.
var onStart []func()

func later(f func()) { onStart = append(onStart, f) }

func wire() {
	later(func() { db.Exec(context.Background(), "INSERT INTO front_orders (id) VALUES (0)") })
}
