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

// Payment names its table as the tag's bare name, schema included.
type Payment struct {
	bun.BaseModel `bun:"payments.payment"`
	ID            int64
}

// Refund's tag sets only an alias: bun's default name stays.
type Refund struct {
	bun.BaseModel `bun:",alias:r"`
	ID            int64
}

func main() {
	ctx := context.Background()
	sqldb, _ := sql.Open("postgres", "postgres://db:5432/shop") // want "store postgres dsn postgres://db:5432/shop"
	db := bun.NewDB(sqldb, nil)
	db.NewInsert().Model(&Order{}).Exec(ctx)                 // want "store postgres table shop_orders"
	db.NewSelect().Model(&[]LineItem{}).Scan(ctx)            // want "store postgres table line_items"
	db.NewUpdate().Model(&Order{}).Exec(ctx)                 // want "store postgres table shop_orders"
	db.NewDelete().Model(&LineItem{}).Exec(ctx)              // want "store postgres table line_items"
	db.NewInsert().Model(&Payment{}).Exec(ctx)               // want "store postgres table payments.payment"
	db.NewSelect().Model(&Refund{}).Scan(ctx)                // want "store postgres table refunds"
	db.ExecContext(ctx, "DELETE FROM carts WHERE id = ?", 1) // want "store postgres table carts"
}
