// Command notifier sends emails for tasks and messages.
package main

import (
	"context"
	"os"

	"cloud.google.com/go/pubsub"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/hibiken/asynq"
	"github.com/labstack/echo/v4"
	amqp "github.com/rabbitmq/amqp091-go"
)

type memSubscriber struct{}

func (memSubscriber) Subscribe(ctx context.Context, topic string) (<-chan *message.Message, error) {
	return nil, nil
}

func main() {
	ctx := context.Background()
	conn, _ := amqp.Dial(os.Getenv("AMQP_URL"))
	ch, _ := conn.Channel()
	ch.Consume("emails", "notifier", true, false, false, false, nil)

	mux := asynq.NewServeMux()
	mux.HandleFunc("email:send", func(ctx context.Context, t *asynq.Task) error { return nil })

	ps, _ := pubsub.NewClient(ctx, "shop")
	ps.Subscription("review-added-sub").Receive(ctx, func(context.Context, *pubsub.Message) {})

	var sub message.Subscriber = memSubscriber{}
	sub.Subscribe(ctx, "review-added")

	e := echo.New()
	e.GET("/healthz", func(c echo.Context) error { return c.String(200, "ok") })
	e.Start(":8082")
}
