// Package chi stands in for go-chi: the API shape archie recognizes, no behaviour.
package chi

import "net/http"

type Router interface {
	http.Handler
	Use(middlewares ...func(http.Handler) http.Handler)
	With(middlewares ...func(http.Handler) http.Handler) Router
	Group(fn func(r Router)) Router
	Route(pattern string, fn func(r Router)) Router
	Mount(pattern string, h http.Handler)
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
func NewMux() *Mux    { return &Mux{} }

func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func (m *Mux) Use(middlewares ...func(http.Handler) http.Handler)         {}
func (m *Mux) With(middlewares ...func(http.Handler) http.Handler) Router { return m }
func (m *Mux) Group(fn func(r Router)) Router                             { return m }
func (m *Mux) Route(pattern string, fn func(r Router)) Router             { return m }
func (m *Mux) Mount(pattern string, h http.Handler)                       {}

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

// Middlewares is a stack of middleware handlers.
type Middlewares []func(http.Handler) http.Handler

func Chain(middlewares ...func(http.Handler) http.Handler) Middlewares { return middlewares }

func (mws Middlewares) Handler(h http.Handler) http.Handler         { return h }
func (mws Middlewares) HandlerFunc(h http.HandlerFunc) http.Handler { return h }
