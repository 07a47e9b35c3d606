// Package sqlx stands in for go-zero's sqlx: the API shape archie recognizes, no behaviour.
package sqlx

import (
	"context"
	"database/sql"
)

type Session interface {
	Exec(query string, args ...any) error
	ExecCtx(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowCtx(ctx context.Context, v any, query string, args ...any) error
}

type SqlConn interface {
	Session
}

type conn struct{}

func (conn) Exec(query string, args ...any) error { return nil }
func (conn) ExecCtx(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return nil, nil
}
func (conn) QueryRowCtx(ctx context.Context, v any, query string, args ...any) error { return nil }

func NewMysql(datasource string) SqlConn               { return conn{} }
func NewSqlConn(driverName, datasource string) SqlConn { return conn{} }
