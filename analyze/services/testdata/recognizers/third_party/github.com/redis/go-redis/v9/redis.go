// Package redis stands in for redis/go-redis: the API shape archie
// recognizes, no behaviour. As in the library, the commands are methods
// of the unexported cmdable, which every client embeds; subscribing is a
// method of each client, and of the PubSub it returns.
package redis

import "context"

type Options struct{ Addr string }

type cmdable func(ctx context.Context, cmd any) error

type Client struct{ cmdable }

func NewClient(opt *Options) *Client { return &Client{} }

type ClusterOptions struct{ Addrs []string }

type ClusterClient struct{ cmdable }

func NewClusterClient(opt *ClusterOptions) *ClusterClient { return &ClusterClient{} }

type RingOptions struct{ Addrs map[string]string }

type Ring struct{ cmdable }

func NewRing(opt *RingOptions) *Ring { return &Ring{} }

type UniversalOptions struct{ Addrs []string }

func NewUniversalClient(opt *UniversalOptions) UniversalClient { return &Client{} }

type FailoverOptions struct {
	MasterName    string
	SentinelAddrs []string
}

func NewFailoverClient(opt *FailoverOptions) *Client { return &Client{} }

type XAddArgs struct {
	Stream string
	Values any
}

type XReadGroupArgs struct {
	Group    string
	Consumer string
	Streams  []string
}

type XReadArgs struct{ Streams []string }

func (c cmdable) Publish(ctx context.Context, channel string, message any) error  { return nil }
func (c cmdable) SPublish(ctx context.Context, channel string, message any) error { return nil }
func (c cmdable) XAdd(ctx context.Context, a *XAddArgs) error                     { return nil }
func (c cmdable) XReadGroup(ctx context.Context, a *XReadGroupArgs) error         { return nil }
func (c cmdable) XRead(ctx context.Context, a *XReadArgs) error                   { return nil }

// Commands on keys, under the parameter names go-redis gives them.
func (c cmdable) Get(ctx context.Context, key string) error                               { return nil }
func (c cmdable) Set(ctx context.Context, key string, value any, ttl int) error           { return nil }
func (c cmdable) HSet(ctx context.Context, key string, values ...any) error               { return nil }
func (c cmdable) Del(ctx context.Context, keys ...string) error                           { return nil }
func (c cmdable) Rename(ctx context.Context, key, newkey string) error                    { return nil }
func (c cmdable) SMove(ctx context.Context, source, destination string, member any) error { return nil }
func (c cmdable) Scan(ctx context.Context, cursor uint64, match string, count int64) error {
	return nil
}
func (c cmdable) HScan(ctx context.Context, key string, cursor uint64, match string, count int64) error {
	return nil
}
func (c cmdable) Eval(ctx context.Context, script string, keys []string, args ...any) error {
	return nil
}
func (c cmdable) MSet(ctx context.Context, values ...any) error { return nil }

// Do sends any command by name.
func (c *Client) Do(ctx context.Context, args ...any) error { return nil }

type PubSub struct{}

func (c *PubSub) Subscribe(ctx context.Context, channels ...string) error  { return nil }
func (c *PubSub) PSubscribe(ctx context.Context, patterns ...string) error { return nil }
func (c *PubSub) SSubscribe(ctx context.Context, channels ...string) error { return nil }

func (c *Client) Subscribe(ctx context.Context, channels ...string) *PubSub         { return &PubSub{} }
func (c *Client) PSubscribe(ctx context.Context, patterns ...string) *PubSub        { return &PubSub{} }
func (c *Client) SSubscribe(ctx context.Context, channels ...string) *PubSub        { return &PubSub{} }
func (c *ClusterClient) Subscribe(ctx context.Context, channels ...string) *PubSub  { return &PubSub{} }
func (c *ClusterClient) PSubscribe(ctx context.Context, patterns ...string) *PubSub { return &PubSub{} }
func (c *ClusterClient) SSubscribe(ctx context.Context, channels ...string) *PubSub { return &PubSub{} }
func (c *Ring) Subscribe(ctx context.Context, channels ...string) *PubSub           { return &PubSub{} }
func (c *Ring) PSubscribe(ctx context.Context, patterns ...string) *PubSub          { return &PubSub{} }
func (c *Ring) SSubscribe(ctx context.Context, channels ...string) *PubSub          { return &PubSub{} }

