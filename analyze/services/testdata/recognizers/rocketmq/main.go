// Command rocketmq sends messages made by NewMessage or written out, one
// at a time or several, and subscribes push and pull consumers.
package main

import (
	"context"
	"os"

	"github.com/apache/rocketmq-client-go/v2"
	"github.com/apache/rocketmq-client-go/v2/consumer"
	"github.com/apache/rocketmq-client-go/v2/primitive"
	"github.com/apache/rocketmq-client-go/v2/producer"
)

func main() {
	ctx := context.Background()
	p, _ := rocketmq.NewProducer(producer.WithNameServer([]string{"rmqnamesrv:9876"}), producer.WithGroupName("orders")) // want "broker rocketmq rmqnamesrv:9876"
	p.SendSync(ctx, primitive.NewMessage("order_created", []byte("{}")))                                                 // want "publish rocketmq order_created"
	msg := primitive.NewMessage(os.Getenv("PAY_TOPIC"), nil).WithTag("paid")
	p.SendOneWay(ctx, msg)                                                                        // want "publish rocketmq ${PAY_TOPIC}"
	p.SendAsync(ctx, nil, &primitive.Message{Topic: "audit"}, primitive.NewMessage("stock", nil)) // want "publish rocketmq audit" "publish rocketmq stock"
	var tp rocketmq.TransactionProducer
	tp.SendMessageInTransaction(ctx, primitive.NewMessage("order_tx", nil)) // want "publish rocketmq order_tx"

	c, _ := rocketmq.NewPushConsumer(consumer.WithNameServer([]string{"rmqnamesrv:9876"}), consumer.WithGroupName("billing"))                                                     // want "broker rocketmq rmqnamesrv:9876"
	c.Subscribe("order_created", consumer.MessageSelector{Type: consumer.TAG, Expression: "*"}, func(context.Context, ...*primitive.MessageExt) (consumer.ConsumeResult, error) { // want "consume rocketmq order_created"
		return consumer.ConsumeSuccess, nil
	})
	pc, _ := rocketmq.NewPullConsumer(consumer.WithNsResolver(primitive.NewPassthroughResolver([]string{"rmq-2:9876"}))) // want "broker rocketmq rmq-2:9876"
	pc.Subscribe("stock", consumer.MessageSelector{})                                                                    // want "consume rocketmq stock"
}
