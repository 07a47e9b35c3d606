module example.com/messaging

go 1.22

require github.com/rabbitmq/amqp091-go v1.0.0

replace github.com/rabbitmq/amqp091-go => ./third_party/github.com/rabbitmq/amqp091-go
