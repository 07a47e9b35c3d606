// Command redis opens Redis with go-redis, at both its import paths, and
// publishes and consumes through its channels and streams.
package main

import (
	"context"

	oldredis "github.com/go-redis/redis/v8"
	"github.com/redis/go-redis/v9"
)

func main() {
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: "cache:6379"}) // want "store redis dsn cache:6379"
	oldredis.NewClient(&oldredis.Options{Addr: "cache:6380"})  // want "store redis dsn cache:6380"

	rdb.Publish(ctx, "orders.created", "1")                                                    // want "publish redis orders.created"
	rdb.Subscribe(ctx, "orders.created", "orders.paid")                                        // want "consume redis orders.created" "consume redis orders.paid"
	rdb.PSubscribe(ctx, "orders.*")                                                            // want "consume redis orders.*"
	rdb.XAdd(ctx, &redis.XAddArgs{Stream: "payments", Values: map[string]any{"id": 1}})        // want "publish redis-stream payments"
	rdb.XReadGroup(ctx, &redis.XReadGroupArgs{Group: "g", Streams: []string{"payments", ">"}}) // want "consume redis-stream payments"
	rdb.XRead(ctx, &redis.XReadArgs{Streams: []string{"refunds", "0"}})                        // want "consume redis-stream refunds"

	// Through the interface a cluster client is used by.
	var u redis.UniversalClient = rdb
	u.Publish(ctx, "carts.emptied", "1")                                                   // want "publish redis carts.emptied"
	u.Subscribe(ctx, "carts.emptied")                                                      // want "consume redis carts.emptied"
	u.PSubscribe(ctx, "carts.*")                                                           // want "consume redis carts.*"
	u.XAdd(ctx, &redis.XAddArgs{Stream: "audits"})                                         // want "publish redis-stream audits"
	u.XRead(ctx, &redis.XReadArgs{Streams: []string{"audits", "$"}})                       // want "consume redis-stream audits"
	u.XReadGroup(ctx, &redis.XReadGroupArgs{Group: "g", Streams: []string{"audits", ">"}}) // want "consume redis-stream audits"
}
