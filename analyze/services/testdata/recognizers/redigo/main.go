// Command redigo opens Redis with redigo, directly and through a pool,
// and publishes and subscribes through it.
package main

import (
	"context"

	"github.com/gomodule/redigo/redis"
)

func main() {
	ctx := context.Background()
	pool := &redis.Pool{Dial: func() (redis.Conn, error) {
		return redis.Dial("tcp", "redis:6379") // want "store redis dsn redis:6379"
	}}
	redis.DialContext(ctx, "tcp", "redis:6380")       // want "store redis dsn redis:6380"
	redis.DialURL("redis://cache:6379/0")             // want "store redis dsn redis://cache:6379/0"
	redis.DialURLContext(ctx, "redis://cache:6379/1") // want "store redis dsn redis://cache:6379/1"
	c := pool.Get()
	c.Do("PUBLISH", "orders.created", "1")  // want "publish redis orders.created"
	c.Do("SET", "orders:1", "placed")       // want "store redis key orders:*"
	c.Send("PUBLISH", "orders.queued", "1") // want "publish redis orders.queued"
	cc := c.(redis.ConnWithContext)
	cc.DoContext(ctx, "PUBLISH", "orders.ctx", "1")      // want "publish redis orders.ctx"
	redis.DoContext(c, ctx, "PUBLISH", "orders.fn", "1") // want "publish redis orders.fn"
	psc := redis.PubSubConn{Conn: c}
	psc.Subscribe("orders.created", "orders.paid") // want "consume redis orders.created" "consume redis orders.paid"
	psc.PSubscribe("orders.*")                     // want "consume redis orders.*"
}
