// Command monolith runs every module in one process, on one database.
package main

import (
	"database/sql"
	"net/http"
	"os"

	"example.com/mall/billing"
	"example.com/mall/orders"
)

func main() {
	db, _ := sql.Open("postgres", os.Getenv("PG_CONN"))
	mux := http.NewServeMux()
	orders.Root(db, mux)
	billing.Root(db, mux)
	http.ListenAndServe(":8080", mux)
}
