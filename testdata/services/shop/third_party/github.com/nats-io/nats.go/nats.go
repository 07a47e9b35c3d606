// Package nats is a stand-in with the API shape archie recognizes; it does nothing.
package nats

type Msg struct{ Data []byte }
type MsgHandler func(*Msg)
type Subscription struct{ Subject string }

type Conn struct{ url string }

func Connect(url string) (*Conn, error) { return &Conn{url}, nil }

func (c *Conn) Publish(subj string, data []byte) error { return nil }

func (c *Conn) Subscribe(subj string, cb MsgHandler) (*Subscription, error) {
	return &Subscription{subj}, nil
}
