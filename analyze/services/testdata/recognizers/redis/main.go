// Command redis opens Redis with go-redis, at both its import paths, and
// publishes and consumes through its channels and streams, on each kind of
// client and through the interfaces code passes them by.
package main

import (
	"context"
	"os"

	v7 "github.com/go-redis/redis/v7"
	oldredis "github.com/go-redis/redis/v8"
	"github.com/redis/go-redis/v9"
)

func main() {
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: "cache:6379"}) // want "store redis dsn cache:6379"
	parsed, _ := redis.ParseURL("redis://sessions:6379/0")
	redis.NewClient(parsed) // want "store redis dsn redis://sessions:6379/0"
	oldParsed, _ := oldredis.ParseURL("redis://legacy:6379/1")
	oldredis.NewClient(oldParsed) // want "store redis dsn redis://legacy:6379/1"

	rdb.Publish(ctx, "orders.created", "1")                                                    // want "publish redis orders.created"
	rdb.SPublish(ctx, "orders.sharded", "1")                                                   // want "publish redis-sharded orders.sharded"
	rdb.Subscribe(ctx, "orders.created", "orders.paid")                                        // want "consume redis orders.created" "consume redis orders.paid"
	rdb.PSubscribe(ctx, "orders.*")                                                            // want "consume redis orders.*"
	ps := rdb.SSubscribe(ctx, "orders.sharded")                                                // want "consume redis-sharded orders.sharded"
	ps.Subscribe(ctx, "orders.refunded")                                                       // want "consume redis orders.refunded"
	ps.PSubscribe(ctx, "refunds.*")                                                            // want "consume redis refunds.*"
	later := rdb.Subscribe(ctx)                                                                // no channel yet: no fact
	later.Subscribe(ctx, "later.created")                                                      // want "consume redis later.created"
	ps.SSubscribe(ctx, "refunds.sharded")                                                      // want "consume redis-sharded refunds.sharded"
	rdb.XAdd(ctx, &redis.XAddArgs{Stream: "payments", Values: map[string]any{"id": 1}})        // want "publish redis-stream payments"
	rdb.XReadGroup(ctx, &redis.XReadGroupArgs{Group: "g", Streams: []string{"payments", ">"}}) // want "consume redis-stream payments"
	rdb.XRead(ctx, &redis.XReadArgs{Streams: []string{"refunds", "0"}})                        // want "consume redis-stream refunds"

	// Through the interface a cluster client is used by.
	var u redis.UniversalClient = rdb
	u.Publish(ctx, "carts.emptied", "1")                                                   // want "publish redis carts.emptied"
	u.SPublish(ctx, "carts.sharded", "1")                                                  // want "publish redis-sharded carts.sharded"
	u.Subscribe(ctx, "carts.emptied")                                                      // want "consume redis carts.emptied"
	u.PSubscribe(ctx, "carts.*")                                                           // want "consume redis carts.*"
	u.SSubscribe(ctx, "carts.sharded")                                                     // want "consume redis-sharded carts.sharded"
	u.XAdd(ctx, &redis.XAddArgs{Stream: "audits"})                                         // want "publish redis-stream audits"
	u.XRead(ctx, &redis.XReadArgs{Streams: []string{"audits", "$"}})                       // want "consume redis-stream audits"
	u.XReadGroup(ctx, &redis.XReadGroupArgs{Group: "g", Streams: []string{"audits", ">"}}) // want "consume redis-stream audits"

	// Through the commands' interface.
	var c redis.Cmdable = rdb
	c.Publish(ctx, "users.created", "1")                                               // want "publish redis users.created"
	c.SPublish(ctx, "users.sharded", "1")                                              // want "publish redis-sharded users.sharded"
	c.XAdd(ctx, &redis.XAddArgs{Stream: "signups"})                                    // want "publish redis-stream signups"
	c.XRead(ctx, &redis.XReadArgs{Streams: []string{"signups", "$"}})                  // want "consume redis-stream signups"
	c.XReadGroup(ctx, &redis.XReadGroupArgs{Group: "g", Streams: []string{"signups"}}) // want "consume redis-stream signups"

	// Through a port of the program's own that the client satisfies.
	var port publisher = rdb
	port.Publish(ctx, "port.topic", "1") // want "publish redis port.topic"

	// Queued in a pipeline or a transaction.
	pipe := rdb.Pipeline()
	pipe.Publish(ctx, "pipe.created", "1")                                                     // want "publish redis pipe.created"
	pipe.SPublish(ctx, "pipe.sharded", "1")                                                    // want "publish redis-sharded pipe.sharded"
	pipe.XAdd(ctx, &redis.XAddArgs{Stream: "pipelog"})                                         // want "publish redis-stream pipelog"
	pipe.XRead(ctx, &redis.XReadArgs{Streams: []string{"pipelog", "0"}})                       // want "consume redis-stream pipelog"
	pipe.XReadGroup(ctx, &redis.XReadGroupArgs{Group: "g", Streams: []string{"pipelog", ">"}}) // want "consume redis-stream pipelog"

	// A cluster, by its seed nodes, and a ring.
	cc := redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"node1:7000", "node2:7000"}}) // want "store redis dsn node1:7000"
	cc.Publish(ctx, "stock.low", "1")                                                                // want "publish redis stock.low"
	cc.Subscribe(ctx, "stock.low")                                                                   // want "consume redis stock.low"
	cc.PSubscribe(ctx, "stock.*")                                                                    // want "consume redis stock.*"
	cc.SSubscribe(ctx, "stock.sharded")                                                              // want "consume redis-sharded stock.sharded"
	cc.XAdd(ctx, &redis.XAddArgs{Stream: "restocks"})                                                // want "publish redis-stream restocks"
	ring := redis.NewRing(&redis.RingOptions{Addrs: map[string]string{"a": "shard1:6379"}})
	ring.Subscribe(ctx, "prices")                                                    // want "consume redis prices"
	ring.PSubscribe(ctx, "prices.*")                                                 // want "consume redis prices.*"
	ring.SSubscribe(ctx, "prices.eu")                                                // want "consume redis-sharded prices.eu"
	redis.NewUniversalClient(&redis.UniversalOptions{Addrs: []string{"cache:6390"}}) // want "store redis dsn cache:6390"
	// Sentinels serve several masters: no store name is taken from them.
	redis.NewFailoverClient(&redis.FailoverOptions{MasterName: "mymaster", SentinelAddrs: []string{"sentinel:26379"}})

	// go-redis v8, the same shape.
	old := oldredis.NewClient(&oldredis.Options{Addr: "cache:6380"})                             // want "store redis dsn cache:6380"
	old.Publish(ctx, "legacy.created", "1")                                                      // want "publish redis legacy.created"
	ops := old.Subscribe(ctx, "legacy.created")                                                  // want "consume redis legacy.created"
	ops.Subscribe(ctx, "legacy.paid")                                                            // want "consume redis legacy.paid"
	ops.PSubscribe(ctx, "legacy.*")                                                              // want "consume redis legacy.*"
	old.PSubscribe(ctx, "legacy.x.*")                                                            // want "consume redis legacy.x.*"
	old.XAdd(ctx, &oldredis.XAddArgs{Stream: "ledger"})                                          // want "publish redis-stream ledger"
	old.XRead(ctx, &oldredis.XReadArgs{Streams: []string{"ledger", "0"}})                        // want "consume redis-stream ledger"
	old.XReadGroup(ctx, &oldredis.XReadGroupArgs{Group: "g", Streams: []string{"ledger", ">"}})  // want "consume redis-stream ledger"
	oc := oldredis.NewClusterClient(&oldredis.ClusterOptions{Addrs: []string{"node3:7000"}})     // want "store redis dsn node3:7000"
	oc.Subscribe(ctx, "legacy.cluster")                                                          // want "consume redis legacy.cluster"
	oc.PSubscribe(ctx, "legacy.cluster.*")                                                       // want "consume redis legacy.cluster.*"
	ou := oldredis.NewUniversalClient(&oldredis.UniversalOptions{Addrs: []string{"cache:6391"}}) // want "store redis dsn cache:6391"
	ou.Publish(ctx, "legacy.u", "1")                                                             // want "publish redis legacy.u"
	ou.Subscribe(ctx, "legacy.u")                                                                // want "consume redis legacy.u"
	ou.PSubscribe(ctx, "legacy.u.*")                                                             // want "consume redis legacy.u.*"
	ou.XAdd(ctx, &oldredis.XAddArgs{Stream: "ulog"})                                             // want "publish redis-stream ulog"
	ou.XRead(ctx, &oldredis.XReadArgs{Streams: []string{"ulog", "0"}})                           // want "consume redis-stream ulog"
	ou.XReadGroup(ctx, &oldredis.XReadGroupArgs{Group: "g", Streams: []string{"ulog", ">"}})     // want "consume redis-stream ulog"
	// go-redis v7 takes no context: its channel is its first argument,
	// never the message.
	r7 := v7.NewClient(&v7.Options{Addr: "cache:6381"})      // want "store redis dsn cache:6381"
	r7.Publish("v7.created", "payload")                      // want "publish redis v7.created"
	r7.Subscribe("v7.created", "v7.paid")                    // want "consume redis v7.created" "consume redis v7.paid"
	r7.XAdd(&v7.XAddArgs{Stream: "v7log"})                   // want "publish redis-stream v7log"
	r7.XRead(&v7.XReadArgs{Streams: []string{"v7log", "0"}}) // want "consume redis-stream v7log"

	oring := oldredis.NewRing(&oldredis.RingOptions{Addrs: map[string]string{"a": "shard2:6379"}})
	oring.Subscribe(ctx, "legacy.ring")    // want "consume redis legacy.ring"
	oring.PSubscribe(ctx, "legacy.ring.*") // want "consume redis legacy.ring.*"
	op := old.Pipeline()
	op.Publish(ctx, "legacy.pipe", "1")                                                  // want "publish redis legacy.pipe"
	op.XAdd(ctx, &oldredis.XAddArgs{Stream: "oplog"})                                    // want "publish redis-stream oplog"
	op.XRead(ctx, &oldredis.XReadArgs{Streams: []string{"oplog", "0"}})                  // want "consume redis-stream oplog"
	op.XReadGroup(ctx, &oldredis.XReadGroupArgs{Group: "g", Streams: []string{"oplog"}}) // want "consume redis-stream oplog"

	// A list as a queue: pushed, popped, or read whole and deleted; a
	// list only read is a key, not a queue.
	rdb.LPush(ctx, "jobs", "1")                        // want "publish redis-list jobs" "store redis key jobs"
	rdb.BRPop(ctx, 0, "jobs", "retries")               // want "consume redis-list jobs" "consume redis-list retries" "store redis key jobs" "store redis key retries"
	rdb.LPop(ctx, "retries")                           // want "consume redis-list retries" "store redis key retries"
	rdb.LMove(ctx, "retries", "dead", "LEFT", "RIGHT") // want "consume redis-list retries" "publish redis-list dead" "store redis key retries" "store redis key dead"
	drain(ctx, c)
	notDrained(ctx, c)
	listsv9Client(ctx, rdb)
	listsv9Cmdable(ctx, c)
	listsv9UniversalClient(ctx, u)
	listsv9Pipeliner(ctx, pipe)
	listsv8Client(ctx, old)
	listsv8Cmdable(ctx, old)
	listsv8UniversalClient(ctx, ou)
	listsv8Pipeliner(ctx, op)
	rdb.LRange(ctx, "recent", 0, 9) // want "store redis key recent"
	r7.RPush("v7jobs", "1")         // want "publish redis-list v7jobs" "store redis key v7jobs"
	r7.BLPop(0, "v7jobs")           // want "consume redis-list v7jobs" "store redis key v7jobs"

	var oldc oldredis.Cmdable = old
	oldc.Publish(ctx, "legacy.c", "1")                                                         // want "publish redis legacy.c"
	oldc.XAdd(ctx, &oldredis.XAddArgs{Stream: "clog"})                                         // want "publish redis-stream clog"
	oldc.XRead(ctx, &oldredis.XReadArgs{Streams: []string{"clog", "0"}})                       // want "consume redis-stream clog"
	oldc.XReadGroup(ctx, &oldredis.XReadGroupArgs{Group: "g", Streams: []string{"clog", ">"}}) // want "consume redis-stream clog"
	newStreamConsumer(rdb, []string{"raw", "raw-ios", "analytics"}).next(ctx)

}

