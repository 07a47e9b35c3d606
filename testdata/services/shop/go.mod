module example.com/shop

go 1.22

require (
	google.golang.org/grpc v1.0.0
	github.com/go-chi/chi/v5 v5.0.0
	github.com/gorilla/mux v1.0.0
	github.com/gin-gonic/gin v1.0.0
	github.com/labstack/echo/v4 v4.0.0
	github.com/segmentio/kafka-go v1.0.0
	github.com/IBM/sarama v1.0.0
	github.com/nats-io/nats.go v1.0.0
	github.com/rabbitmq/amqp091-go v1.0.0
	cloud.google.com/go/pubsub v1.0.0
	github.com/ThreeDotsLabs/watermill v1.0.0
	github.com/hibiken/asynq v1.0.0
	github.com/jackc/pgx/v5 v5.0.0
	gorm.io/gorm v1.0.0
	gorm.io/driver/postgres v1.0.0
	go.mongodb.org/mongo-driver v1.0.0
	github.com/redis/go-redis/v9 v9.0.0
	cloud.google.com/go/firestore v1.0.0
	github.com/zeromicro/go-zero v1.0.0
	github.com/zeromicro/go-queue v1.0.0
)

replace (
	google.golang.org/grpc => ./third_party/google.golang.org/grpc
	github.com/go-chi/chi/v5 => ./third_party/github.com/go-chi/chi/v5
	github.com/gorilla/mux => ./third_party/github.com/gorilla/mux
	github.com/gin-gonic/gin => ./third_party/github.com/gin-gonic/gin
	github.com/labstack/echo/v4 => ./third_party/github.com/labstack/echo/v4
	github.com/segmentio/kafka-go => ./third_party/github.com/segmentio/kafka-go
	github.com/IBM/sarama => ./third_party/github.com/IBM/sarama
	github.com/nats-io/nats.go => ./third_party/github.com/nats-io/nats.go
	github.com/rabbitmq/amqp091-go => ./third_party/github.com/rabbitmq/amqp091-go
	cloud.google.com/go/pubsub => ./third_party/cloud.google.com/go/pubsub
	github.com/ThreeDotsLabs/watermill => ./third_party/github.com/ThreeDotsLabs/watermill
	github.com/hibiken/asynq => ./third_party/github.com/hibiken/asynq
	github.com/jackc/pgx/v5 => ./third_party/github.com/jackc/pgx/v5
	gorm.io/gorm => ./third_party/gorm.io/gorm
	gorm.io/driver/postgres => ./third_party/gorm.io/driver/postgres
	go.mongodb.org/mongo-driver => ./third_party/go.mongodb.org/mongo-driver
	github.com/redis/go-redis/v9 => ./third_party/github.com/redis/go-redis/v9
	cloud.google.com/go/firestore => ./third_party/cloud.google.com/go/firestore
	github.com/zeromicro/go-zero => ./third_party/github.com/zeromicro/go-zero
	github.com/zeromicro/go-queue => ./third_party/github.com/zeromicro/go-queue
)
