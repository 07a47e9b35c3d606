// Command dapr publishes, subscribes and invokes services through the Dapr
// Go SDK: the topic a publish names, a subscription's Topic, and the app ID
// and method an invocation names.
package main

import (
	"context"

	dapr "github.com/dapr/go-sdk/client"
	"github.com/dapr/go-sdk/service/common"
	daprd "github.com/dapr/go-sdk/service/http"
)

var sub = &common.Subscription{PubsubName: "orderpubsub", Topic: "orders", Route: "/orders"}

func handle(ctx context.Context, e *common.TopicEvent) (bool, error) { return false, nil }

func main() {
	c, _ := dapr.NewClient()
	c.PublishEvent(context.Background(), "orderpubsub", "orders", []byte("{}"))                                              // want "publish dapr orders"
	c.InvokeMethod(context.Background(), "order-processor", "orders/1", "get")                                               // want "call http get http://order-processor/orders/1"
	c.InvokeMethodWithContent(context.Background(), "order-processor", "orders", "post", &dapr.DataContent{})                // want "call http post http://order-processor/orders"
	c.InvokeMethodWithCustomContent(context.Background(), "inventory", "stock", "put", "application/json", map[string]int{}) // want "call http put http://inventory/stock"
	s := daprd.NewService(":6005")
	s.AddTopicEventHandler(sub, handle) // want "consume dapr orders"
	s.Start()
}
