// Package sqlc stands in for go-zero's sqlc: the API shape archie recognizes, no behaviour.
package sqlc

import (
	"context"
	"database/sql"

	"github.com/zeromicro/go-zero/core/stores/cache"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

// CachedConn runs SQL with the rows it reads kept in a Redis cache, by key.
type CachedConn struct{}

type (
	ExecCtxFn         func(ctx context.Context, conn sqlx.SqlConn) (sql.Result, error)
	QueryCtxFn        func(ctx context.Context, conn sqlx.SqlConn, v any) error
	IndexQueryCtxFn   func(ctx context.Context, conn sqlx.SqlConn, v any) (any, error)
	PrimaryQueryCtxFn func(ctx context.Context, conn sqlx.SqlConn, v, primary any) error
)

func NewConn(db sqlx.SqlConn, c cache.CacheConf, opts ...cache.Option) CachedConn {
	return CachedConn{}
}

func (cc CachedConn) QueryRowNoCache(v any, q string, args ...any) error { return nil }
func (cc CachedConn) QueryRowCtx(ctx context.Context, v any, key string, query QueryCtxFn) error {
	return nil
}
func (cc CachedConn) QueryRowIndexCtx(ctx context.Context, v any, key string, keyer func(primary any) string,
	indexQuery IndexQueryCtxFn, primaryQuery PrimaryQueryCtxFn) error {
	return nil
}
func (cc CachedConn) ExecCtx(ctx context.Context, exec ExecCtxFn, keys ...string) (sql.Result, error) {
	return nil, nil
}
func (cc CachedConn) DelCacheCtx(ctx context.Context, keys ...string) error { return nil }
func (cc CachedConn) TransactCtx(ctx context.Context, fn func(context.Context, sqlx.Session) error) error {
	return nil
}
