module example.com/watermill

go 1.22

require (
	github.com/ThreeDotsLabs/watermill v1.0.0
	github.com/ThreeDotsLabs/watermill-kafka v1.0.0
	github.com/ThreeDotsLabs/watermill-amqp v1.0.0
	github.com/ThreeDotsLabs/watermill-nats v1.0.0
	github.com/ThreeDotsLabs/watermill-redisstream v1.0.0
	github.com/ThreeDotsLabs/watermill-googlecloud v1.0.0
	github.com/ThreeDotsLabs/watermill-sql v1.0.0
	github.com/ThreeDotsLabs/watermill-http v1.0.0
)