// drain reads a queue whole and deletes it, in one transaction.
func drain(ctx context.Context, c redis.Cmdable) {
	c.RPush(ctx, "audit", "1")    // want "publish redis-list audit" "store redis key audit"
	c.LRange(ctx, "audit", 0, -1) // want "consume redis-list audit" "store redis key audit"
	c.Del(ctx, "audit")           // want "store redis key audit"
}

// notDrained reads a list and deletes another key: the list is data.
// A list per user is data too: no queue is one whose key is not known
// whole.
func notDrained(ctx context.Context, c redis.Cmdable) {
	c.LRange(ctx, "timeline", 0, 9)       // want "store redis key timeline"
	c.Del(ctx, "session")                 // want "store redis key session"
	c.RPush(ctx, "cart:"+os.Args[1], "1") // want "store redis key cart:*"
}

// publisher is the program's port; only go-redis's client implements it.
type publisher interface {
	Publish(ctx context.Context, channel string, message any) error
}

// Every list command, on each kind of receiver: each names its keys,
// and each drains (DEL), so LRANGE reads a queue.

func listsv9Client(ctx context.Context, c *redis.Client) {
	c.LPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.RPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.LPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.RPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.BLPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.BRPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.LPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.RPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.LPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopLPush(ctx, "q1", "q2")                  // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BRPopLPush(ctx, "q1", "q2", 0)              // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LMove(ctx, "q1", "q2", "LEFT", "RIGHT")     // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BLMove(ctx, "q1", "q2", "LEFT", "RIGHT", 0) // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LRange(ctx, "q1", 0, -1)                    // want "consume redis-list q1" "store redis key q1"
	c.Del(ctx, "q1")                              // want "store redis key q1"
}

