// Package pubsub stands in for Cloud Pub/Sub: the API shape archie recognizes, no behaviour.
package pubsub

import "context"

type Client struct{}

type Message struct{ Data []byte }

type PublishResult struct{}

type Topic struct{}

type Subscription struct{}

func NewClient(ctx context.Context, projectID string) (*Client, error) { return &Client{}, nil }

func (c *Client) Topic(id string) *Topic               { return &Topic{} }
func (c *Client) Subscription(id string) *Subscription { return &Subscription{} }

func (t *Topic) Publish(ctx context.Context, msg *Message) *PublishResult { return nil }

func (s *Subscription) Receive(ctx context.Context, f func(context.Context, *Message)) error {
	return nil
}

type SubscriptionConfig struct{ Topic *Topic }

func (c *Client) CreateSubscription(ctx context.Context, id string, cfg SubscriptionConfig) (*Subscription, error) {
	return &Subscription{}, nil
}
