// Command gormv1 names its tables in the singular, as jinzhu/gorm does once
// told to, and reads a raw query's rows into a struct that is no model.
package main

import "github.com/jinzhu/gorm"

type Order struct{ ID int }

type OrderSummary struct {
	Day   string
	Total int
}

// TableName names the table gorm uses for line items.
func (LineItem) TableName() string { return "order_lines" }

type LineItem struct{ ID int }

func main() {
	db, _ := gorm.Open("postgres", "postgres://db:5432/shop") // want "store postgres dsn postgres://db:5432/shop"
	db.SingularTable(true)
	db.First(&Order{})     // want "store postgres table order"
	db.Create(&LineItem{}) // want "store postgres table order_lines"
	var sums []OrderSummary
	db.Raw("SELECT day, sum(total) FROM sales GROUP BY day").Find(&sums) // want "store postgres table sales"
}
