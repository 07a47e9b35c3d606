// Package kq stands in for go-queue's Kafka pusher and queue: the API
// shape archie recognizes, no behaviour.
package kq

import "context"

// KqConf is a consumer's configuration, read from the service's YAML.
type KqConf struct {
	Brokers []string
	Group   string
	Topic   string
}

type Pusher struct{}

type PushOption func()

func NewPusher(addrs []string, topic string, opts ...PushOption) *Pusher { return &Pusher{} }

func (p *Pusher) Push(ctx context.Context, v string) error { return nil }

type ConsumeHandler interface {
	Consume(ctx context.Context, key, value string) error
}

type QueueOption func()

type MessageQueue interface {
	Start()
	Stop()
}

func MustNewQueue(c KqConf, handler ConsumeHandler, opts ...QueueOption) MessageQueue { return nil }
