// Command aws sends and receives with SQS, SNS and Kinesis and keeps
// tables in DynamoDB, through the AWS SDK v2 and v1.
package main

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	aws1 "github.com/aws/aws-sdk-go/aws"
	dynamodb1 "github.com/aws/aws-sdk-go/service/dynamodb"
	sns1 "github.com/aws/aws-sdk-go/service/sns"
	sqs1 "github.com/aws/aws-sdk-go/service/sqs"
)

// putter is how code that tests with a fake takes the client.
type putter interface {
	PutItem(ctx context.Context, params *dynamodb.PutItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error)
}

func record(p putter) {
	p.PutItem(context.Background(), &dynamodb.PutItemInput{TableName: aws.String("ledger")}) // want "store dynamodb table ledger"
}

// consumer keeps its queue's URL in a field, and hands its address.
type consumer struct {
	q   *sqs.Client
	url string
}

func (c *consumer) run(ctx context.Context) {
	c.q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &c.url}) // want "consume sqs payments"
}

const queue = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders"

func main() {
	ctx := context.Background()
	var cfg aws.Config

	db := dynamodb.NewFromConfig(cfg)                                             // want "store dynamodb"
	db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("orders")})      // want "store dynamodb table orders"
	db.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("orders")})      // want "store dynamodb table orders"
	db.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: aws.String("stock")}) // want "store dynamodb table stock"
	db.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String("stock")}) // want "store dynamodb table stock"
	table := "payments"
	db.Query(ctx, &dynamodb.QueryInput{TableName: &table})               // want "store dynamodb table payments"
	db.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("payments")}) // want "store dynamodb table payments"
	record(db)
	dynamodb.New(dynamodb.Options{}) // want "store dynamodb"

	var q *sqs.Client
	q.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(queue)})           // want "publish sqs orders"
	q.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(queue)}) // want "publish sqs orders"
	url, _ := q.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String("refunds")})
	q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: url.QueueUrl}) // want "consume sqs refunds"
	made, _ := q.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("audits")})
	q.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: made.QueueUrl}) // want "publish sqs audits"

	(&consumer{q: q, url: "https://sqs.eu-west-1.amazonaws.com/123456789012/payments"}).run(ctx)

	var t *sns.Client
	t.Publish(ctx, &sns.PublishInput{TopicArn: aws.String("arn:aws:sns:eu-west-1:123456789012:paid")})           // want "publish sns paid"
	t.PublishBatch(ctx, &sns.PublishBatchInput{TopicArn: aws.String("arn:aws:sns:eu-west-1:123456789012:paid")}) // want "publish sns paid"

	var k *kinesis.Client
	k.PutRecord(ctx, &kinesis.PutRecordInput{StreamName: aws.String("clicks")})                                               // want "publish kinesis clicks"
	k.PutRecords(ctx, &kinesis.PutRecordsInput{StreamARN: aws.String("arn:aws:kinesis:eu-west-1:123456789012:stream/views")}) // want "publish kinesis views"
	k.GetShardIterator(ctx, &kinesis.GetShardIteratorInput{StreamName: aws.String("clicks")})                                 // want "consume kinesis clicks"

	// v1.
	db1 := dynamodb1.New(nil)                                                                    // want "store dynamodb"
	db1.PutItem(&dynamodb1.PutItemInput{TableName: aws1.String("carts")})                        // want "store dynamodb table carts"
	db1.GetItem(&dynamodb1.GetItemInput{TableName: aws1.String("carts")})                        // want "store dynamodb table carts"
	db1.UpdateItem(&dynamodb1.UpdateItemInput{TableName: aws1.String("carts")})                  // want "store dynamodb table carts"
	db1.DeleteItem(&dynamodb1.DeleteItemInput{TableName: aws1.String("carts")})                  // want "store dynamodb table carts"
	db1.Query(&dynamodb1.QueryInput{TableName: aws1.String("carts")})                            // want "store dynamodb table carts"
	db1.Scan(&dynamodb1.ScanInput{TableName: aws1.String("carts")})                              // want "store dynamodb table carts"
	db1.GetItemWithContext(ctx, &dynamodb1.GetItemInput{TableName: aws1.String("wishes")})       // want "store dynamodb table wishes"
	db1.PutItemWithContext(ctx, &dynamodb1.PutItemInput{TableName: aws1.String("wishes")})       // want "store dynamodb table wishes"
	db1.UpdateItemWithContext(ctx, &dynamodb1.UpdateItemInput{TableName: aws1.String("wishes")}) // want "store dynamodb table wishes"
	db1.DeleteItemWithContext(ctx, &dynamodb1.DeleteItemInput{TableName: aws1.String("wishes")}) // want "store dynamodb table wishes"
	db1.QueryWithContext(ctx, &dynamodb1.QueryInput{TableName: aws1.String("wishes")})           // want "store dynamodb table wishes"
	db1.ScanWithContext(ctx, &dynamodb1.ScanInput{TableName: aws1.String("wishes")})             // want "store dynamodb table wishes"

	var q1 *sqs1.SQS
	q1.SendMessage(&sqs1.SendMessageInput{QueueUrl: aws1.String(queue)})                           // want "publish sqs orders"
	q1.SendMessageBatch(&sqs1.SendMessageBatchInput{QueueUrl: aws1.String(queue)})                 // want "publish sqs orders"
	q1.SendMessageWithContext(ctx, &sqs1.SendMessageInput{QueueUrl: aws1.String(queue)})           // want "publish sqs orders"
	q1.SendMessageBatchWithContext(ctx, &sqs1.SendMessageBatchInput{QueueUrl: aws1.String(queue)}) // want "publish sqs orders"
	u1, _ := q1.GetQueueUrl(&sqs1.GetQueueUrlInput{QueueName: aws1.String("returns")})
	q1.ReceiveMessage(&sqs1.ReceiveMessageInput{QueueUrl: u1.QueueUrl})                        // want "consume sqs returns"
	q1.ReceiveMessageWithContext(ctx, &sqs1.ReceiveMessageInput{QueueUrl: aws1.String(queue)}) // want "consume sqs orders"

	var t1 *sns1.SNS
	t1.Publish(&sns1.PublishInput{TopicArn: aws1.String("arn:aws:sns:eu-west-1:123456789012:shipped")})                 // want "publish sns shipped"
	t1.PublishWithContext(ctx, &sns1.PublishInput{TopicArn: aws1.String("arn:aws:sns:eu-west-1:123456789012:shipped")}) // want "publish sns shipped"
}
