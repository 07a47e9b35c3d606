// Command web serves the shop's pages on a gorilla/mux subrouter, each
// page behind a logging middleware; checkout places the order with the
// orders service.
package main

import (
	"log"
	"net/http"

	"github.com/gorilla/mux"
)

func logging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Println(r.URL.Path)
		next.ServeHTTP(w, r)
	})
}

func checkout(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Post("http://orders:8080/api/v1/orders", "application/json", r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp.Body.Close()
}

func main() {
	r := mux.NewRouter()
	shop := r.PathPrefix("/shop").Subrouter()
	shop.Handle("/checkout", logging(http.HandlerFunc(checkout))).Methods("POST")
	http.ListenAndServe(":8080", r)
}
