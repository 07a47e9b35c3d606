// Package kgo stands in for github.com/twmb/franz-go/pkg/kgo: the API
// shape archie recognizes, with no behaviour.
package kgo

import "context"

type Record struct {
	Topic string
	Value []byte
}

type Opt interface{ apply() }

type opt struct{}

func (opt) apply() {}

func SeedBrokers(seeds ...string) Opt      { return opt{} }
func ConsumeTopics(topics ...string) Opt   { return opt{} }
func DefaultProduceTopic(topic string) Opt { return opt{} }
func ConsumerGroup(group string) Opt       { return opt{} }

type Client struct{}

func NewClient(opts ...Opt) (*Client, error) { return &Client{}, nil }

func (c *Client) Produce(ctx context.Context, r *Record, promise func(*Record, error))    {}
func (c *Client) TryProduce(ctx context.Context, r *Record, promise func(*Record, error)) {}

type ProduceResults []struct{}

func (c *Client) ProduceSync(ctx context.Context, rs ...*Record) ProduceResults { return nil }

type Fetches struct{}

func (c *Client) PollFetches(ctx context.Context) Fetches { return Fetches{} }
