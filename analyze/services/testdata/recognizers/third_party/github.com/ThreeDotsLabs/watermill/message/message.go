// Package message stands in for watermill's message: the API shape archie recognizes, no behaviour.
package message

import "context"

type Message struct{}

type Publisher interface {
	Publish(topic string, messages ...*Message) error
}

type Subscriber interface {
	Subscribe(ctx context.Context, topic string) (<-chan *Message, error)
}

type HandlerFunc func(msg *Message) ([]*Message, error)

type NoPublishHandlerFunc func(msg *Message) error

type Router struct{}

func NewRouter() (*Router, error) { return &Router{}, nil }

func (r *Router) AddHandler(name, subscribeTopic string, subscriber Subscriber, publishTopic string, publisher Publisher, handler HandlerFunc) {
}

func (r *Router) AddNoPublisherHandler(name, subscribeTopic string, subscriber Subscriber, handler NoPublishHandlerFunc) {
}

func (r *Router) AddConsumerHandler(name, subscribeTopic string, subscriber Subscriber, handler NoPublishHandlerFunc) {
}
