// Package api serves orders and asks the worker's queue for work.
package api

import (
	"net/http"
	"os"
)

func Serve() {
	http.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		http.Post(os.Getenv("WORKER_URL")+"/jobs", "application/json", nil)
	})
	http.ListenAndServe(":8080", nil)
}
