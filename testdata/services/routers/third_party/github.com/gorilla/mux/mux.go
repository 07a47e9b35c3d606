// Package mux stands in for gorilla/mux: the API shape archie recognizes, no behaviour.
package mux

import "net/http"

type Router struct{}

func NewRouter() *Router { return &Router{} }

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

func (r *Router) HandleFunc(path string, f func(http.ResponseWriter, *http.Request)) *Route {
	return &Route{}
}

func (r *Router) Handle(path string, h http.Handler) *Route { return &Route{} }

func (r *Router) NewRoute() *Route                           { return &Route{} }
func (r *Router) Path(tpl string) *Route                     { return &Route{} }
func (r *Router) PathPrefix(tpl string) *Route               { return &Route{} }
func (r *Router) Methods(methods ...string) *Route           { return &Route{} }
func (r *Router) Host(tpl string) *Route                     { return &Route{} }
func (r *Router) Use(mwf ...func(http.Handler) http.Handler) {}

type Route struct{}

func (r *Route) Methods(methods ...string) *Route { return r }
func (r *Route) Path(tpl string) *Route           { return r }
func (r *Route) PathPrefix(tpl string) *Route     { return r }
func (r *Route) Host(tpl string) *Route           { return r }
func (r *Route) Name(name string) *Route          { return r }
func (r *Route) Subrouter() *Router               { return &Router{} }
func (r *Route) Handler(h http.Handler) *Route    { return r }

func (r *Route) HandlerFunc(f func(http.ResponseWriter, *http.Request)) *Route { return r }
