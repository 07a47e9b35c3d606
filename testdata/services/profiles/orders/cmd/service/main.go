// Command service runs the orders module alone.
package main

import (
	"database/sql"
	"net/http"
	"os"

	"example.com/mall/orders"
)

func main() {
	db, _ := sql.Open("postgres", os.Getenv("PG_CONN"))
	mux := http.NewServeMux()
	orders.Root(db, mux)
	http.ListenAndServe(":8080", mux)
}
