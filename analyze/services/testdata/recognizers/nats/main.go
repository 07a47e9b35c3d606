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
	nc, _ := nats.Connect("nats://nats:4222")                      // want "broker nats nats://nats:4222"
	nc.Publish("orders.created", nil)                              // want "publish nats orders.created"
	nc.PublishMsg(&nats.Msg{Subject: "orders.updated"})            // want "publish nats orders.updated"
	nc.PublishMsg(nats.NewMsg("orders.made"))                      // want "publish nats orders.made"
	nc.PublishRequest("orders.quote", "inbox.1", nil)              // want "publish nats orders.quote"
	nc.RequestMsg(&nats.Msg{Subject: "prices.msg"}, time.Second)   // want "publish nats prices.msg"
	nc.RequestMsgWithContext(ctx, &nats.Msg{Subject: "stock.msg"}) // want "publish nats stock.msg"
	nc.SubscribeSync("refunds.sync")                               // want "consume nats refunds.sync"
	nc.QueueSubscribeSync("emails.sync", "workers")                // want "consume nats emails.sync"
	nc.ChanQueueSubscribe("audits.q", "g", make(chan *nats.Msg))   // want "consume nats audits.q"
	nc.Request("prices.get", nil, time.Second)                     // want "publish nats prices.get"
	nc.RequestWithContext(ctx, "stock.get", nil)                   // want "publish nats stock.get"
	nc.Subscribe("refunds", cb)                                    // want "consume nats refunds"
	nc.QueueSubscribe("emails", "workers", cb)                     // want "consume nats emails"
	nc.ChanSubscribe("audits", make(chan *nats.Msg))               // want "consume nats audits"

	// The deprecated encoded connection: values in, values out.
	ec, _ := nats.NewEncodedConn(nc, "json")
	ec.Publish("carts.saved", struct{}{})                    // want "publish nats carts.saved"
	ec.Request("carts.price", struct{}{}, nil, time.Second)  // want "publish nats carts.price"
	ec.BindSendChan("carts.chan", make(chan int))            // want "publish nats carts.chan"
	ec.Subscribe("carts.emptied", func(v *struct{}) {})      // want "consume nats carts.emptied"
	ec.QueueSubscribe("carts.q", "g", func(v *struct{}) {})  // want "consume nats carts.q"
	ec.BindRecvChan("carts.recv", make(chan int))            // want "consume nats carts.recv"
	ec.BindRecvQueueChan("carts.recvq", "g", make(chan int)) // want "consume nats carts.recvq"

	js, _ := nc.JetStream()
	js.Publish("events", nil)                             // want "publish nats events"
	js.PublishAsync("events.async", nil)                  // want "publish nats events.async"
	js.PublishMsg(&nats.Msg{Subject: "events.msg"})       // want "publish nats events.msg"
	js.PublishMsgAsync(&nats.Msg{Subject: "events.msg2"}) // want "publish nats events.msg2"
	made := nats.NewMsg("events.made")
	made.Header.Set("room", "1")
	js.PublishMsg(made)                                              // want "publish nats events.made"
	js.Subscribe("events.a", cb)                                     // want "consume nats events.a"
	js.QueueSubscribe("events.b", "q", cb)                           // want "consume nats events.b"
	js.SubscribeSync("events.sync")                                  // want "consume nats events.sync"
	js.QueueSubscribeSync("events.qsync", "q")                       // want "consume nats events.qsync"
	js.ChanSubscribe("events.chan", make(chan *nats.Msg))            // want "consume nats events.chan"
	js.ChanQueueSubscribe("events.qchan", "q", make(chan *nats.Msg)) // want "consume nats events.qchan"
	js.PullSubscribe("events.pull", "durable")                       // want "consume nats events.pull"

	// The same through the JetStream interface, as code that is handed
	// one holds it.
	var j nats.JetStream = js
	j.Publish("jobs", nil)                                        // want "publish nats jobs"
	j.PublishAsync("jobs.async", nil)                             // want "publish nats jobs.async"
	j.PublishMsg(&nats.Msg{Subject: "jobs.msg"})                  // want "publish nats jobs.msg"
	j.PublishMsgAsync(&nats.Msg{Subject: "jobs.msg2"})            // want "publish nats jobs.msg2"
	j.Subscribe("jobs.a", cb)                                     // want "consume nats jobs.a"
	j.QueueSubscribe("jobs.b", "q", cb)                           // want "consume nats jobs.b"
	j.SubscribeSync("jobs.sync")                                  // want "consume nats jobs.sync"
	j.QueueSubscribeSync("jobs.qsync", "q")                       // want "consume nats jobs.qsync"
	j.ChanSubscribe("jobs.chan", make(chan *nats.Msg))            // want "consume nats jobs.chan"
	j.ChanQueueSubscribe("jobs.qchan", "q", make(chan *nats.Msg)) // want "consume nats jobs.qchan"
	j.PullSubscribe("jobs.pull", "durable")                       // want "consume nats jobs.pull"

	j2, _ := jetstream.New(nc)
	j2.Publish(ctx, "events.c", nil)                                                                                       // want "publish nats events.c"
	j2.PublishMsg(ctx, &nats.Msg{Subject: "events.d"})                                                                     // want "publish nats events.d"
	j2.PublishAsync("events.e", nil)                                                                                       // want "publish nats events.e"
	j2.PublishMsgAsync(&nats.Msg{Subject: "events.f"})                                                                     // want "publish nats events.f"
	j2.PublishMsg(ctx, nats.NewMsg("events.made2"))                                                                        // want "publish nats events.made2"
	cons, _ := j2.CreateOrUpdateConsumer(ctx, "EVENTS", jetstream.ConsumerConfig{Durable: "d", FilterSubject: "events.g"}) // want "consume nats events.g"
	cons.Consume(func(msg any) {})
	st, _ := j2.Stream(ctx, "EVENTS")
	st.CreateConsumer(ctx, jetstream.ConsumerConfig{FilterSubjects: []string{"events.h", "events.i"}}) // want "consume nats events.h" "consume nats events.i"
	j2.CreateConsumer(ctx, "EVENTS", jetstream.ConsumerConfig{FilterSubject: "events.j"})              // want "consume nats events.j"
	st.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{FilterSubject: "events.k"})                // want "consume nats events.k"
	// A config filled in elsewhere holds what any of its type was given;
	// one handed on as written holds what it says (events.h and .i above
	// are not events.g).
	cfg := jetstream.ConsumerConfig{Durable: "late"}
	fill(&cfg)
	st.CreateConsumer(ctx, cfg) // want "consume nats events.g" "consume nats events.j" "consume nats events.k" "consume nats events.late"
}

func fill(cfg *jetstream.ConsumerConfig) { cfg.FilterSubject = "events.late" }
