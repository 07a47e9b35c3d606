// Command gormv1handler names every table its own way: no model's table
// is known, and what its SQL names still is.
package main

import "github.com/jinzhu/gorm"

type Order struct{ ID int }

func main() {
	gorm.DefaultTableNameHandler = func(db *gorm.DB, name string) string { return "t_" + name }
	db, _ := gorm.Open("mysql", "root@tcp(mysql:3306)/shop") // want "store mysql dsn root@tcp(mysql:3306)/shop"
	db.First(&Order{})
	db.Exec("DELETE FROM t_orders WHERE id = 1") // want "store mysql table t_orders"
}
