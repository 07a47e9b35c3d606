// Package redis stands in for go-redis/redis: the API shape archie
// recognizes, no behaviour; the commands are cmdable's, as in v9.
package redis

import "context"

type Options struct{ Addr string }

type cmdable func(ctx context.Context, cmd any) error

type Client struct{ cmdable }

func NewClient(opt *Options) *Client { return &Client{} }

type ClusterOptions struct{ Addrs []string }

type ClusterClient struct{ cmdable }

func NewClusterClient(opt *ClusterOptions) *ClusterClient { return &ClusterClient{} }

type UniversalOptions struct{ Addrs []string }

func NewUniversalClient(opt *UniversalOptions) UniversalClient { return &Client{} }

type XAddArgs struct{ Stream string }

type XReadArgs struct{ Streams []string }

type XReadGroupArgs struct {
	Group   string
	Streams []string
}

func (c cmdable) Publish(ctx context.Context, channel string, message any) error { return nil }
func (c cmdable) XAdd(ctx context.Context, a *XAddArgs) error                    { return nil }
func (c cmdable) XRead(ctx context.Context, a *XReadArgs) error                  { return nil }
func (c cmdable) XReadGroup(ctx context.Context, a *XReadGroupArgs) error        { return nil }

type PubSub struct{}

func (c *PubSub) Subscribe(ctx context.Context, channels ...string) error  { return nil }
func (c *PubSub) PSubscribe(ctx context.Context, patterns ...string) error { return nil }

func (c *Client) Subscribe(ctx context.Context, channels ...string) *PubSub         { return &PubSub{} }
func (c *Client) PSubscribe(ctx context.Context, patterns ...string) *PubSub        { return &PubSub{} }
func (c *ClusterClient) Subscribe(ctx context.Context, channels ...string) *PubSub  { return &PubSub{} }
func (c *ClusterClient) PSubscribe(ctx context.Context, patterns ...string) *PubSub { return &PubSub{} }

type Cmdable interface {
	Publish(ctx context.Context, channel string, message any) error
	XAdd(ctx context.Context, a *XAddArgs) error
	XRead(ctx context.Context, a *XReadArgs) error
	XReadGroup(ctx context.Context, a *XReadGroupArgs) error
}

type UniversalClient interface {
	Cmdable
	Subscribe(ctx context.Context, channels ...string) *PubSub
	PSubscribe(ctx context.Context, patterns ...string) *PubSub
}

type Pipeliner interface {
	Cmdable
}

func (c *Client) Pipeline() Pipeliner { return nil }

type RingOptions struct{ Addrs map[string]string }

type Ring struct{ cmdable }

func NewRing(opt *RingOptions) *Ring { return &Ring{} }

func (c *Ring) Subscribe(ctx context.Context, channels ...string) *PubSub  { return &PubSub{} }
func (c *Ring) PSubscribe(ctx context.Context, patterns ...string) *PubSub { return &PubSub{} }

// ParseURL reads options from a redis:// URL.
func ParseURL(url string) (*Options, error) { return &Options{}, nil }
