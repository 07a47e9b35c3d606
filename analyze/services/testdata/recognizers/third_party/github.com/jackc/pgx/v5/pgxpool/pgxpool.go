// Package pgxpool stands in for jackc/pgx/v5/pgxpool: the API shape archie recognizes, no behaviour.
package pgxpool

import "context"

type Pool struct{}

type Config struct{}

func New(ctx context.Context, connString string) (*Pool, error)     { return &Pool{}, nil }
func Connect(ctx context.Context, connString string) (*Pool, error) { return &Pool{}, nil }
func ParseConfig(connString string) (*Config, error)                { return &Config{}, nil }
func ConnectConfig(ctx context.Context, c *Config) (*Pool, error)   { return &Pool{}, nil }
func NewWithConfig(ctx context.Context, c *Config) (*Pool, error)   { return &Pool{}, nil }

func (p *Pool) Query(ctx context.Context, sql string, args ...any) error { return nil }
