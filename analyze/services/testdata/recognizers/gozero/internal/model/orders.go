// Package model is a table model as goctl generates it with -cache: rows
// are read through a Redis cache, each under a key of the table's prefix
// and the row's id or unique column.
package model

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/zeromicro/go-zero/core/stores/cache"
	"github.com/zeromicro/go-zero/core/stores/redis"
	"github.com/zeromicro/go-zero/core/stores/sqlc"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

var (
	cacheOrdersIdPrefix   = "cache:orders:id:"
	cacheOrdersCodePrefix = "cache:orders:code:"
)

type Orders struct {
	Id   int64
	Code string
}

type OrdersModel struct {
	sqlc.CachedConn
	table string
}

func NewOrdersModel(conn sqlx.SqlConn, c cache.CacheConf) *OrdersModel {
	return &OrdersModel{CachedConn: sqlc.NewConn(conn, c), table: "`orders`"}
}

func (m *OrdersModel) FindOne(ctx context.Context, id int64) (*Orders, error) {
	key := fmt.Sprintf("%s%v", cacheOrdersIdPrefix, id)
	var resp Orders
	err := m.QueryRowCtx(ctx, &resp, key, func(ctx context.Context, conn sqlx.SqlConn, v any) error { // want "store redis key cache:orders:id:*"
		return conn.QueryRowCtx(ctx, v, fmt.Sprintf("select id, code from %s where `id` = ? limit 1", m.table), id) // want "store sql table orders"
	})
	return &resp, err
}

func (m *OrdersModel) FindOneByCode(ctx context.Context, code string) (*Orders, error) {
	key := fmt.Sprintf("%s%v", cacheOrdersCodePrefix, code)
	var resp Orders
	err := m.QueryRowIndexCtx(ctx, &resp, key, m.formatPrimary, func(ctx context.Context, conn sqlx.SqlConn, v any) (any, error) { // want "store redis key cache:orders:code:*" "store redis key cache:orders:id:*"
		if err := conn.QueryRowCtx(ctx, &resp, fmt.Sprintf("select id, code from %s where `code` = ? limit 1", m.table), code); err != nil { // want "store sql table orders"
			return nil, err
		}
		return resp.Id, nil
	}, func(ctx context.Context, conn sqlx.SqlConn, v, primary any) error {
		return conn.QueryRowCtx(ctx, v, fmt.Sprintf("select id, code from %s where `id` = ? limit 1", m.table), primary) // want "store sql table orders"
	})
	return &resp, err
}

func (m *OrdersModel) Delete(ctx context.Context, id int64, code string) error {
	idKey := fmt.Sprintf("%s%v", cacheOrdersIdPrefix, id)
	codeKey := fmt.Sprintf("%s%v", cacheOrdersCodePrefix, code)
	_, err := m.ExecCtx(ctx, func(ctx context.Context, conn sqlx.SqlConn) (sql.Result, error) { // want "store redis key cache:orders:id:*" "store redis key cache:orders:code:*"
		return conn.ExecCtx(ctx, fmt.Sprintf("delete from %s where `id` = ?", m.table), id) // want "store sql table orders"
	}, idKey, codeKey)
	return err
}

func (m *OrdersModel) formatPrimary(primary any) string {
	return fmt.Sprintf("%s%v", cacheOrdersIdPrefix, primary)
}

// Stock keeps counts in go-zero's own Redis client.
type Stock struct{ rds *redis.Redis }

func (s *Stock) Take(ctx context.Context, sku string) {
	s.rds.Hincrby("stock:"+sku, "count", -1)        // want "store redis key stock:*"
	s.rds.Eval("return 1", []string{"lock:" + sku}) // want "store redis key lock:*"
	s.rds.Ping()
}

func NewStock(r *redis.Redis) *Stock { return &Stock{rds: r} }
