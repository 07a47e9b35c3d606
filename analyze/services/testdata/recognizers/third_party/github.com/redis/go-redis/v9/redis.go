// Package redis stands in for redis/go-redis: the API shape archie recognizes, no behaviour.
package redis

import "context"

type Options struct{ Addr string }

type Client struct{}

func NewClient(opt *Options) *Client { return &Client{} }

type XAddArgs struct {
	Stream string
	Values any
}

type XReadGroupArgs struct {
	Group    string
	Consumer string
	Streams  []string
}

type PubSub struct{}

func (c *Client) Publish(ctx context.Context, channel string, message any) error { return nil }
func (c *Client) Subscribe(ctx context.Context, channels ...string) *PubSub      { return &PubSub{} }
func (c *Client) PSubscribe(ctx context.Context, patterns ...string) *PubSub     { return &PubSub{} }
func (c *Client) XAdd(ctx context.Context, a *XAddArgs) error                    { return nil }
func (c *Client) XReadGroup(ctx context.Context, a *XReadGroupArgs) error        { return nil }

type XReadArgs struct{ Streams []string }

func (c *Client) XRead(ctx context.Context, a *XReadArgs) error { return nil }

// UniversalClient is what a client, a cluster client or a ring are.
type UniversalClient interface {
	Publish(ctx context.Context, channel string, message any) error
	Subscribe(ctx context.Context, channels ...string) *PubSub
	PSubscribe(ctx context.Context, patterns ...string) *PubSub
	XAdd(ctx context.Context, a *XAddArgs) error
	XRead(ctx context.Context, a *XReadArgs) error
	XReadGroup(ctx context.Context, a *XReadGroupArgs) error
}
