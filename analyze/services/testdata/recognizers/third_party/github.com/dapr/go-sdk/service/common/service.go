// Package common stands in for the Dapr Go SDK's service interface: the
// topic subscriptions archie reads.
package common

import "context"

type Subscription struct {
	PubsubName string
	Topic      string
	Route      string
}

type TopicEvent struct{ Data interface{} }

type TopicEventHandler func(ctx context.Context, e *TopicEvent) (retry bool, err error)

type Service interface {
	AddTopicEventHandler(sub *Subscription, fn TopicEventHandler) error
	Start() error
}
