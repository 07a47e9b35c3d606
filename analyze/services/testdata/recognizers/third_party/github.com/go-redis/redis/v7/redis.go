// Package redis stands in for go-redis/redis v7 (and v6): the commands
// take no context, so every argument sits one place earlier than in v8.
package redis

type Options struct{ Addr string }

type cmdable func(cmd any) error

type Client struct{ cmdable }

func NewClient(opt *Options) *Client { return &Client{} }

type XAddArgs struct{ Stream string }

type XReadArgs struct{ Streams []string }

func (c cmdable) Publish(channel string, message any) error { return nil }
func (c cmdable) XAdd(a *XAddArgs) error                    { return nil }
func (c cmdable) XRead(a *XReadArgs) error                  { return nil }
func (c cmdable) Get(key string) error                      { return nil }
func (c cmdable) RPush(key string, values ...any) error     { return nil }
func (c cmdable) BLPop(timeout int, keys ...string) error   { return nil }

type PubSub struct{}

func (c *Client) Subscribe(channels ...string) *PubSub { return &PubSub{} }
