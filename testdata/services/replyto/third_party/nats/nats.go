// Package nats is a stand-in for the NATS client: the calls archie reads.
package nats

type Conn struct{}

type Msg struct {
	Subject string
	Data    []byte
}

type MsgHandler func(*Msg)

type Subscription struct{}

func Connect(url string) (*Conn, error) { return &Conn{}, nil }

func (nc *Conn) Publish(subj string, data []byte) error { return nil }

func (nc *Conn) Subscribe(subj string, cb MsgHandler) (*Subscription, error) { return nil, nil }
