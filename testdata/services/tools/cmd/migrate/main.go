// Command migrate creates the tables: a tool, run by hand. It names api's
// table, which is no shared database.
package main

import (
	"database/sql"
	"os"
)

func main() {
	db, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	db.Exec("CREATE TABLE orders (id int)")
	db.Exec("CREATE TABLE invoices (id int)")
}
