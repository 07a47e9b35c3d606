// Package mux stands in for gorilla/mux: the API shape archie recognizes, no behaviour.
package mux

import "net/http"

type Router struct{}

func NewRouter() *Router { return &Router{} }

type Route struct{}

func (r *Router) HandleFunc(path string, f func(http.ResponseWriter, *http.Request)) *Route {
	return &Route{}
}

func (r *Router) Handle(path string, h http.Handler) *Route { return &Route{} }

func (r *Route) Methods(methods ...string) *Route { return r }
