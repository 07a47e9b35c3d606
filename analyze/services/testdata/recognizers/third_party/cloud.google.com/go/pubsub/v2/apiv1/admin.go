// Package pubsub stands in for pubsub v2's admin clients (apiv1).
package pubsub

import (
	"context"

	"cloud.google.com/go/pubsub/v2/apiv1/pubsubpb"
)

type SubscriptionAdminClient struct{}

func (c *SubscriptionAdminClient) CreateSubscription(ctx context.Context, req *pubsubpb.Subscription) (*pubsubpb.Subscription, error) {
	return req, nil
}
