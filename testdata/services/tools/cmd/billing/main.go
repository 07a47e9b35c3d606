// Command billing writes invoices in a loop. It serves nothing; the
// Procfile deploys it.
package main

import (
	"database/sql"
	"os"
	"time"
)

func main() {
	db, _ := sql.Open("postgres", os.Getenv("BILLING_DATABASE_URL"))
	for range time.Tick(time.Hour) {
		db.Exec("INSERT INTO invoices (id) VALUES (1)")
	}
}
