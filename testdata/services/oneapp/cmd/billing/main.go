// Command billing serves charges or settles invoices, as SERVER_TO_RUN
// says; a development container runs it from the mounted source.
package main

import (
	"database/sql"
	"net/http"
	"os"
	"strings"
)

func main() {
	switch strings.ToLower(os.Getenv("SERVER_TO_RUN")) {
	case "http":
		http.HandleFunc("/charge", charge)
		http.ListenAndServe(":8080", nil)
	case "cron":
		settle()
	default:
		panic("SERVER_TO_RUN must be http or cron")
	}
}

func open() *sql.DB {
	db, _ := sql.Open("postgres", os.Getenv("BILLING_DATABASE_URL"))
	return db
}

func charge(w http.ResponseWriter, r *http.Request) {
	open().Exec("INSERT INTO invoices (amount) VALUES (1)")
}

// settle reads the invoices it shares with billing's other half, and the
// orders that belong to app's worker.
func settle() {
	db := open()
	db.Query("SELECT amount FROM invoices")
	db.Query("SELECT id FROM orders")
}
