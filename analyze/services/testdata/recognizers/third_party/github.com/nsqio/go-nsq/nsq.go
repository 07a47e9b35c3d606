// Package nsq stands in for go-nsq: the API shape archie recognizes, no behaviour.
package nsq

import "time"

type Config struct{}

func NewConfig() *Config { return &Config{} }

type ProducerTransaction struct{}

type Producer struct{}

func NewProducer(addr string, config *Config) (*Producer, error) { return &Producer{}, nil }

func (w *Producer) Publish(topic string, body []byte) error { return nil }
func (w *Producer) PublishAsync(topic string, body []byte, doneChan chan *ProducerTransaction, args ...any) error {
	return nil
}
func (w *Producer) MultiPublish(topic string, body [][]byte) error { return nil }
func (w *Producer) MultiPublishAsync(topic string, body [][]byte, doneChan chan *ProducerTransaction, args ...any) error {
	return nil
}
func (w *Producer) DeferredPublish(topic string, delay time.Duration, body []byte) error { return nil }
func (w *Producer) DeferredPublishAsync(topic string, delay time.Duration, body []byte, doneChan chan *ProducerTransaction, args ...any) error {
	return nil
}

type Message struct{ Body []byte }

type Handler interface{ HandleMessage(message *Message) error }

type HandlerFunc func(message *Message) error

func (h HandlerFunc) HandleMessage(m *Message) error { return h(m) }

type Consumer struct{}

func NewConsumer(topic string, channel string, config *Config) (*Consumer, error) {
	return &Consumer{}, nil
}

func (r *Consumer) AddHandler(handler Handler)                    {}
func (r *Consumer) ConnectToNSQD(addr string) error               { return nil }
func (r *Consumer) ConnectToNSQDs(addresses []string) error       { return nil }
func (r *Consumer) ConnectToNSQLookupd(addr string) error         { return nil }
func (r *Consumer) ConnectToNSQLookupds(addresses []string) error { return nil }
