// Command listener serves a handler of its own, with no route archie
// recognizes: it listens, so it is a service.
package main

import "net/http"

type echo struct{}

func (echo) ServeHTTP(w http.ResponseWriter, r *http.Request) { w.Write([]byte(r.URL.Path)) }

func main() {
	srv := &http.Server{Addr: ":8081", Handler: echo{}}
	srv.ListenAndServe()
}
