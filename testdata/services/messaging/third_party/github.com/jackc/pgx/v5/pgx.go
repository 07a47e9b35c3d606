// Package pgx is a stand-in with the API shape archie recognizes; it does nothing.
package pgx

import "context"

type Rows interface{ Close() }
type CommandTag string
type Conn struct{ dsn string }

func Connect(ctx context.Context, connString string) (*Conn, error) { return &Conn{connString}, nil }

func (c *Conn) Exec(ctx context.Context, sql string, args ...any) (CommandTag, error) { return "", nil }

// Tx is a transaction.
type Tx interface {
	Exec(ctx context.Context, sql string, args ...any) (CommandTag, error)
	Commit(ctx context.Context) error
}

type tx struct{}

func (tx) Exec(ctx context.Context, sql string, args ...any) (CommandTag, error) { return "", nil }
func (tx) Commit(ctx context.Context) error                                      { return nil }

func (c *Conn) Begin(ctx context.Context) (Tx, error) { return tx{}, nil }
