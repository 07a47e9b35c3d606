// Command kafkaretry retries failed order messages: it parks them on a
// retry topic with the topic they came from and a retry count in their
// headers, and republishes each, when it is due, to the topic its header
// names. The header's value is what the code puts under its key,
// original_topic (orders), not under any key: the count's digits are no
// topic, nor is its sum ("01" of 0+1).
package main

import (
	"strconv"

	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

const retryTopic = "orders-retry"

func header(m *kafka.Message, key string) string {
	for _, h := range m.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}

func retries(m *kafka.Message) int {
	v := header(m, "retries")
	if v == "" {
		return 0
	}
	n, _ := strconv.Atoi(v)
	return n
}

func put(hs *[]kafka.Header, key, value string) {
	for i, h := range *hs {
		if h.Key == key {
			(*hs)[i] = kafka.Header{Key: key, Value: []byte(value)}
			return
		}
	}
	*hs = append(*hs, kafka.Header{Key: key, Value: []byte(value)})
}

// park sends a message that failed on its topic to the retry topic.
func park(p *kafka.Producer, m *kafka.Message, from string) {
	hs := m.Headers
	put(&hs, "original_topic", from)
	put(&hs, "retries", strconv.Itoa(retries(m)))
	topic := retryTopic
	p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic}, Headers: hs, Value: m.Value}, nil) // want "publish kafka orders-retry"
}

// retry republishes a parked message: to its original topic when due,
// else back to the retry topic.
func retry(p *kafka.Producer, m *kafka.Message, due bool) {
	topic := header(m, "original_topic")
	n := retries(m)
	if due {
		n++
	} else {
		topic = retryTopic
	}
	hs := m.Headers
	put(&hs, "retries", strconv.Itoa(n))
	p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic}, Headers: hs, Value: m.Value}, nil) // want "publish kafka orders-retry" "publish kafka orders"
}

func main() {
	p, _ := kafka.NewProducer()
	c, _ := kafka.NewConsumer()
	c.SubscribeTopics([]string{"orders", retryTopic}, nil) // want "consume kafka orders" "consume kafka orders-retry"
	m := &kafka.Message{}
	park(p, m, "orders")
	retry(p, m, true)
}
