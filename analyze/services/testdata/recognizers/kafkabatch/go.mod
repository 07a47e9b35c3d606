module example.com/kafkabatch

go 1.22

require (
	github.com/IBM/sarama v1.0.0
	github.com/Shopify/sarama v1.0.0
)
