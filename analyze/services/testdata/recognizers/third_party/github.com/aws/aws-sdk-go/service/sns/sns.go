// Package sns stands in for the AWS SDK v1's SNS client.
package sns

import "github.com/aws/aws-sdk-go/aws"

type Option func()

type SNS struct{}

type PublishInput struct{ TopicArn *string }
type Output struct{}

func (c *SNS) Publish(input *PublishInput) (*Output, error) { return nil, nil }
func (c *SNS) PublishWithContext(ctx aws.Context, input *PublishInput, opts ...Option) (*Output, error) {
	return nil, nil
}
