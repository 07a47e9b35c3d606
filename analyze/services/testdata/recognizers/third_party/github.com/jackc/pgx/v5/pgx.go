// Package pgx stands in for jackc/pgx: the API shape archie recognizes, no behaviour.
package pgx

import "context"

type Conn struct{}

type ConnConfig struct{}

func Connect(ctx context.Context, connString string) (*Conn, error)   { return &Conn{}, nil }
func ParseConfig(connString string) (*ConnConfig, error)              { return &ConnConfig{}, nil }
func ConnectConfig(ctx context.Context, c *ConnConfig) (*Conn, error) { return &Conn{}, nil }

func (c *Conn) Exec(ctx context.Context, sql string, args ...any) error { return nil }

func (c *Conn) Prepare(ctx context.Context, name, sql string) error { return nil }