// Cmdable is the commands, as an interface.
type Cmdable interface {
	LPush(ctx context.Context, key string, values ...any) error
	RPush(ctx context.Context, key string, values ...any) error
	LPushX(ctx context.Context, key string, values ...any) error
	RPushX(ctx context.Context, key string, values ...any) error
	BLPop(ctx context.Context, timeout int, keys ...string) error
	BRPop(ctx context.Context, timeout int, keys ...string) error
	LPop(ctx context.Context, key string) error
	RPop(ctx context.Context, key string) error
	LPopCount(ctx context.Context, key string, count int) error
	RPopCount(ctx context.Context, key string, count int) error
	RPopLPush(ctx context.Context, source, destination string) error
	BRPopLPush(ctx context.Context, source, destination string, timeout int) error
	LMove(ctx context.Context, source, destination, srcpos, destpos string) error
	BLMove(ctx context.Context, source, destination, srcpos, destpos string, timeout int) error
	LRange(ctx context.Context, key string, start, stop int64) error
	LTrim(ctx context.Context, key string, start, stop int64) error
	Del(ctx context.Context, keys ...string) error
	Publish(ctx context.Context, channel string, message any) error
	SPublish(ctx context.Context, channel string, message any) error
	XAdd(ctx context.Context, a *XAddArgs) error
	XRead(ctx context.Context, a *XReadArgs) error
	XReadGroup(ctx context.Context, a *XReadGroupArgs) error
	Get(ctx context.Context, key string) error
	Set(ctx context.Context, key string, value any, ttl int) error
}

// UniversalClient is what a client, a cluster client or a ring are.
type UniversalClient interface {
	Cmdable
	Subscribe(ctx context.Context, channels ...string) *PubSub
	PSubscribe(ctx context.Context, patterns ...string) *PubSub
	SSubscribe(ctx context.Context, channels ...string) *PubSub
}

// Pipeliner queues commands: a pipeline or a transaction.
type Pipeliner interface {
	Cmdable
}

func (c *Client) Pipeline() Pipeliner { return nil }

// ParseURL reads options from a redis:// URL.
func ParseURL(url string) (*Options, error) { return &Options{}, nil }

// Lists.
func (c cmdable) LPush(ctx context.Context, key string, values ...any) error      { return nil }
func (c cmdable) RPush(ctx context.Context, key string, values ...any) error      { return nil }
func (c cmdable) LPushX(ctx context.Context, key string, values ...any) error     { return nil }
func (c cmdable) RPushX(ctx context.Context, key string, values ...any) error     { return nil }
func (c cmdable) BLPop(ctx context.Context, timeout int, keys ...string) error    { return nil }
func (c cmdable) BRPop(ctx context.Context, timeout int, keys ...string) error    { return nil }
func (c cmdable) LPop(ctx context.Context, key string) error                      { return nil }
func (c cmdable) RPop(ctx context.Context, key string) error                      { return nil }
func (c cmdable) LPopCount(ctx context.Context, key string, count int) error      { return nil }
func (c cmdable) RPopCount(ctx context.Context, key string, count int) error      { return nil }
func (c cmdable) RPopLPush(ctx context.Context, source, destination string) error { return nil }
func (c cmdable) BRPopLPush(ctx context.Context, source, destination string, timeout int) error {
	return nil
}
func (c cmdable) LMove(ctx context.Context, source, destination, srcpos, destpos string) error {
	return nil
}
func (c cmdable) BLMove(ctx context.Context, source, destination, srcpos, destpos string, timeout int) error {
	return nil
}
func (c cmdable) LRange(ctx context.Context, key string, start, stop int64) error { return nil }
func (c cmdable) LTrim(ctx context.Context, key string, start, stop int64) error  { return nil }

// Scripter runs scripts: a client.
type Scripter interface {
	Eval(ctx context.Context, script string, keys []string, args ...any) error
}

// Script is a Lua script, run by its hash.
type Script struct{ src string }

func NewScript(src string) *Script { return &Script{src: src} }

func (s *Script) Run(ctx context.Context, c Scripter, keys []string, args ...any) error {
	return c.Eval(ctx, s.src, keys, args...)
}
