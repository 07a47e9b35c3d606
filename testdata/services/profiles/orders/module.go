// Package orders is the orders module: run alone by orders/cmd/service,
// or with the other modules by cmd/monolith.
package orders

import (
	"database/sql"
	"net/http"
)

// Root registers the module's routes.
func Root(db *sql.DB, mux *http.ServeMux) {
	mux.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		db.Exec("INSERT INTO orders.orders (id) VALUES ($1)", r.FormValue("id"))
	})
}
