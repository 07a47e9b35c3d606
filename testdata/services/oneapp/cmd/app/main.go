// Command app is two services in one binary: its first argument chooses
// the web front or the worker, and each deployment runs one of them.
package main

import (
	"database/sql"
	"flag"
	"net/http"
	"os"
)

func main() {
	flag.Parse()
	switch flag.Arg(0) {
	case "web":
		http.HandleFunc("/checkout", checkout)
		http.ListenAndServe(":8080", nil)
	case "worker":
		db, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
		db.Exec("UPDATE orders SET paid = true")
		http.HandleFunc("/jobs", func(w http.ResponseWriter, r *http.Request) {})
		http.ListenAndServe(":8081", nil)
	}
}

// checkout asks billing to charge.
func checkout(w http.ResponseWriter, r *http.Request) {
	http.Post(os.Getenv("BILLING_URL")+"/charge", "application/json", nil)
}
