// Command gorilla serves routes with gorilla/mux: on the router, on
// subrouters under their PathPrefix, and on routes built from matchers.
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

	api := r.PathPrefix("/api").Subrouter()
	api.HandleFunc("/orders", orders).Methods("GET") // want "serve http GET /api/orders"
	v2 := api.PathPrefix("/v2").Subrouter()
	v2.HandleFunc("/orders/{id}", handle)       // want "serve http /api/v2/orders/{id}"
	api.PathPrefix("/files").HandlerFunc(files) // want "serve http /api/files/*"

	r.PathPrefix("/static/").Handler(http.FileServer(http.Dir(".")))       // want "serve http /static/*"
	r.Path("/items").Methods("POST").HandlerFunc(handle)                   // want "serve http POST /items"
	r.Methods("PUT").Path("/items/{id}").Handler(http.HandlerFunc(handle)) // want "serve http PUT /items/{id}"
	r.Host("admin.example.com").Subrouter().HandleFunc("/host", handle)    // want "serve http /host"

	handleRoute(api, "DELETE", "/orders/{id}", handle) // want "serve http DELETE /api/orders/{id}"
	handleRoute(r, "PATCH", "/items/{id}", handle)     // want "serve http PATCH /items/{id}"
	matchRoute(api, "DELETE", "/carts/{id}", handle)   // want "serve http DELETE /api/carts/{id}"
	matchRoute(r, "PATCH", "/carts/{id}", handle)      // want "serve http PATCH /carts/{id}"

	// A router served under a prefix it strips: its routes are under it.
	r.PathPrefix("/v1").Handler(http.StripPrefix("/v1", v1())) // want "serve http /v1/*"
	http.ListenAndServe(":8080", r)
}

func v1() http.Handler {
	m := http.NewServeMux()
	m.HandleFunc("/legacy", handle) // want "serve http /v1/legacy"
	return m
}

func orders(w http.ResponseWriter, r *http.Request) {
	http.Get("http://orders/list") // want "call http GET http://orders/list in GET /api/orders"
}

func files(w http.ResponseWriter, r *http.Request) {
	http.Get("http://files/x") // want "call http GET http://files/x in /api/files/*"
}

// handleRoute registers a route for its callers.
func handleRoute(r *mux.Router, method, path string, h http.HandlerFunc) {
	r.HandleFunc(path, h).Methods(method)
}

// matchRoute registers a route built from matchers for its callers.
func matchRoute(r *mux.Router, method, path string, h http.HandlerFunc) {
	r.Methods(method).Path(path).HandlerFunc(h)
}
