package services

import (
	"strings"
	"testing"
)

func TestTopicMatches(t *testing.T) {
	for _, c := range []struct {
		protocol, topic, pattern string
		want                     bool
	}{
		{"kafka", "orders", "orders", true},
		{"kafka", "orders", "orders.*", false},
		{"nats", "orders.created", "orders.*", true},
		{"nats", "orders.created.eu", "orders.*", false},
		{"nats", "orders.created.eu", "orders.>", true},
		{"nats", "orders", "orders.>", false},
		{"nats", "orders.created", ">", true},
		{"nats", "orders.created", "*.created", true},
		{"nats", "orders.created", "orders.created.>", false},
		{"amqp", "shop/orders.created", "shop/orders.*", true},
		{"amqp", "shop/orders.created", "shop/#", true},
		{"amqp", "shop/orders", "shop/orders.#", true},
		{"amqp", "shop/orders.created.eu", "shop/orders.*", false},
		{"amqp", "shop/orders.created.eu", "shop/#.eu", true},
		{"amqp", "shop/orders.created", "other/orders.created", false},
		{"amqp", "orders", "shop/#", false},
		{"amqp", "orders-queue", "orders-queue", true},
		{"watermill", "orders.created", "orders.*", false},
		{"redis", "orders.created", "orders.*", true},
		{"redis", "orders.created", "carts.*", false},
		{"redis", "shop/orders", "*", true},
		{"redis", "shop/orders", "shop*", true},
		{"redis", "order1", "order?", true},
		{"redis", "orderb", "order[ab]", true},
		{"redis", "orderc", "order[ab]", false},
		{"redis", "orderc", "order[^ab]", true},
		{"redis", "order3", "order[0-9]", true},
		{"redis", "a.b", "a?b", true},
		{"redis", "a*b", "a\\*b", true},
		{"redis", "axb", "a\\*b", false},
		{"redis", "x", "[", false},
		{"amqp", "shop/a.b.c", "shop/#.#.#", true},
		{"amqp", "shop/a.b.c", "shop/#.b.#", true},
		{"amqp", "shop/a.b.c", "shop/#.c.#.b", false},
		{"amqp", "shop/", "shop/#", true},
		{"nats", "orders", ">", true},
		{"nats", "orders", "*", true},
		{"nats", "orders.created", "*", false},
		// Many #: each split of the words is tried once, not every
		// way to reach it (this took minutes).
		{"amqp", "shop/" + strings.Repeat("a.", 59) + "a", "shop/" + strings.Repeat("#.a.", 20) + "b", false},
		{"amqp", "shop/" + strings.Repeat("a.", 59) + "a", "shop/" + strings.Repeat("#.a.", 20) + "#", true},
	} {
		if got := topicMatches(c.protocol, c.topic, c.pattern); got != c.want {
			t.Errorf("topicMatches(%q, %q, %q) = %v, want %v", c.protocol, c.topic, c.pattern, got, c.want)
		}
	}
}