func listsv9Cmdable(ctx context.Context, c redis.Cmdable) {
	c.LPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.RPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.LPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.RPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.BLPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.BRPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.LPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.RPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.LPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopLPush(ctx, "q1", "q2")                  // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BRPopLPush(ctx, "q1", "q2", 0)              // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LMove(ctx, "q1", "q2", "LEFT", "RIGHT")     // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BLMove(ctx, "q1", "q2", "LEFT", "RIGHT", 0) // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LRange(ctx, "q1", 0, -1)                    // want "consume redis-list q1" "store redis key q1"
	c.Del(ctx, "q1")                              // want "store redis key q1"
}

func listsv9UniversalClient(ctx context.Context, c redis.UniversalClient) {
	c.LPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.RPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.LPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.RPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.BLPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.BRPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.LPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.RPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.LPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopLPush(ctx, "q1", "q2")                  // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BRPopLPush(ctx, "q1", "q2", 0)              // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LMove(ctx, "q1", "q2", "LEFT", "RIGHT")     // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BLMove(ctx, "q1", "q2", "LEFT", "RIGHT", 0) // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LRange(ctx, "q1", 0, -1)                    // want "consume redis-list q1" "store redis key q1"
	c.Del(ctx, "q1")                              // want "store redis key q1"
}

