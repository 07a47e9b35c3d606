// Command amqp publishes to exchanges and consumes queues with both AMQP
// clients.
package main

import (
	"context"
	"os"

	amqp "github.com/rabbitmq/amqp091-go"
	streadway "github.com/streadway/amqp"
)

func main() {
	ctx := context.Background()
	conn, _ := amqp.Dial("amqp://guest:guest@rabbitmq:5672/") // want "broker amqp amqp://guest:guest@rabbitmq:5672/"
	conn.Channel()
	amqp.DialConfig(os.Getenv("AMQP_URL"), amqp.Config{})          // want "broker amqp ${AMQP_URL}"
	streadway.Dial("amqp://rabbit:5672")                           // want "broker amqp amqp://rabbit:5672"
	streadway.DialConfig("amqp://rabbit:5672", streadway.Config{}) // want "broker amqp amqp://rabbit:5672"
	var ch *amqp.Channel
	ch.Publish("shop", "orders.created", false, false, amqp.Publishing{})                                 // want "publish amqp shop/orders.created"
	ch.PublishWithContext(ctx, "", "emails", false, false, amqp.Publishing{})                             // want "publish amqp emails"
	ch.Consume("emails", "", true, false, false, false, nil)                                              // want "consume amqp emails"
	ch.PublishWithDeferredConfirm("shop", "orders.paid", false, false, amqp.Publishing{})                 // want "publish amqp shop/orders.paid"
	ch.PublishWithDeferredConfirmWithContext(ctx, "shop", "orders.sent", false, false, amqp.Publishing{}) // want "publish amqp shop/orders.sent"
	ch.ConsumeWithContext(ctx, "receipts", "", true, false, false, false, nil)                            // want "consume amqp receipts"

	// A declared queue's name, and what it is bound to.
	q, _ := ch.QueueDeclare("audit", true, false, false, false, nil)
	ch.QueueBind(q.Name, "orders.*", "shop", false, nil)   // want "consume amqp shop/orders.*"
	ch.Consume(q.Name, "", true, false, false, false, nil) // want "consume amqp audit"

	var old *streadway.Channel
	old.Publish("", "invoices", false, false, streadway.Publishing{}) // want "publish amqp invoices"
	old.Consume("invoices", "", true, false, false, false, nil)       // want "consume amqp invoices"
	old.QueueBind("invoices", "#", "billing", false, nil)             // want "consume amqp billing/#"
}

// A queue a constructor declares, kept in the struct it returns and read
// back when publishing.
type payments struct {
	queue   streadway.Queue
	channel *streadway.Channel
}

func newPayments(ch *streadway.Channel) payments {
	q, _ := ch.QueueDeclare("orders-to-pay", true, false, false, false, nil)
	return payments{q, ch}
}

func (p payments) send() {
	p.channel.Publish("", p.queue.Name, false, false, streadway.Publishing{}) // want "publish amqp orders-to-pay"
}

func init() {
	var old *streadway.Channel
	newPayments(old).send()
}
