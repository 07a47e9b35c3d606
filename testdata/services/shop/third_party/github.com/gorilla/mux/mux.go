// Package mux is a stand-in with the API shape archie recognizes; it does nothing.
package mux

import "net/http"

type Route struct{ methods []string }

func (r *Route) Methods(ms ...string) *Route { r.methods = ms; return r }

type Router struct{ routes []*Route }

func NewRouter() *Router { return &Router{} }

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

func (r *Router) HandleFunc(path string, f func(http.ResponseWriter, *http.Request)) *Route {
	rt := &Route{}
	r.routes = append(r.routes, rt)
	return rt
}