func listsv9Pipeliner(ctx context.Context, c redis.Pipeliner) {
	c.LPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.RPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.LPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.RPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.BLPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.BRPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.LPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.RPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.LPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopLPush(ctx, "q1", "q2")                  // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BRPopLPush(ctx, "q1", "q2", 0)              // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LMove(ctx, "q1", "q2", "LEFT", "RIGHT")     // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BLMove(ctx, "q1", "q2", "LEFT", "RIGHT", 0) // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LRange(ctx, "q1", 0, -1)                    // want "consume redis-list q1" "store redis key q1"
	c.Del(ctx, "q1")                              // want "store redis key q1"
}

func listsv8Client(ctx context.Context, c *oldredis.Client) {
	c.LPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.RPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.LPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.RPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.BLPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.BRPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.LPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.RPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.LPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopLPush(ctx, "q1", "q2")                  // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BRPopLPush(ctx, "q1", "q2", 0)              // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LMove(ctx, "q1", "q2", "LEFT", "RIGHT")     // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BLMove(ctx, "q1", "q2", "LEFT", "RIGHT", 0) // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LRange(ctx, "q1", 0, -1)                    // want "consume redis-list q1" "store redis key q1"
	c.Del(ctx, "q1")                              // want "store redis key q1"
}

func listsv8Cmdable(ctx context.Context, c oldredis.Cmdable) {
	c.LPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.RPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.LPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.RPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.BLPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.BRPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.LPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.RPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.LPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopLPush(ctx, "q1", "q2")                  // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BRPopLPush(ctx, "q1", "q2", 0)              // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LMove(ctx, "q1", "q2", "LEFT", "RIGHT")     // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BLMove(ctx, "q1", "q2", "LEFT", "RIGHT", 0) // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LRange(ctx, "q1", 0, -1)                    // want "consume redis-list q1" "store redis key q1"
	c.Del(ctx, "q1")                              // want "store redis key q1"
}

