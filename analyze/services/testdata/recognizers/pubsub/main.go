// Command pubsub publishes to a topic and receives from a subscription,
// named where the client makes them.
package main

import (
	"context"

	"cloud.google.com/go/pubsub"
	pubsubv2 "cloud.google.com/go/pubsub/v2"
	"cloud.google.com/go/pubsub/v2/apiv1/pubsubpb"
)

func main() {
	ctx := context.Background()
	client, _ := pubsub.NewClient(ctx, "shop")
	client.Topic("reviews").Publish(ctx, &pubsub.Message{})                                    // want "publish pubsub reviews"
	client.Subscription("reviews-sub").Receive(ctx, func(context.Context, *pubsub.Message) {}) // want "consume pubsub reviews-sub"
	// The subscription's topic: no fact of its own, it matches the two.
	client.CreateSubscription(ctx, "reviews-sub", pubsub.SubscriptionConfig{Topic: client.Topic("reviews")})

	// v2 publishes through a Publisher and receives through a Subscriber.
	c2, _ := pubsubv2.NewClient(ctx, "shop")
	pub := c2.Publisher("ratings")
	pub.Publish(ctx, &pubsubv2.Message{})                                                  // want "publish pubsub ratings"
	c2.Subscriber("ratings-sub").Receive(ctx, func(context.Context, *pubsubv2.Message) {}) // want "consume pubsub ratings-sub"
	// Full resource names name the IDs; the admin client's subscription
	// matches the two, with no fact of its own.
	c2.Publisher("projects/shop/topics/scores").Publish(ctx, &pubsubv2.Message{}) // want "publish pubsub scores"
	c2.SubscriptionAdminClient.CreateSubscription(ctx, &pubsubpb.Subscription{Name: "projects/shop/subscriptions/scores-sub", Topic: "projects/shop/topics/scores"})
}
