// Command rediskeys keeps data in Redis under keys it builds: each key
// command's key is one of its store's tables, as the pattern of the keys
// it stands for.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/go-redis/cache/v9"
	v7 "github.com/go-redis/redis/v7"
	"github.com/redis/go-redis/v9"
)

const sessionPrefix = "session:"

func sessionKey(id string) string { return sessionPrefix + id }

// cartKey builds its key in two steps, as key helpers often do.
func cartKey(user, cart string) string {
	return fmt.Sprintf("%s:%s", namespace("carts"), user+"-"+cart)
}

func namespace(ns string) string { return fmt.Sprintf("shop:%s", ns) }

// store hands every key through one method: each caller's key is a table.
type store struct{ rdb *redis.Client }

// More callers than archie keeps alternatives of most values for: each
// key is still its own table.
func (s *store) put(ctx context.Context, key string, v any) {
	s.rdb.Set(ctx, key+":v2", v, 0) // want "store redis key rate:*" "store redis key quota:*" "store redis key users:*" "store redis key orders:*" "store redis key carts:*" "store redis key stock:*" "store redis key prices:*" "store redis key tokens:*" "store redis key invites:*" "store redis key teams:*" "store redis key roles:*" "store redis key grants:*" "store redis key audits:*" "store redis key events:*" "store redis key flags:*" "store redis key jobs:*" "store redis key locks2:*" "store redis key views:*"
}

// A cache in layers, as caches of real programs are: a typed helper's key,
// versioned by a generic layer, sent by a Redis backend behind an
// interface, under a prefix from the environment when it is set.
type backend interface{ set(key string, v any) }

type redisBackend struct {
	c      *cache.Cache
	prefix string
}

func (r *redisBackend) set(key string, v any) {
	r.c.Set(&cache.Item{Key: r.prefix + key + ".gz", Value: v}) // want "store redis key app|tree|*" "store redis key app|tree|*" "store redis key app|diff|*"
}

type layered struct{ b backend }

func (l *layered) setItem(key string, v any) { l.b.set(fmt.Sprintf("%s|%s", key, "1.8"), v) }

type appCache struct{ l *layered }

func (a *appCache) setTree(app string, shard int) { a.l.setItem(treeKey(app, shard), nil) }
func (a *appCache) setDiff(app string)            { a.l.setItem("app|diff|"+app, nil) }

func treeKey(app string, shard int) string {
	key := "app|tree|" + app
	if shard > 0 {
		key = fmt.Sprintf("%s|%d", key, shard)
	}
	return key
}

// envOr reads an environment variable, with a default.
func envOr(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

// claim returns a token's claim, or "" when it has none: the key it is
// part of is still a pattern.
func claim(claims map[string]string, name string) string {
	if v, ok := claims[name]; ok {
		return v
	}
	return ""
}

func main() {
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: "cache:6379"}) // want "store redis dsn cache:6379"
	id := os.Args[1]

	rdb.Get(ctx, "config")                                                 // want "store redis key config"
	rdb.Set(ctx, sessionKey(id), "x", 0)                                   // want "store redis key session:*"
	rdb.HSet(ctx, cartKey(id, os.Args[2]), "sku", 1)                       // want "store redis key shop:carts:*"
	rdb.Del(ctx, "orders:"+id, "payments:"+id)                             // want "store redis key orders:*" "store redis key payments:*"
	rdb.Rename(ctx, "jobs:pending", "jobs:"+id)                            // want "store redis key jobs:pending" "store redis key jobs:*"
	rdb.SMove(ctx, "queue:new", "queue:done", id)                          // want "store redis key queue:new" "store redis key queue:done"
	rdb.Scan(ctx, 0, "revoked-token|*", 100)                               // want "store redis key revoked-token|*"
	rdb.HScan(ctx, "users:index", 0, "name:*", 10)                         // want "store redis key users:index"
	rdb.Eval(ctx, "return 1", []string{"locks:" + id}, "arg")              // want "store redis key locks:*"
	redis.NewScript("return 1").Run(ctx, rdb, []string{"limits:" + id}, 1) // want "store redis key limits:*"
	rdb.Do(ctx, "INCR", "visits:"+id)                                      // want "store redis key visits:*"
	rdb.Do(ctx, "PING")
	rdb.MSet(ctx, "a:1", "x", "b:2", "y")

	// No name: a key whose start is read from the environment, or one
	// no reader would recognize.
	rdb.Get(ctx, os.Getenv("KEY_PREFIX")+id)
	rdb.Get(ctx, "k"+id)
	rdb.Get(ctx, id)

	var c redis.Cmdable = rdb
	c.Get(ctx, "inventory:"+id) // want "store redis key inventory:*"

	s := &store{rdb: rdb}
	s.put(ctx, "rate:"+id, 1)
	s.put(ctx, "quota:"+id, 1)
	s.put(ctx, "users:"+id, 1)
	s.put(ctx, "orders:"+id, 1)
	s.put(ctx, "carts:"+id, 1)
	s.put(ctx, "stock:"+id, 1)
	s.put(ctx, "prices:"+id, 1)
	s.put(ctx, "tokens:"+id, 1)
	s.put(ctx, "invites:"+id, 1)
	s.put(ctx, "teams:"+id, 1)
	s.put(ctx, "roles:"+id, 1)
	s.put(ctx, "grants:"+id, 1)
	s.put(ctx, "audits:"+id, 1)
	s.put(ctx, "events:"+id, 1)
	s.put(ctx, "flags:"+id, 1)
	s.put(ctx, "jobs:"+id, 1)
	s.put(ctx, "locks2:"+id, 1)
	s.put(ctx, "views:"+id, 1)

	// go-redis/cache runs its commands itself, on each item's Key.
	ch := cache.New(&cache.Options{Redis: rdb})
	ch.Set(&cache.Item{Key: "product:" + id, Value: 1}) // want "store redis key product:*"
	ch.Get(ctx, "product:"+id, nil)                     // want "store redis key product:*"
	ch.Delete(ctx, "catalog")                           // want "store redis key catalog"

	rb := &redisBackend{c: ch, prefix: envOr("KEY_PREFIX", "")}
	apps := &appCache{l: &layered{b: rb}}
	apps.setTree(id, 0)
	apps.setDiff(id)
	rdb.Get(ctx, "userinfo_"+claim(map[string]string{}, "sub")) // want "store redis key userinfo_*"

	// go-redis v7 takes no context.
	r7 := v7.NewClient(&v7.Options{Addr: "cache:6381"}) // want "store redis dsn cache:6381"
	r7.Get("legacy:" + id)                              // want "store redis key legacy:*"
}
