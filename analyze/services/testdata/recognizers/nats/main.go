// Command nats publishes, requests and subscribes with NATS, core and
// JetStream.
package main

import (
	"context"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func cb(m *nats.Msg) {}

func main() {
	ctx := context.Background()
	nc, _ := nats.Connect("nats://nats:4222")           // want "broker nats nats://nats:4222"
	nc.Publish("orders.created", nil)                   // want "publish nats orders.created"
	nc.PublishMsg(&nats.Msg{Subject: "orders.updated"}) // want "publish nats (topic not static)"
	nc.Request("prices.get", nil, time.Second)          // want "publish nats prices.get"
	nc.RequestWithContext(ctx, "stock.get", nil)        // want "publish nats stock.get"
	nc.Subscribe("refunds", cb)                         // want "consume nats refunds"
	nc.QueueSubscribe("emails", "workers", cb)          // want "consume nats emails"
	nc.ChanSubscribe("audits", make(chan *nats.Msg))    // want "consume nats audits"

	js, _ := nc.JetStream()
	js.Publish("events", nil)                             // want "publish nats events"
	js.PublishAsync("events.async", nil)                  // want "publish nats events.async"
	js.PublishMsg(&nats.Msg{Subject: "events.msg"})       // want "publish nats events.msg"
	js.PublishMsgAsync(&nats.Msg{Subject: "events.msg2"}) // want "publish nats events.msg2"
	js.Subscribe("events.a", cb)                          // want "consume nats events.a"
	js.QueueSubscribe("events.b", "q", cb)                // want "consume nats events.b"

	j2, _ := jetstream.New(nc)
	j2.Publish(ctx, "events.c", nil) // want "publish nats events.c"
}
