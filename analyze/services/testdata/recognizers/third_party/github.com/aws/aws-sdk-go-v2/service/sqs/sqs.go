// Package sqs stands in for the AWS SDK v2's SQS client.
package sqs

import "context"

type Options struct{}

type Client struct{}

type SendMessageInput struct{ QueueUrl, MessageBody *string }
type SendMessageBatchInput struct{ QueueUrl *string }
type ReceiveMessageInput struct{ QueueUrl *string }
type GetQueueUrlInput struct{ QueueName *string }
type SendMessageOutput struct{}
type SendMessageBatchOutput struct{}
type ReceiveMessageOutput struct{}
type GetQueueUrlOutput struct{ QueueUrl *string }
type CreateQueueInput struct{ QueueName *string }
type CreateQueueOutput struct{ QueueUrl *string }

func (c *Client) CreateQueue(ctx context.Context, params *CreateQueueInput, optFns ...func(*Options)) (*CreateQueueOutput, error) {
	return nil, nil
}

func (c *Client) SendMessage(ctx context.Context, params *SendMessageInput, optFns ...func(*Options)) (*SendMessageOutput, error) {
	return nil, nil
}
func (c *Client) SendMessageBatch(ctx context.Context, params *SendMessageBatchInput, optFns ...func(*Options)) (*SendMessageBatchOutput, error) {
	return nil, nil
}
func (c *Client) ReceiveMessage(ctx context.Context, params *ReceiveMessageInput, optFns ...func(*Options)) (*ReceiveMessageOutput, error) {
	return nil, nil
}
func (c *Client) GetQueueUrl(ctx context.Context, params *GetQueueUrlInput, optFns ...func(*Options)) (*GetQueueUrlOutput, error) {
	return nil, nil
}
