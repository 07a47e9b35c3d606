// Command gorilla serves routes with gorilla/mux.
package main

import (
	"net/http"

	"github.com/gorilla/mux"
)

func handle(w http.ResponseWriter, r *http.Request) {}

func main() {
	r := mux.NewRouter()
	r.HandleFunc("/orders", handle).Methods("GET", "POST") // want "serve http GET,POST /orders"
	r.Handle("/health", http.HandlerFunc(handle))          // want "serve http /health"
}
