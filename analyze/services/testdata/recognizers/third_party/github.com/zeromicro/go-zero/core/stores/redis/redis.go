// Package redis stands in for go-zero's redis: the API shape archie recognizes, no behaviour.
package redis

import "context"

type Redis struct{}

type Option func(*Redis)

func New(addr string, opts ...Option) *Redis                  { return &Redis{} }
func MustNewRedis(conf RedisConf, opts ...Option) *Redis      { return &Redis{} }
func NewRedis(conf RedisConf, opts ...Option) (*Redis, error) { return &Redis{}, nil }

// RedisConf is how a service's config file names its Redis.
type RedisConf struct {
	Host string
	Type string
	Pass string
}

func (s *Redis) Get(key string) (string, error)                              { return "", nil }
func (s *Redis) GetCtx(ctx context.Context, key string) (string, error)      { return "", nil }
func (s *Redis) Setex(key, value string, seconds int) error                  { return nil }
func (s *Redis) Hincrby(key, field string, increment int) (int, error)       { return 0, nil }
func (s *Redis) Del(keys ...string) (int, error)                             { return 0, nil }
func (s *Redis) Eval(script string, keys []string, args ...any) (any, error) { return nil, nil }
func (s *Redis) Ping() bool                                                  { return true }
func (s *Redis) Publish(channel string, message any) (int64, error)          { return 0, nil }
