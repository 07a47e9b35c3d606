// Package pubsub is a stand-in with the API shape archie recognizes; it does nothing.
package pubsub

import "context"

type Message struct{ Data []byte }
type PublishResult struct{}
type Client struct{ project string }

func NewClient(ctx context.Context, projectID string) (*Client, error) {
	return &Client{projectID}, nil
}

type Topic struct{ id string }

func (c *Client) Topic(id string) *Topic { return &Topic{id} }

func (t *Topic) Publish(ctx context.Context, msg *Message) *PublishResult { return &PublishResult{} }

type Subscription struct{ id string }

func (c *Client) Subscription(id string) *Subscription { return &Subscription{id} }

func (s *Subscription) Receive(ctx context.Context, f func(context.Context, *Message)) error {
	return nil
}
