// Package sqs stands in for the AWS SDK v1's SQS client.
package sqs

import "github.com/aws/aws-sdk-go/aws"

type Option func()

type SQS struct{}

type SendMessageInput struct{ QueueUrl *string }
type SendMessageBatchInput struct{ QueueUrl *string }
type ReceiveMessageInput struct{ QueueUrl *string }
type GetQueueUrlInput struct{ QueueName *string }
type GetQueueUrlOutput struct{ QueueUrl *string }
type Output struct{}

func (c *SQS) SendMessage(input *SendMessageInput) (*Output, error)           { return nil, nil }
func (c *SQS) SendMessageBatch(input *SendMessageBatchInput) (*Output, error) { return nil, nil }
func (c *SQS) ReceiveMessage(input *ReceiveMessageInput) (*Output, error)     { return nil, nil }
func (c *SQS) GetQueueUrl(input *GetQueueUrlInput) (*GetQueueUrlOutput, error) {
	return nil, nil
}
func (c *SQS) GetQueueUrlWithContext(ctx aws.Context, input *GetQueueUrlInput, opts ...Option) (*GetQueueUrlOutput, error) {
	return nil, nil
}
func (c *SQS) SendMessageWithContext(ctx aws.Context, input *SendMessageInput, opts ...Option) (*Output, error) {
	return nil, nil
}
func (c *SQS) SendMessageBatchWithContext(ctx aws.Context, input *SendMessageBatchInput, opts ...Option) (*Output, error) {
	return nil, nil
}
func (c *SQS) ReceiveMessageWithContext(ctx aws.Context, input *ReceiveMessageInput, opts ...Option) (*Output, error) {
	return nil, nil
}
