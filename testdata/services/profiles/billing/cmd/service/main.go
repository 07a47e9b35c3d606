// Command service runs the billing module alone.
package main

import (
	"database/sql"
	"net/http"
	"os"

	"example.com/mall/billing"
)

func main() {
	db, _ := sql.Open("postgres", os.Getenv("PG_CONN"))
	mux := http.NewServeMux()
	billing.Root(db, mux)
	http.ListenAndServe(":8080", mux)
}
