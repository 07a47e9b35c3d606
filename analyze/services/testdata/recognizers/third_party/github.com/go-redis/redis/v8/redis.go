// Package redis stands in for go-redis/redis: the API shape archie recognizes, no behaviour.
package redis

type Options struct{ Addr string }

type Client struct{}

func NewClient(opt *Options) *Client { return &Client{} }
