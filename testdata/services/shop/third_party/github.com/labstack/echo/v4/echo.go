// Package echo is a stand-in with the API shape archie recognizes; it does nothing.
package echo

type Context interface {
	String(code int, s string) error
}

type HandlerFunc func(Context) error
type MiddlewareFunc func(HandlerFunc) HandlerFunc

type Route struct{ Method, Path string }

type Echo struct{ routes []*Route }

func New() *Echo { return &Echo{} }

func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route {
	r := &Route{"GET", path}
	e.routes = append(e.routes, r)
	return r
}

func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route {
	r := &Route{"POST", path}
	e.routes = append(e.routes, r)
	return r
}

func (e *Echo) Start(addr string) error { return nil }
