// Package kinesis stands in for the AWS SDK v2's Kinesis client.
package kinesis

import "context"

type Options struct{}

type Client struct{}

type PutRecordInput struct{ StreamName, StreamARN *string }
type PutRecordsInput struct{ StreamName, StreamARN *string }
type GetShardIteratorInput struct{ StreamName, StreamARN *string }
type PutRecordOutput struct{}
type PutRecordsOutput struct{}
type GetShardIteratorOutput struct{}

func (c *Client) PutRecord(ctx context.Context, params *PutRecordInput, optFns ...func(*Options)) (*PutRecordOutput, error) {
	return nil, nil
}
func (c *Client) PutRecords(ctx context.Context, params *PutRecordsInput, optFns ...func(*Options)) (*PutRecordsOutput, error) {
	return nil, nil
}
func (c *Client) GetShardIterator(ctx context.Context, params *GetShardIteratorInput, optFns ...func(*Options)) (*GetShardIteratorOutput, error) {
	return nil, nil
}
