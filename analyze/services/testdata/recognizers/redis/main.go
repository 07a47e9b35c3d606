// Command redis opens Redis with go-redis, at both its import paths.
package main

import (
	oldredis "github.com/go-redis/redis/v8"
	"github.com/redis/go-redis/v9"
)

func main() {
	redis.NewClient(&redis.Options{Addr: "cache:6379"})       // want "store redis dsn cache:6379"
	oldredis.NewClient(&oldredis.Options{Addr: "cache:6380"}) // want "store redis dsn cache:6380"
}
