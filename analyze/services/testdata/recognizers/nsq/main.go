// Command nsq publishes to NSQ topics and consumes one through a channel.
package main

import (
	"os"
	"time"

	"github.com/nsqio/go-nsq"
)

const topic = "user.created"

func main() {
	p, _ := nsq.NewProducer("nsqd:4150", nsq.NewConfig())           // want "broker nsq nsqd:4150"
	p.Publish(topic, nil)                                           // want "publish nsq user.created"
	p.PublishAsync("audit", nil, nil)                               // want "publish nsq audit"
	p.MultiPublish("batch", nil)                                    // want "publish nsq batch"
	p.MultiPublishAsync("batch.async", nil, nil)                    // want "publish nsq batch.async"
	p.DeferredPublish("reminder", time.Minute, nil)                 // want "publish nsq reminder"
	p.DeferredPublishAsync("reminder.async", time.Minute, nil, nil) // want "publish nsq reminder.async"

	c, _ := nsq.NewConsumer(topic, "email_welcome", nsq.NewConfig()) // want "consume nsq user.created"
	c.AddHandler(nsq.HandlerFunc(func(m *nsq.Message) error { return nil }))
	c.ConnectToNSQLookupd(os.Getenv("NSQ_LOOKUPD"))  // want "broker nsq ${NSQ_LOOKUPD}"
	c.ConnectToNSQD("nsqd:4150")                     // want "broker nsq nsqd:4150"
	c.ConnectToNSQDs([]string{"nsqd-1:4150"})        // want "broker nsq nsqd-1:4150"
	c.ConnectToNSQLookupds([]string{"lookupd:4161"}) // want "broker nsq lookupd:4161"
}
