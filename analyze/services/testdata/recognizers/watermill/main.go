// Command watermill publishes, subscribes and routes with watermill.
package main

import (
	"context"

	wamqp "github.com/ThreeDotsLabs/watermill-amqp/pkg/amqp"
	wgcp "github.com/ThreeDotsLabs/watermill-googlecloud/pkg/googlecloud"
	whttp "github.com/ThreeDotsLabs/watermill-http/pkg/http"
	wkafka "github.com/ThreeDotsLabs/watermill-kafka/pkg/kafka"
	wnats "github.com/ThreeDotsLabs/watermill-nats/pkg/nats"
	wredis "github.com/ThreeDotsLabs/watermill-redisstream/pkg/redisstream"
	wsql "github.com/ThreeDotsLabs/watermill-sql/pkg/sql"
	"github.com/ThreeDotsLabs/watermill/components/cqrs"
	"github.com/ThreeDotsLabs/watermill/message"
)

func relay(m *message.Message) ([]*message.Message, error) { return nil, nil }

func sink(m *message.Message) error { return nil }

func main() {
	var pub message.Publisher
	var sub message.Subscriber
	pub.Publish("reviews")                        // want "publish watermill reviews"
	sub.Subscribe(context.Background(), "orders") // want "consume watermill orders"

	r, _ := message.NewRouter()
	r.AddHandler("relay", "in", sub, "out", pub, relay)   // want "consume watermill in" "publish watermill out"
	r.AddNoPublisherHandler("audit", "audits", sub, sink) // want "consume watermill audits"
	r.AddConsumerHandler("mail", "emails", sub, sink)     // want "consume watermill emails"

	// Each backend's publisher and subscriber called as themselves.
	ctx := context.Background()
	var kp wkafka.Publisher
	kp.Publish("k.out") // want "publish watermill k.out"
	var ks wkafka.Subscriber
	ks.Subscribe(ctx, "k.in") // want "consume watermill k.in"
	var ap wamqp.Publisher
	ap.Publish("a.out") // want "publish watermill a.out"
	var as wamqp.Subscriber
	as.Subscribe(ctx, "a.in") // want "consume watermill a.in"
	var np wnats.Publisher
	np.Publish("n.out") // want "publish watermill n.out"
	var ns wnats.Subscriber
	ns.Subscribe(ctx, "n.in") // want "consume watermill n.in"
	var rp wredis.Publisher
	rp.Publish("r.out") // want "publish watermill r.out"
	var rs wredis.Subscriber
	rs.Subscribe(ctx, "r.in") // want "consume watermill r.in"
	var gp wgcp.Publisher
	gp.Publish("g.out") // want "publish watermill g.out"
	var gs wgcp.Subscriber
	gs.Subscribe(ctx, "g.in") // want "consume watermill g.in"
	var sp wsql.Publisher
	sp.Publish("s.out") // want "publish watermill s.out" "store sql table watermill_s.out"
	var ss wsql.Subscriber
	ss.Subscribe(ctx, "s.in") // want "consume watermill s.in" "store sql table watermill_s.in"

	// watermill-http's publisher POSTs to the URL it is given as topic;
	// another's topic may be a URL too (an SQS queue's), still a topic.
	hooks, _ := whttp.NewPublisher(whttp.PublisherConfig{})
	var hook message.Publisher = hooks
	hook.Publish("http://hooks:8001/orders")                                   // want "call http POST http://hooks:8001/orders"
	r.AddHandler("hook", "paid", sub, "https://hooks:8001/paid", hooks, relay) // want "consume watermill paid" "call http POST https://hooks:8001/paid"
	pub.Publish("https://sqs.example.com/1/orders")                            // want "publish watermill https://sqs.example.com/1/orders"

	// A handler's transaction takes SQL.
	tx, _ := wsql.TxFromContext(ctx)
	tx.ExecContext(ctx, "UPDATE counter SET value = value + 1") // want "store sql table counter"
	tx.QueryContext(ctx, "SELECT value FROM counter")           // want "store sql table counter"
	var ex wsql.ContextExecutor
	ex.ExecContext(ctx, "DELETE FROM totals")        // want "store sql table totals"
	ex.QueryContext(ctx, "SELECT value FROM totals") // want "store sql table totals"
	var b wsql.Beginner
	b.ExecContext(ctx, "INSERT INTO audit (n) VALUES (1)") // want "store sql table audit"
	b.QueryContext(ctx, "SELECT n FROM audit")             // want "store sql table audit"

	// watermill-sql keeps each topic in a table of its own, and a default
	// offsets adapter the subscriber's offsets in another.
	counted, _ := wsql.NewSubscriber(b, wsql.SubscriberConfig{SchemaAdapter: wsql.DefaultMySQLSchema{}, OffsetsAdapter: wsql.DefaultMySQLOffsetsAdapter{}})
	r.AddConsumerHandler("count", "counter", counted, sink) // want "consume watermill counter" "store sql table watermill_counter" "store sql table watermill_offsets_counter"
	queued, _ := wsql.NewSubscriber(b, wsql.SubscriberConfig{SchemaAdapter: wsql.DefaultMySQLSchema{}, OffsetsAdapter: wsql.PostgreSQLQueueOffsetsAdapter{}})
	queued.Subscribe(ctx, "jobs") // want "consume watermill jobs" "store sql table watermill_jobs"
	sqlPub, _ := wsql.NewPublisher(b, wsql.PublisherConfig{SchemaAdapter: wsql.DefaultMySQLSchema{}})
	var asPub message.Publisher = sqlPub
	asPub.Publish("events") // want "publish watermill events" "store sql table watermill_events"
	named, _ := wsql.NewPublisher(b, wsql.PublisherConfig{SchemaAdapter: wsql.DefaultMySQLSchema{GenerateMessagesTableName: func(t string) string { return "q_" + t }}})
	named.Publish("renamed") // want "publish watermill renamed"

	// watermill's CQRS buses and processors: the topic their function
	// returns.
	eb, _ := cqrs.NewEventBusWithConfig(pub, cqrs.EventBusConfig{
		GeneratePublishTopic: func(cqrs.GenerateEventPublishTopicParams) (string, error) { return "events.all", nil },
	})
	eb.Publish(ctx, struct{}{}) // want "publish watermill events.all"
	old, _ := cqrs.NewEventBus(pub, func(string) string { return "events.old" }, nil)
	old.Publish(ctx, struct{}{}) // want "publish watermill events.old"
	cb, _ := cqrs.NewCommandBusWithConfig(pub, cqrs.CommandBusConfig{
		GeneratePublishTopic: func(cqrs.CommandBusGeneratePublishTopicParams) (string, error) { return "commands", nil },
	})
	cb.Send(ctx, struct{}{})                                                                 // want "publish watermill commands"
	cb.SendWithModifiedMessage(ctx, struct{}{}, func(*message.Message) error { return nil }) // want "publish watermill commands"
	ep, _ := cqrs.NewEventProcessorWithConfig(r, cqrs.EventProcessorConfig{
		GenerateSubscribeTopic: func(cqrs.EventProcessorGenerateSubscribeTopicParams) (string, error) { return "events.all", nil },
	})
	ep.AddHandlers()   // want "consume watermill events.all"
	ep.AddHandler(nil) // want "consume watermill events.all"
	oldEP, _ := cqrs.NewEventProcessor(nil, func(string) string { return "events.old" }, nil, nil, nil)
	oldEP.AddHandlersToRouter(r) // want "consume watermill events.old"
	gp2, _ := cqrs.NewEventGroupProcessorWithConfig(r, cqrs.EventGroupProcessorConfig{
		GenerateSubscribeTopic: func(cqrs.EventGroupProcessorGenerateSubscribeTopicParams) (string, error) {
			return "events.grouped", nil
		},
	})
	gp2.AddHandlersGroup("billing") // want "consume watermill events.grouped"
	cp, _ := cqrs.NewCommandProcessorWithConfig(r, cqrs.CommandProcessorConfig{
		GenerateSubscribeTopic: func(cqrs.CommandProcessorGenerateSubscribeTopicParams) (string, error) { return "commands", nil },
	})
	cp.AddHandlers()   // want "consume watermill commands"
	cp.AddHandler(nil) // want "consume watermill commands"
	oldCP, _ := cqrs.NewCommandProcessor(nil, func(string) string { return "commands.old" }, nil, nil, nil)
	oldCP.AddHandlersToRouter(r) // want "consume watermill commands.old"
}
