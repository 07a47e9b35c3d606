// Command pubsub publishes to a topic and receives from a subscription,
// named where the client makes them.
package main

import (
	"context"

	"cloud.google.com/go/pubsub"
)

func main() {
	ctx := context.Background()
	client, _ := pubsub.NewClient(ctx, "shop")
	client.Topic("reviews").Publish(ctx, &pubsub.Message{})                                    // want "publish pubsub reviews"
	client.Subscription("reviews-sub").Receive(ctx, func(context.Context, *pubsub.Message) {}) // want "consume pubsub reviews-sub"
	// The subscription's topic: no fact of its own, it matches the two.
	client.CreateSubscription(ctx, "reviews-sub", pubsub.SubscriptionConfig{Topic: client.Topic("reviews")})
}
