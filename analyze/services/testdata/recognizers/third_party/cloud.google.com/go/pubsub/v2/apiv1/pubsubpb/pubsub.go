// Package pubsubpb stands in for pubsub v2's protos.
package pubsubpb

type Subscription struct {
	Name  string
	Topic string
}
