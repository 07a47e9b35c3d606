// Package driver stands in for clickhouse-go's driver interfaces.
package driver

import "context"

type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Close() error
}

type Row interface{ Scan(dest ...any) error }

type Batch interface {
	Append(v ...any) error
	Send() error
}

type PrepareBatchOption func()

type Conn interface {
	Select(ctx context.Context, dest any, query string, args ...any) error
	Query(ctx context.Context, query string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) Row
	PrepareBatch(ctx context.Context, query string, opts ...PrepareBatchOption) (Batch, error)
	Exec(ctx context.Context, query string, args ...any) error
	AsyncInsert(ctx context.Context, query string, wait bool, args ...any) error
	Close() error
}
