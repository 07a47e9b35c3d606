// Command bun writes and reads tables through bun's query builder, with
// the table its models' tags name or bun's default, and raw SQL.
package main

import (
	"context"
	"database/sql"

	"github.com/uptrace/bun"
)

type Order struct {
	bun.BaseModel `bun:"table:shop_orders,alias:o"`
	ID            int64
}

type LineItem struct {
	ID int64
}

func main() {
	ctx := context.Background()
	sqldb, _ := sql.Open("postgres", "postgres://db:5432/shop") // want "store postgres dsn postgres://db:5432/shop"
	db := bun.NewDB(sqldb, nil)
	db.NewInsert().Model(&Order{}).Exec(ctx)                 // want "store postgres table shop_orders"
	db.NewSelect().Model(&[]LineItem{}).Scan(ctx)            // want "store postgres table line_items"
	db.NewUpdate().Model(&Order{}).Exec(ctx)                 // want "store postgres table shop_orders"
	db.NewDelete().Model(&LineItem{}).Exec(ctx)              // want "store postgres table line_items"
	db.ExecContext(ctx, "DELETE FROM carts WHERE id = ?", 1) // want "store postgres table carts"
}
