// Command dapr publishes and subscribes through the Dapr Go SDK: the
// topic a publish names, and a subscription's Topic.
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
	c.PublishEvent(context.Background(), "orderpubsub", "orders", []byte("{}")) // want "publish dapr orders"
	s := daprd.NewService(":6005")
	s.AddTopicEventHandler(sub, handle) // want "consume dapr orders"
	s.Start()
}
