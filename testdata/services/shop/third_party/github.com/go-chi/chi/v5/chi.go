// Package chi is a stand-in with the API shape archie recognizes; it does nothing.
package chi

import "net/http"

type Router interface {
	http.Handler
	Get(pattern string, h http.HandlerFunc)
	Post(pattern string, h http.HandlerFunc)
	Handle(pattern string, h http.Handler)
}

type Mux struct{ routes map[string]http.Handler }

func NewRouter() *Mux { return &Mux{routes: map[string]http.Handler{}} }

func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
func (m *Mux) Get(pattern string, h http.HandlerFunc)           { m.routes["GET "+pattern] = h }
func (m *Mux) Post(pattern string, h http.HandlerFunc)          { m.routes["POST "+pattern] = h }
func (m *Mux) Handle(pattern string, h http.Handler)            { m.routes[pattern] = h }
