module example.com/kafkamap

go 1.22

require github.com/segmentio/kafka-go v1.0.0
