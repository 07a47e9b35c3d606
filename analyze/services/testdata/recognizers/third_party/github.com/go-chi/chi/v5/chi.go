// Package chi stands in for go-chi: the API shape archie recognizes, no behaviour.
package chi

import "net/http"

type Router interface {
	Handle(pattern string, h http.Handler)
	HandleFunc(pattern string, h http.HandlerFunc)
	Method(method, pattern string, h http.Handler)
	MethodFunc(method, pattern string, h http.HandlerFunc)
	Get(pattern string, h http.HandlerFunc)
	Post(pattern string, h http.HandlerFunc)
	Put(pattern string, h http.HandlerFunc)
	Delete(pattern string, h http.HandlerFunc)
	Patch(pattern string, h http.HandlerFunc)
	Head(pattern string, h http.HandlerFunc)
	Options(pattern string, h http.HandlerFunc)
	Connect(pattern string, h http.HandlerFunc)
	Trace(pattern string, h http.HandlerFunc)
}

type Mux struct{}

func NewRouter() *Mux { return &Mux{} }

func (m *Mux) Handle(pattern string, h http.Handler)                 {}
func (m *Mux) HandleFunc(pattern string, h http.HandlerFunc)         {}
func (m *Mux) Method(method, pattern string, h http.Handler)         {}
func (m *Mux) MethodFunc(method, pattern string, h http.HandlerFunc) {}

func (m *Mux) Get(pattern string, h http.HandlerFunc)     {}
func (m *Mux) Post(pattern string, h http.HandlerFunc)    {}
func (m *Mux) Put(pattern string, h http.HandlerFunc)     {}
func (m *Mux) Delete(pattern string, h http.HandlerFunc)  {}
func (m *Mux) Patch(pattern string, h http.HandlerFunc)   {}
func (m *Mux) Head(pattern string, h http.HandlerFunc)    {}
func (m *Mux) Options(pattern string, h http.HandlerFunc) {}
func (m *Mux) Connect(pattern string, h http.HandlerFunc) {}
func (m *Mux) Trace(pattern string, h http.HandlerFunc)   {}
