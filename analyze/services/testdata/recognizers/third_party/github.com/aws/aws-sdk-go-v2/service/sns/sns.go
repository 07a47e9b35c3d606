// Package sns stands in for the AWS SDK v2's SNS client.
package sns

import "context"

type Options struct{}

type Client struct{}

type PublishInput struct{ TopicArn, Message *string }
type PublishBatchInput struct{ TopicArn *string }
type PublishOutput struct{}
type PublishBatchOutput struct{}

func (c *Client) Publish(ctx context.Context, params *PublishInput, optFns ...func(*Options)) (*PublishOutput, error) {
	return nil, nil
}
func (c *Client) PublishBatch(ctx context.Context, params *PublishBatchInput, optFns ...func(*Options)) (*PublishBatchOutput, error) {
	return nil, nil
}
