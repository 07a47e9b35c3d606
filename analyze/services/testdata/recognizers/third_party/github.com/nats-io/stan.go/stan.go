// Package stan stands in for nats-io/stan.go (NATS Streaming): the API shape archie recognizes, no behaviour.
package stan

type Msg struct{ Data []byte }

type MsgHandler func(msg *Msg)

type AckHandler func(guid string, err error)

type SubscriptionOption func() error

type Subscription interface{ Unsubscribe() error }

type Conn interface {
	Publish(subject string, data []byte) error
	PublishAsync(subject string, data []byte, ah AckHandler) (string, error)
	Subscribe(subject string, cb MsgHandler, opts ...SubscriptionOption) (Subscription, error)
	QueueSubscribe(subject, qgroup string, cb MsgHandler, opts ...SubscriptionOption) (Subscription, error)
	Close() error
}

type Option func() error

func NatsURL(u string) Option { return nil }

func Connect(stanClusterID, clientID string, options ...Option) (Conn, error) { return nil, nil }
