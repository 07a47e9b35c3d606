// Package cache stands in for go-zero's cache: the API shape archie recognizes, no behaviour.
package cache

import (
	"context"

	"github.com/zeromicro/go-zero/core/stores/redis"
)

// A NodeConf is one Redis of a cache cluster.
type NodeConf struct {
	redis.RedisConf
	Weight int
}

// ClusterConf and CacheConf are the Redis nodes a cache spreads its keys over.
type (
	ClusterConf []NodeConf
	CacheConf   = ClusterConf
)

// Cache is what a cache over Redis does.
type Cache interface {
	Del(keys ...string) error
	DelCtx(ctx context.Context, keys ...string) error
	Get(key string, val any) error
	GetCtx(ctx context.Context, key string, val any) error
	Set(key string, val any) error
	SetCtx(ctx context.Context, key string, val any) error
	Take(val any, key string, query func(val any) error) error
	TakeCtx(ctx context.Context, val any, key string, query func(val any) error) error
}

type Option func(*int)

func New(c ClusterConf, barrier any, st any, errNotFound error, opts ...Option) Cache { return nil }
