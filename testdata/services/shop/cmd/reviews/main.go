// Command reviews serves product reviews and learns of orders from Kafka.
package main

import (
	"context"

	"github.com/IBM/sarama"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/gin-gonic/gin"
)

type handler struct{ pub message.Publisher }

func (h handler) Handle(topic string, value []byte) error {
	return h.pub.Publish("review-added", &message.Message{Payload: value})
}

type memPublisher struct{}

func (memPublisher) Publish(topic string, msgs ...*message.Message) error { return nil }

func main() {
	h := handler{pub: memPublisher{}}
	group, _ := sarama.NewConsumerGroup([]string{"kafka:9092"}, "reviews", sarama.NewConfig())
	go group.Consume(context.Background(), []string{"order-placed"}, h)

	r := gin.Default()
	api := r.Group("/api")
	api.GET("/reviews", func(c *gin.Context) { c.String(200, "[]") })
	r.Run(":8081")
}
