// Package nats stands in for nats.go: the API shape archie recognizes, no behaviour.
package nats

import (
	"context"
	"time"
)

type Msg struct {
	Subject string
	Header  Header
}

type Header map[string][]string

func (h Header) Set(k, v string) { h[k] = []string{v} }

// NewMsg makes a message of subject, as nats.go's does.
func NewMsg(subject string) *Msg { return &Msg{Subject: subject, Header: make(Header)} }

type MsgHandler func(*Msg)

type Subscription struct{}

type Conn struct{}

func Connect(url string) (*Conn, error) { return &Conn{}, nil }

func (nc *Conn) Publish(subj string, data []byte) error { return nil }
func (nc *Conn) PublishMsg(m *Msg) error                { return nil }
func (nc *Conn) PublishRequest(subj, reply string, data []byte) error {
	return nil
}
func (nc *Conn) RequestMsg(m *Msg, timeout time.Duration) (*Msg, error) { return nil, nil }
func (nc *Conn) RequestMsgWithContext(ctx context.Context, m *Msg) (*Msg, error) {
	return nil, nil
}
func (nc *Conn) SubscribeSync(subj string) (*Subscription, error) { return nil, nil }
func (nc *Conn) QueueSubscribeSync(subj, queue string) (*Subscription, error) {
	return nil, nil
}
func (nc *Conn) ChanQueueSubscribe(subj, group string, ch chan *Msg) (*Subscription, error) {
	return nil, nil
}
func (nc *Conn) Request(subj string, data []byte, timeout time.Duration) (*Msg, error) {
	return nil, nil
}
func (nc *Conn) RequestWithContext(ctx context.Context, subj string, data []byte) (*Msg, error) {
	return nil, nil
}
func (nc *Conn) Subscribe(subj string, cb MsgHandler) (*Subscription, error) { return nil, nil }
func (nc *Conn) QueueSubscribe(subj, queue string, cb MsgHandler) (*Subscription, error) {
	return nil, nil
}
func (nc *Conn) ChanSubscribe(subj string, ch chan *Msg) (*Subscription, error) { return nil, nil }

// JetStreamContext is, as in the library, the JetStream interface and
// the management ones; code holds either.
type JetStreamContext interface {
	JetStream
}

type JetStream interface {
	Publish(subj string, data []byte) (any, error)
	PublishAsync(subj string, data []byte) (any, error)
	PublishMsg(m *Msg) (any, error)
	PublishMsgAsync(m *Msg) (any, error)
	Subscribe(subj string, cb MsgHandler) (*Subscription, error)
	QueueSubscribe(subj, queue string, cb MsgHandler) (*Subscription, error)
	PullSubscribe(subj, durable string) (*Subscription, error)
	SubscribeSync(subj string) (*Subscription, error)
	QueueSubscribeSync(subj, queue string) (*Subscription, error)
	ChanSubscribe(subj string, ch chan *Msg) (*Subscription, error)
	ChanQueueSubscribe(subj, queue string, ch chan *Msg) (*Subscription, error)
}

func (nc *Conn) JetStream() (JetStreamContext, error) { return nil, nil }

// EncodedConn is nats.go's deprecated connection that encodes values.
type EncodedConn struct{ Conn *Conn }

func NewEncodedConn(c *Conn, encType string) (*EncodedConn, error) { return &EncodedConn{Conn: c}, nil }

func (c *EncodedConn) Publish(subject string, v any) error { return nil }
func (c *EncodedConn) Request(subject string, v, vPtr any, timeout time.Duration) error {
	return nil
}
func (c *EncodedConn) Subscribe(subject string, cb any) (*Subscription, error) { return nil, nil }
func (c *EncodedConn) QueueSubscribe(subject, queue string, cb any) (*Subscription, error) {
	return nil, nil
}
func (c *EncodedConn) BindSendChan(subject string, channel any) error { return nil }
func (c *EncodedConn) BindRecvChan(subject string, channel any) (*Subscription, error) {
	return nil, nil
}
func (c *EncodedConn) BindRecvQueueChan(subject, queue string, channel any) (*Subscription, error) {
	return nil, nil
}