func listsv8UniversalClient(ctx context.Context, c oldredis.UniversalClient) {
	c.LPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.RPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.LPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.RPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.BLPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.BRPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.LPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.RPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.LPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopLPush(ctx, "q1", "q2")                  // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BRPopLPush(ctx, "q1", "q2", 0)              // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LMove(ctx, "q1", "q2", "LEFT", "RIGHT")     // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BLMove(ctx, "q1", "q2", "LEFT", "RIGHT", 0) // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LRange(ctx, "q1", 0, -1)                    // want "consume redis-list q1" "store redis key q1"
	c.Del(ctx, "q1")                              // want "store redis key q1"
}

func listsv8Pipeliner(ctx context.Context, c oldredis.Pipeliner) {
	c.LPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.RPush(ctx, "q1", "1")                       // want "publish redis-list q1" "store redis key q1"
	c.LPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.RPushX(ctx, "q1", "1")                      // want "publish redis-list q1" "store redis key q1"
	c.BLPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.BRPop(ctx, 0, "q1")                         // want "consume redis-list q1" "store redis key q1"
	c.LPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.RPop(ctx, "q1")                             // want "consume redis-list q1" "store redis key q1"
	c.LPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopCount(ctx, "q1", 2)                     // want "consume redis-list q1" "store redis key q1"
	c.RPopLPush(ctx, "q1", "q2")                  // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BRPopLPush(ctx, "q1", "q2", 0)              // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LMove(ctx, "q1", "q2", "LEFT", "RIGHT")     // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.BLMove(ctx, "q1", "q2", "LEFT", "RIGHT", 0) // want "consume redis-list q1" "publish redis-list q2" "store redis key q1" "store redis key q2"
	c.LRange(ctx, "q1", 0, -1)                    // want "consume redis-list q1" "store redis key q1"
	c.Del(ctx, "q1")                              // want "store redis key q1"
}

// streamConsumer reads its streams from new entries on: the IDs are
// appended in a loop, one ">" a stream, so the Streams' second half is
// not where a stream's name ends.
type streamConsumer struct {
	rdb     *redis.Client
	streams []string
}

func newStreamConsumer(rdb *redis.Client, streams []string) *streamConsumer {
	n := len(streams)
	for i := 0; i < n; i++ {
		streams = append(streams, ">")
	}
	return &streamConsumer{rdb: rdb, streams: streams}
}

func (c *streamConsumer) next(ctx context.Context) {
	c.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{Group: "g", Streams: c.streams}) // want "consume redis-stream raw" "consume redis-stream raw-ios" "consume redis-stream analytics"
}
