// Package redis is a stand-in with the API shape archie recognizes; it does nothing.
package redis

import "context"

type Options struct{ Addr string }
type Client struct{ opt *Options }

func NewClient(opt *Options) *Client { return &Client{opt} }

func (c *Client) Get(ctx context.Context, key string) string { return "" }
