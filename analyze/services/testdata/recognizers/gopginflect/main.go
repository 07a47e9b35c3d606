// Command gopginflect names its tables with an inflector of its own: a
// model without a tableName tag names no table archie can know.
package main

import (
	"os"

	"github.com/go-pg/pg/v10"
	"github.com/go-pg/pg/v10/orm"
)

type Order struct {
	tableName struct{} `pg:"orders"`
	ID        int64
}

type LineItem struct{ ID int64 }

func main() {
	orm.SetTableNameInflector(func(s string) string { return "app_" + s })
	db := pg.Connect(&pg.Options{Addr: os.Getenv("PG_ADDR"), Database: "shop"}) // want "store postgres env PG_ADDR"
	db.Model(&LineItem{})
	db.Model(&Order{}).Table("line_items") // want "store postgres table line_items"
}
