// Command orders serves and keeps its rows in the database its Secret names.
package main

import (
	"database/sql"
	"net/http"
	"os"
)

func main() {
	db, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	db.Exec("INSERT INTO orders_rows (id) VALUES (1)")
	http.HandleFunc("/orders", func(http.ResponseWriter, *http.Request) {
		http.Get(os.Getenv("PEER_URL") + "/ping")
	})
	http.ListenAndServe(":8080", nil)
}
