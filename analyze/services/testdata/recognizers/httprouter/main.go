// Command httprouter serves routes with julienschmidt/httprouter: by
// method, and by a method its caller names.
package main

import (
	"net/http"

	"github.com/julienschmidt/httprouter"
)

func h(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {}

func main() {
	r := httprouter.New()
	r.GET("/users/:id", h)                                                          // want "serve http GET /users/:id"
	r.POST("/users", h)                                                             // want "serve http POST /users"
	r.PUT("/users/:id", h)                                                          // want "serve http PUT /users/:id"
	r.PATCH("/users/:id", h)                                                        // want "serve http PATCH /users/:id"
	r.DELETE("/users/:id", h)                                                       // want "serve http DELETE /users/:id"
	r.HEAD("/users", h)                                                             // want "serve http HEAD /users"
	r.OPTIONS("/users", h)                                                          // want "serve http OPTIONS /users"
	r.Handle("post", "/topic/create", h)                                            // want "serve http POST /topic/create"
	r.Handler("GET", "/debug/vars", http.DefaultServeMux)                           // want "serve http GET /debug/vars"
	r.HandlerFunc("GET", "/stats", func(w http.ResponseWriter, r *http.Request) {}) // want "serve http GET /stats"
	http.ListenAndServe(":4151", r)
}
