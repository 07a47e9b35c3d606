module example.com/amqp

go 1.22

require (
	github.com/rabbitmq/amqp091-go v1.0.0
	github.com/streadway/amqp v1.0.0
)
