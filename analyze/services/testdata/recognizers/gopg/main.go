// Command gopg reads and writes tables through go-pg: a model's tableName
// tag, else its type's name in snake case, plural; a Table call's name;
// SQL handed as an interface; through the database, a transaction and
// both interfaces go-pg declares.
package main

import (
	"context"
	"os"

	"github.com/go-pg/pg/v10"
	"github.com/go-pg/pg/v10/orm"
)

type Order struct {
	tableName struct{} `pg:"shop_orders,alias:o"`
	ID        int64
}

type LineItem struct{ ID int64 }

// Refund's TableName() is gorm's: go-pg reads its type's name.
type Refund struct{ ID int64 }

func (Refund) TableName() string { return "legacy_refunds" }

// Invoice's tag names an alias, no table; Total's says it has none.
type Invoice struct {
	tableName struct{} `pg:"alias:i"`
	ID        int64
}

type Total struct {
	tableName struct{} `pg:"_"`
	Sum       int64
}

type Summary struct{ Sum int64 }

type Legacy struct {
	tableName struct{} `sql:"legacy_rows"`
	ID        int64
}

func main() {
	ctx := context.Background()
	db := pg.Connect(&pg.Options{Addr: "db:5432", User: "shop", Database: "orders"}) // want "store postgres dsn postgres://db:5432/orders"
	db.Model(&Order{}).Select()                                                      // want "store postgres table shop_orders"
	db.Model(&[]LineItem{}).Where("id = ?", 1).Select()                              // want "store postgres table line_items"
	db.Model((*Legacy)(nil)).CreateTable(&orm.CreateTableOptions{})                  // want "store postgres table legacy_rows"
	db.ModelContext(ctx, &Order{}, &LineItem{}).Insert()                             // want "store postgres table shop_orders" "store postgres table line_items"
	db.Model().Table("audit_log").Select()                                           // want "store postgres table audit_log"
	db.Model(&Refund{}).Select()                                                     // want "store postgres table refunds"
	db.Model(&Invoice{}).Insert()                                                    // want "store postgres table invoices"
	db.Model(&[]Total{}).Select()
	db.Model(&[]Summary{}).ColumnExpr("sum(amount) AS sum").TableExpr("invoices AS i").Select()
	db.Exec("DELETE FROM carts WHERE id = ?", 1)   // want "store postgres table carts"
	db.ExecContext(ctx, "DELETE FROM carts")       // want "store postgres table carts"
	db.Query(&[]Order{}, "SELECT * FROM refunds")  // want "store postgres table refunds"
	db.QueryOne(&Order{}, "SELECT 1 FROM refunds") // want "store postgres table refunds"
	tx, _ := db.Begin()
	tx.Model(&Order{}).Update()       // want "store postgres table shop_orders"
	tx.ModelContext(ctx, &LineItem{}) // want "store postgres table line_items"
	tx.Exec("UPDATE stock SET n = 0") // want "store postgres table stock"
	withDBI(ctx, db)
	withORM(ctx, db)

	opts, _ := pg.ParseURL(os.Getenv("REPORTS_URL"))
	pg.Connect(opts)                         // want "store postgres env REPORTS_URL"
	pg.Connect(&pg.Options{User: "reports"}) // want "store postgres"
}

func withDBI(ctx context.Context, db pg.DBI) {
	db.Model(&Order{})                              // want "store postgres table shop_orders"
	db.ModelContext(ctx, &LineItem{})               // want "store postgres table line_items"
	db.Exec("INSERT INTO audit_log DEFAULT VALUES") // want "store postgres table audit_log"
}

func withORM(ctx context.Context, db orm.DB) {
	db.Model(&Order{})                // want "store postgres table shop_orders"
	db.ModelContext(ctx, &LineItem{}) // want "store postgres table line_items"
}
