// Package kq stands in for go-queue's kq: the API shape archie recognizes, no behaviour.
package kq

import "context"

type KqConf struct {
	Brokers []string
	Topic   string
}

type Pusher struct{}

func NewPusher(addrs []string, topic string) *Pusher { return &Pusher{} }

type ConsumeHandler interface {
	Consume(ctx context.Context, key, value string) error
}

type MessageQueue interface{ Start() }

func MustNewQueue(c KqConf, handler ConsumeHandler) MessageQueue      { return nil }
func NewQueue(c KqConf, handler ConsumeHandler) (MessageQueue, error) { return nil, nil }

func (p *Pusher) Push(ctx context.Context, v string) error     { return nil }
func (p *Pusher) KPush(ctx context.Context, k, v string) error { return nil }
