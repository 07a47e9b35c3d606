// Package saga sends a saga's commands, asking for the replies on the
// saga's own channel, and hears them there: generic code, where the saga
// is a Saga[T] that no type implements until T is known.
package saga

import (
	"example.com/replyto/msg"
	"github.com/nats-io/nats.go"
)

type Step[T any] func(T) error

type Saga[T any] interface {
	ReplyTopic() string
	Steps() []Step[T]
}

type saga[T any] struct {
	replyTopic string
	steps      []Step[T]
}

func New[T any](replyTopic string) Saga[T] { return &saga[T]{replyTopic: replyTopic} }

func (s *saga[T]) ReplyTopic() string { return s.replyTopic }
func (s *saga[T]) Steps() []Step[T]   { return s.steps }

type Orchestrator[T any] interface {
	Send(subject string) error
	Listen()
}

type orchestrator[T any] struct {
	saga Saga[T]
	nc   *nats.Conn
}

func NewOrchestrator[T any](s Saga[T], nc *nats.Conn) Orchestrator[T] {
	return orchestrator[T]{saga: s, nc: nc}
}

func (o orchestrator[T]) Send(subject string) error {
	cmd := msg.Command{Name: "Charge", Meta: msg.Metadata{}}
	cmd.Meta.Set(msg.ReplyHdr, o.saga.ReplyTopic())
	cmd.Meta.Set(msg.TraceHdr, "not-a-subject")
	cmd.Meta.Set("topic", "orders.audit")
	return msg.Send(o.nc, subject, cmd)
}

// Listen hears the replies on the saga's channel.
func (o orchestrator[T]) Listen() {
	o.nc.Subscribe(o.saga.ReplyTopic(), func(*nats.Msg) {})
}
