package gorm

import "context"

// The generic API (gorm 1.30): as in the library, Interface embeds
// CreateInterface, which with ChainInterface embeds ExecInterface.

type ExecInterface[T any] interface {
	First(ctx context.Context) (T, error)
	Last(ctx context.Context) (T, error)
	Take(ctx context.Context) (T, error)
	Find(ctx context.Context) ([]T, error)
}

type ChainInterface[T any] interface {
	ExecInterface[T]
	Where(query any, args ...any) ChainInterface[T]
	Table(name string, args ...any) ChainInterface[T]
	Delete(ctx context.Context) (int, error)
	Update(ctx context.Context, name string, value any) (int, error)
	Updates(ctx context.Context, t T) (int, error)
	Count(ctx context.Context, column string) (int64, error)
}

type CreateInterface[T any] interface {
	ExecInterface[T]
	Where(query any, args ...any) ChainInterface[T]
	Select(query string, args ...any) CreateInterface[T]
	Table(name string, args ...any) CreateInterface[T]
	Create(ctx context.Context, r *T) error
	CreateInBatches(ctx context.Context, r *[]T, batchSize int) error
	Delete(ctx context.Context) (int, error)
	Update(ctx context.Context, name string, value any) (int, error)
	Updates(ctx context.Context, t T) (int, error)
	Count(ctx context.Context, column string) (int64, error)
}

type Interface[T any] interface {
	CreateInterface[T]
}

func G[T any](db *DB) Interface[T] { return nil }
