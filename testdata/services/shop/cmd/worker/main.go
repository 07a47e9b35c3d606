// Command worker runs batch jobs. It imports orders' own store package
// (for a type only) and opens the orders database server with a literal DSN.
package main

import (
	"context"

	"cloud.google.com/go/firestore"
	"cloud.google.com/go/pubsub"
	"example.com/shop/cmd/orders/store"
	"github.com/hibiken/asynq"
	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go"
	amqp "github.com/rabbitmq/amqp091-go"
)

func main() {
	ctx := context.Background()
	var last *store.Store
	_ = last

	conn, _ := pgx.Connect(ctx, "postgres://worker@db:5432/shop")
	conn.Exec(ctx, "UPDATE jobs SET done = true WHERE id = $1", 1)

	tasks := asynq.NewClient(asynq.RedisClientOpt{Addr: "cache:6379"})
	tasks.Enqueue(asynq.NewTask("email:send", nil))

	mq, _ := amqp.Dial("amqp://mq:5672")
	ch, _ := mq.Channel()
	ch.PublishWithContext(ctx, "", "emails", false, false, amqp.Publishing{})

	fs, _ := firestore.NewClient(ctx, "shop")
	fs.Collection("audit").Doc("last-run")

	nc, _ := nats.Connect("nats://nats:4222")
	nc.Publish("refunds", nil)

	ps, _ := pubsub.NewClient(ctx, "shop")
	ps.Topic("review-added").Publish(ctx, &pubsub.Message{})
}
