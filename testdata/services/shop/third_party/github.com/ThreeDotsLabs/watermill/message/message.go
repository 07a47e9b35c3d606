// Package message is a stand-in with the API shape archie recognizes; it does nothing.
package message

import "context"

type Message struct{ Payload []byte }

type Publisher interface {
	Publish(topic string, messages ...*Message) error
}

type Subscriber interface {
	Subscribe(ctx context.Context, topic string) (<-chan *Message, error)
}
