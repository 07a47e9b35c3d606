// Command gorm opens a database with gorm, names tables through models,
// Table and SQL, and opens another with jinzhu/gorm.
package main

import (
	"context"

	"github.com/glebarez/sqlite"
	jinzhu "github.com/jinzhu/gorm"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

type Order struct{ ID int }

type Refund struct{ ID int }

type LineItem struct{ ID int }

type Customer struct{ ID int }

// A product's categories are a many-to-many association: gorm keeps it in
// a join table the tag names.
type Product struct {
	ID         int
	Categories []Category `json:"categories" gorm:"many2many:product_category;"`
}

type Category struct {
	ID       int
	Products []Product `gorm:"many2many:product_category"`
}

// Models whose plural is irregular: gorm names their tables with
// jinzhu/inflection.
type (
	BrandTrans   struct{ ID int }
	ProductMedia struct{ ID int }
	Person       struct{ ID int }
	Wolf         struct{ ID int }
	Index        struct{ ID int }
)

// TableName names the table gorm uses for customers.
func (Customer) TableName() string { return "clients" }

func main() {
	db, _ := gorm.Open(postgres.Open("postgres://db:5432/shop")) // want "store postgres dsn postgres://db:5432/shop"
	db.Table("invoices")                                         // want "store postgres table invoices"
	db.Model(&Order{})                                           // want "store postgres table orders"
	db.Create(&LineItem{})                                       // want "store postgres table line_items"
	db.Save(&Customer{})                                         // want "store postgres table clients"
	db.Find(&[]Order{})                                          // want "store postgres table orders"
	db.First(&Order{})                                           // want "store postgres table orders"
	db.Last(&Order{})                                            // want "store postgres table orders"
	db.Take(&Order{})                                            // want "store postgres table orders"
	db.Delete(&Order{})                                          // want "store postgres table orders"
	db.FirstOrCreate(&Order{})                                   // want "store postgres table orders"
	db.Updates(&Order{})                                         // want "store postgres table orders"
	db.Create(&Product{})                                        // want "store postgres table products" "store postgres table product_category"
	db.Find(&[]Category{})                                       // want "store postgres table categories"
	db.Create(&BrandTrans{})                                     // want "store postgres table brand_trans"
	db.Create(&ProductMedia{})                                   // want "store postgres table product_media"
	db.Create(&Person{})                                         // want "store postgres table people"
	db.Create(&Wolf{})                                           // want "store postgres table wolves"
	db.Create(&Index{})                                          // want "store postgres table indices"
	// The generic API: the model is the type argument.
	ctx := context.Background()
	g := gorm.G[Refund](db)
	g.Create(ctx, &Refund{})                // want "store postgres table refunds"
	g.CreateInBatches(ctx, &[]Refund{}, 10) // want "store postgres table refunds"
	g.Delete(ctx)                           // want "store postgres table refunds"
	g.Update(ctx, "status", "done")         // want "store postgres table refunds"
	g.Updates(ctx, Refund{})                // want "store postgres table refunds"
	g.First(ctx)                            // want "store postgres table refunds"
	g.Last(ctx)                             // want "store postgres table refunds"
	g.Take(ctx)                             // want "store postgres table refunds"
	g.Find(ctx)                             // want "store postgres table refunds"
	g.Count(ctx, "*")                       // want "store postgres table refunds"
	g.Table("refunds_archive").Find(ctx)    // want "store postgres table refunds_archive"
	sel := g.Select("id")
	sel.Create(ctx, &Refund{})                // want "store postgres table refunds"
	sel.CreateInBatches(ctx, &[]Refund{}, 10) // want "store postgres table refunds"
	sel.Delete(ctx)                           // want "store postgres table refunds"
	sel.Update(ctx, "status", "done")         // want "store postgres table refunds"
	sel.Updates(ctx, Refund{})                // want "store postgres table refunds"
	sel.First(ctx)                            // want "store postgres table refunds"
	sel.Last(ctx)                             // want "store postgres table refunds"
	sel.Take(ctx)                             // want "store postgres table refunds"
	sel.Find(ctx)                             // want "store postgres table refunds"
	sel.Count(ctx, "*")                       // want "store postgres table refunds"
	sel.Table("refunds_old").Find(ctx)        // want "store postgres table refunds_old"
	w := gorm.G[Customer](db).Where("id = ?", 1)
	w.Delete(ctx)                   // want "store postgres table clients"
	w.Update(ctx, "name", "x")      // want "store postgres table clients"
	w.Updates(ctx, Customer{})      // want "store postgres table clients"
	w.First(ctx)                    // want "store postgres table clients"
	w.Last(ctx)                     // want "store postgres table clients"
	w.Take(ctx)                     // want "store postgres table clients"
	w.Find(ctx)                     // want "store postgres table clients"
	w.Count(ctx, "*")               // want "store postgres table clients"
	w.Table("clients_eu").Find(ctx) // want "store postgres table clients_eu"

	// A query given its table by Table: the model names no table.
	db.Table("archived_orders").Find(&[]Order{})                 // want "store postgres table archived_orders"
	db.Table("archived_orders").Model(&Order{}).Find(&[]Order{}) // want "store postgres table archived_orders"
	// A derived table is the subquery's, which names its own; an alias
	// is not part of the table's name.
	db.Table("(?) AS recent", db.Table("visits")) // want "store postgres table visits"
	db.Table("returns AS r")                      // want "store postgres table returns"
	db.Table("credits c")                         // want "store postgres table credits"
	// AutoMigrate's models come as ...any: each one listed is read, and
	// a slice made elsewhere names none.
	db.AutoMigrate(&Order{}, &Customer{}) // want "store postgres table orders" "store postgres table clients"
	db.Migrator().CreateTable(&Refund{})  // want "store postgres table refunds"
	db.Migrator().DropTable("temp_orders")
	db.AutoMigrate(migrated()...)          // want "store postgres table orders"
	db.Migrator().AutoMigrate(&LineItem{}) // want "store postgres table line_items"
	db.Migrator().AutoMigrate(&LineItem{}) // want "store postgres table line_items"
	db.Raw("SELECT * FROM audit_log")      // want "store postgres table audit_log"
	// A query given its model, its rows read into another struct.
	db.Model(&Order{}).Find(&[]LineItem{}) // want "store postgres table orders"
	// A write after Model writes its model's table.
	db.Model(&Customer{}).Create(&Customer{}) // want "store postgres table clients" "store postgres table clients"
	// A raw query's rows read into a struct: the struct is no model.
	db.Raw("SELECT * FROM shipments").Find(&[]LineItem{}) // want "store postgres table shipments"
	db.Exec("DELETE FROM carts WHERE id = 1")             // want "store postgres table carts"

	// A dialector outside gorm.io/driver names its kind by its package;
	// an empty file name names no database.
	gorm.Open(sqlite.Open("cache.db"))                                            // want "store sqlite dsn cache.db"
	gorm.Open(postgres.New(postgres.Config{DSN: "postgres://replica:5432/shop"})) // want "store postgres dsn postgres://replica:5432/shop"
	gorm.Open(sqlite.Open(""))                                                    // want "store sqlite"
	old, _ := jinzhu.Open("mysql", "root@tcp(mysql:3306)/legacy")                 // want "store mysql dsn root@tcp(mysql:3306)/legacy"
	old.Table("legacy_orders")                                                    // want "store mysql table legacy_orders"
	// jinzhu/gorm names a model's table as gorm does; a struct scanned
	// into is no model.
	old.AutoMigrate(&Order{}, &LineItem{}) // want "store mysql table orders" "store mysql table line_items"
	old.Create(&Customer{})                // want "store mysql table clients"
	old.Where("id = ?", 1).First(&Order{}) // want "store mysql table orders"
	old.Limit(10).Find(&[]LineItem{})      // want "store mysql table line_items"
	old.Model(&Order{})                    // want "store mysql table orders"
	old.Exec("UPDATE stock SET n = n - 1") // want "store mysql table stock"
	old.Raw("SELECT 1").Scan(&struct{ N int }{})
	old.DropTableIfExists(&Refund{})                    // want "store mysql table refunds"
	old.DropTable(&Refund{})                            // want "store mysql table refunds"
	old.CreateTable(&Refund{})                          // want "store mysql table refunds"
	old.Save(&Order{})                                  // want "store mysql table orders"
	old.Last(&Order{})                                  // want "store mysql table orders"
	old.Take(&Order{})                                  // want "store mysql table orders"
	old.Delete(&Order{})                                // want "store mysql table orders"
	old.FirstOrCreate(&Order{})                         // want "store mysql table orders"
	old.FirstOrInit(&Order{})                           // want "store mysql table orders"
	old.Model(&Order{}).Updates(map[string]any{"n": 1}) // want "store mysql table orders"
}

func migrated() []any { return []any{&Order{}} }
