// Package azservicebus stands in for Azure Service Bus's client, with the
// method set of v1.11.0.
package azservicebus

import (
	"context"
	"time"
)

type Client struct{}
type ClientOptions struct{}
type Sender struct{}
type Receiver struct{}
type Message struct{}
type MessageBatch struct{}
type AMQPAnnotatedMessage struct{}
type ReceivedMessage struct{}
type NewSenderOptions struct{}
type ReceiverOptions struct{}
type SendMessageOptions struct{}
type SendMessageBatchOptions struct{}
type ScheduleMessagesOptions struct{}
type SendAMQPAnnotatedMessageOptions struct{}
type ReceiveMessagesOptions struct{}
type PeekMessagesOptions struct{}

func NewClientFromConnectionString(connectionString string, options *ClientOptions) (*Client, error) {
	return nil, nil
}
func (client *Client) NewSender(queueOrTopic string, options *NewSenderOptions) (*Sender, error) {
	return nil, nil
}
func (client *Client) NewReceiverForQueue(queueName string, options *ReceiverOptions) (*Receiver, error) {
	return nil, nil
}
func (client *Client) NewReceiverForSubscription(topicName string, subscriptionName string, options *ReceiverOptions) (*Receiver, error) {
	return nil, nil
}
func (s *Sender) SendMessage(ctx context.Context, message *Message, options *SendMessageOptions) error {
	return nil
}
func (s *Sender) SendMessageBatch(ctx context.Context, batch *MessageBatch, options *SendMessageBatchOptions) error {
	return nil
}
func (s *Sender) ScheduleMessages(ctx context.Context, messages []*Message, scheduledEnqueueTime time.Time, options *ScheduleMessagesOptions) ([]int64, error) {
	return nil, nil
}
func (s *Sender) SendAMQPAnnotatedMessage(ctx context.Context, message *AMQPAnnotatedMessage, options *SendAMQPAnnotatedMessageOptions) error {
	return nil
}
func (r *Receiver) ReceiveMessages(ctx context.Context, maxMessages int, options *ReceiveMessagesOptions) ([]*ReceivedMessage, error) {
	return nil, nil
}
func (r *Receiver) PeekMessages(ctx context.Context, maxMessageCount int, options *PeekMessagesOptions) ([]*ReceivedMessage, error) {
	return nil, nil
}
