// Command azure sends and receives with Azure Service Bus and Event Hubs.
package main

import (
	"context"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs"
	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus"
)

func main() {
	ctx := context.Background()
	c, _ := azservicebus.NewClientFromConnectionString("Endpoint=sb://shop.servicebus.windows.net/", nil)
	orders, _ := c.NewSender("orders", nil)
	orders.SendMessage(ctx, &azservicebus.Message{}, nil)                           // want "publish servicebus orders"
	orders.SendMessageBatch(ctx, &azservicebus.MessageBatch{}, nil)                 // want "publish servicebus orders"
	orders.ScheduleMessages(ctx, nil, time.Now(), nil)                              // want "publish servicebus orders"
	orders.SendAMQPAnnotatedMessage(ctx, &azservicebus.AMQPAnnotatedMessage{}, nil) // want "publish servicebus orders"
	q, _ := c.NewReceiverForQueue("refunds", nil)
	q.ReceiveMessages(ctx, 10, nil) // want "consume servicebus refunds"
	sub, _ := c.NewReceiverForSubscription("orders", "billing", nil)
	sub.PeekMessages(ctx, 10, nil) // want "consume servicebus orders"

	p, _ := azeventhubs.NewProducerClientFromConnectionString("Endpoint=sb://shop/", "clicks", nil)
	p.SendEventDataBatch(ctx, &azeventhubs.EventDataBatch{}, nil) // want "publish eventhubs clicks"
	p2, _ := azeventhubs.NewProducerClient("shop.servicebus.windows.net", "views", nil, nil)
	p2.SendEventDataBatch(ctx, &azeventhubs.EventDataBatch{}, nil) // want "publish eventhubs views"
	cc, _ := azeventhubs.NewConsumerClient("shop.servicebus.windows.net", "clicks", "$Default", nil, nil)
	cc.NewPartitionClient("0", nil) // want "consume eventhubs clicks"
	cc2, _ := azeventhubs.NewConsumerClientFromConnectionString("Endpoint=sb://shop/", "views", "$Default", nil)
	azeventhubs.NewProcessor(cc2, nil, nil) // want "consume eventhubs views"
}
