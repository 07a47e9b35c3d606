// Package billing is the billing module, which looks orders up over HTTP.
package billing

import (
	"database/sql"
	"net/http"
	"os"
)

// Root registers the module's routes.
func Root(db *sql.DB, mux *http.ServeMux) {
	mux.HandleFunc("/invoices", func(w http.ResponseWriter, r *http.Request) {
		db.Exec("INSERT INTO billing.invoices (order_id) VALUES ($1)", r.FormValue("order"))
		http.Get(os.Getenv("ORDERS_URL") + "/orders")
	})
}
