// Command sqlx opens databases with sqlx, whose driver names their kind,
// and names a table in SQL given to it.
package main

import "github.com/jmoiron/sqlx"

func main() {
	db, _ := sqlx.Open("mysql", "root@tcp(mysql:3306)/shop") // want "store mysql dsn root@tcp(mysql:3306)/shop"
	var ids []int
	db.Select(&ids, "SELECT id FROM products") // want "store mysql table products"

	sqlx.Connect("sqlite3", "file:shop.db")                 // want "store sqlite dsn file:shop.db"
	sqlx.MustConnect("sqlserver", "sqlserver://mssql:1433") // want "store sqlserver dsn sqlserver://mssql:1433"
	sqlx.MustOpen("pgx", "postgres://db:5432/shop")         // want "store postgres dsn postgres://db:5432/shop"
}
