// Command api serves orders over HTTP: a service because it registers
// routes.
package main

import (
	"database/sql"
	"net/http"
	"os"

	"example.com/tools/cmd/api/model"
)

func main() {
	db, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		model.Save(r.Context(), db, model.Order{ID: 1})
	})
	http.ListenAndServe(":8080", mux)
}
