// Package redis stands in for go-zero's redis: the API shape archie recognizes, no behaviour.
package redis

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
