// Package sarama is a stand-in with the API shape archie recognizes; it does nothing.
package sarama

import "context"

type Config struct{}

func NewConfig() *Config { return &Config{} }

type ConsumerGroupHandler interface {
	Handle(topic string, value []byte) error
}

type ConsumerGroup interface {
	Consume(ctx context.Context, topics []string, handler ConsumerGroupHandler) error
}

type group struct{}

func (group) Consume(ctx context.Context, topics []string, handler ConsumerGroupHandler) error {
	return nil
}

func NewConsumerGroup(addrs []string, groupID string, cfg *Config) (ConsumerGroup, error) {
	return group{}, nil
}
