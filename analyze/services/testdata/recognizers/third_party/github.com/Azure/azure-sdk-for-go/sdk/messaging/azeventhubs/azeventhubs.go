// Package azeventhubs stands in for Azure Event Hubs' clients.
package azeventhubs

import "context"

type TokenCredential interface{}
type ProducerClient struct{}
type ConsumerClient struct{}
type PartitionClient struct{}
type Processor struct{}
type EventDataBatch struct{}
type ProducerClientOptions struct{}
type ConsumerClientOptions struct{}
type PartitionClientOptions struct{}
type ProcessorOptions struct{}
type SendEventDataBatchOptions struct{}
type CheckpointStore interface{}

func NewProducerClient(fullyQualifiedNamespace string, eventHub string, credential TokenCredential, options *ProducerClientOptions) (*ProducerClient, error) {
	return nil, nil
}
func NewProducerClientFromConnectionString(connectionString string, eventHub string, options *ProducerClientOptions) (*ProducerClient, error) {
	return nil, nil
}
func NewConsumerClient(fullyQualifiedNamespace string, eventHub string, consumerGroup string, credential TokenCredential, options *ConsumerClientOptions) (*ConsumerClient, error) {
	return nil, nil
}
func NewConsumerClientFromConnectionString(connectionString string, eventHub string, consumerGroup string, options *ConsumerClientOptions) (*ConsumerClient, error) {
	return nil, nil
}
func NewProcessor(consumerClient *ConsumerClient, checkpointStore CheckpointStore, options *ProcessorOptions) (*Processor, error) {
	return nil, nil
}
func (pc *ProducerClient) SendEventDataBatch(ctx context.Context, batch *EventDataBatch, options *SendEventDataBatchOptions) error {
	return nil
}
func (cc *ConsumerClient) NewPartitionClient(partitionID string, options *PartitionClientOptions) (*PartitionClient, error) {
	return nil, nil
}
