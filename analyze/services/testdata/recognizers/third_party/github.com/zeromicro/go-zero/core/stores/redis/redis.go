// Package redis stands in for go-zero's redis: the API shape archie recognizes, no behaviour.
package redis

type Redis struct{}

type Option func(*Redis)

func New(addr string, opts ...Option) *Redis                 { return &Redis{} }
func MustNewRedis(addr string, opts ...Option) *Redis        { return &Redis{} }
func NewRedis(addr, redisType string, pass ...string) *Redis { return &Redis{} }
