module example.com/kafka

go 1.22

require (
	github.com/segmentio/kafka-go v1.0.0
	github.com/IBM/sarama v1.0.0
	github.com/Shopify/sarama v1.0.0
	github.com/confluentinc/confluent-kafka-go/v2 v2.0.0
	github.com/bsm/sarama-cluster v1.0.0
)
