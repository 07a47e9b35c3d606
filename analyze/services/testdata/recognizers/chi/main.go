// Command chi serves routes with chi, through its Mux and its Router
// interface, and under the prefixes of its sub-routers.
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
	scoped()
}

func mw(next http.Handler) http.Handler { return next }

// scoped serves routes under the prefixes of chi's Route, Group, With and
// Mount, in closures, methods and functions that build a sub-router.
func scoped() {
	f := handle
	r := chi.NewRouter()
	r.Route("/api", func(r chi.Router) {
		r.Get("/orders", orders) // want "serve http GET /api/orders"
		r.Route("/v2", func(r chi.Router) {
			r.Get("/", f) // want "serve http GET /api/v2"
		})
		r.With(mw).Post("/orders", f) // want "serve http POST /api/orders"
		r.Group(func(r chi.Router) {
			r.Delete("/orders/{id}", f) // want "serve http DELETE /api/orders/{id}"
		})
		r.Mount("/files", http.FileServer(http.Dir("."))) // want "serve http /api/files/*"
	})
	r.Route("/users", users{}.routes)
	r.Mount("/admin", adminRouter())
	r.Mount("/static", http.FileServer(http.Dir("."))) // want "serve http /static/*"
	r.Mount("/legacy", legacy{})                       // want "serve http /legacy/*"
	sub := chi.NewRouter()
	sub.Get("/ping", f) // want "serve http GET /internal/ping"
	r.Mount("/internal", sub)

	// A helper's route is each caller's, at the caller's line, under the
	// prefix of the router that caller passes.
	route(r, "get", "/helper/a", helperA)    // want "serve http GET /helper/a"
	route(sub, "post", "/helper/b", helperB) // want "serve http POST /internal/helper/b"
	http.ListenAndServe(":8080", r)
}

func orders(w http.ResponseWriter, r *http.Request) {
	http.Get("http://orders/list") // want "call http GET http://orders/list in GET /api/orders"
}

func adminRouter() http.Handler {
	r := chi.NewRouter()
	r.Get("/stats", handle) // want "serve http GET /admin/stats"
	return r
}

type users struct{}

func (users) routes(r chi.Router) {
	r.Get("/{id}", handle) // want "serve http GET /users/{id}"
}

// legacy is a handler mounted whole: it serves everything under its
// pattern.
type legacy struct{}

func (legacy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	http.Get("http://legacy/x") // want "call http GET http://legacy/x in /legacy/*"
}

func route(r chi.Router, method, path string, h http.HandlerFunc) {
	r.With(mw).Method(method, path, h)
}

func helperA(w http.ResponseWriter, r *http.Request) {
	http.Get("http://helper/a") // want "call http GET http://helper/a in GET /helper/a"
}

func helperB(w http.ResponseWriter, r *http.Request) {
	http.Get("http://helper/b") // want "call http GET http://helper/b in POST /internal/helper/b"
}
