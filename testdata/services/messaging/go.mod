module example.com/messaging

go 1.22

require (
	github.com/jackc/pgx/v5 v5.0.0
	github.com/kelseyhightower/envconfig v1.0.0
	github.com/rabbitmq/amqp091-go v1.0.0
	github.com/spf13/viper v1.0.0
)

replace (
	github.com/jackc/pgx/v5 => ./third_party/github.com/jackc/pgx/v5
	github.com/kelseyhightower/envconfig => ./third_party/github.com/kelseyhightower/envconfig
	github.com/rabbitmq/amqp091-go => ./third_party/github.com/rabbitmq/amqp091-go
	github.com/spf13/viper => ./third_party/github.com/spf13/viper
)
