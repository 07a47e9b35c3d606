// Command chi serves routes with chi, through its Mux and its Router
// interface.
package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func handle(w http.ResponseWriter, r *http.Request) {}

func main() {
	h, f := http.HandlerFunc(handle), handle
	m := chi.NewRouter()
	m.Handle("/mux/handle", h)                 // want "serve http /mux/handle"
	m.HandleFunc("/mux/handlefunc", f)         // want "serve http /mux/handlefunc"
	m.Method("get", "/mux/method", h)          // want "serve http GET /mux/method"
	m.MethodFunc("post", "/mux/methodfunc", f) // want "serve http POST /mux/methodfunc"
	m.Get("/mux/get", f)                       // want "serve http GET /mux/get"
	m.Post("/mux/post", f)                     // want "serve http POST /mux/post"
	m.Put("/mux/put", f)                       // want "serve http PUT /mux/put"
	m.Delete("/mux/delete", f)                 // want "serve http DELETE /mux/delete"
	m.Patch("/mux/patch", f)                   // want "serve http PATCH /mux/patch"
	m.Head("/mux/head", f)                     // want "serve http HEAD /mux/head"
	m.Options("/mux/options", f)               // want "serve http OPTIONS /mux/options"
	m.Connect("/mux/connect", f)               // want "serve http CONNECT /mux/connect"
	m.Trace("/mux/trace", f)                   // want "serve http TRACE /mux/trace"

	var r chi.Router = m
	r.Handle("/router/handle", h)                 // want "serve http /router/handle"
	r.HandleFunc("/router/handlefunc", f)         // want "serve http /router/handlefunc"
	r.Method("get", "/router/method", h)          // want "serve http GET /router/method"
	r.MethodFunc("post", "/router/methodfunc", f) // want "serve http POST /router/methodfunc"
	r.Get("/router/get", f)                       // want "serve http GET /router/get"
	r.Post("/router/post", f)                     // want "serve http POST /router/post"
	r.Put("/router/put", f)                       // want "serve http PUT /router/put"
	r.Delete("/router/delete", f)                 // want "serve http DELETE /router/delete"
	r.Patch("/router/patch", f)                   // want "serve http PATCH /router/patch"
	r.Head("/router/head", f)                     // want "serve http HEAD /router/head"
	r.Options("/router/options", f)               // want "serve http OPTIONS /router/options"
	r.Connect("/router/connect", f)               // want "serve http CONNECT /router/connect"
	r.Trace("/router/trace", f)                   // want "serve http TRACE /router/trace"
}
