// Package gin stands in for gin: the API shape archie recognizes, no behaviour.
package gin

type Context struct{}

type HandlerFunc func(*Context)

type IRoutes interface {
	Handle(method, path string, handlers ...HandlerFunc) IRoutes
	GET(path string, handlers ...HandlerFunc) IRoutes
	POST(path string, handlers ...HandlerFunc) IRoutes
	PUT(path string, handlers ...HandlerFunc) IRoutes
	DELETE(path string, handlers ...HandlerFunc) IRoutes
	PATCH(path string, handlers ...HandlerFunc) IRoutes
	HEAD(path string, handlers ...HandlerFunc) IRoutes
	OPTIONS(path string, handlers ...HandlerFunc) IRoutes
	Any(path string, handlers ...HandlerFunc) IRoutes
	Match(methods []string, path string, handlers ...HandlerFunc) IRoutes
}

type IRouter interface {
	IRoutes
	Group(path string, handlers ...HandlerFunc) *RouterGroup
}

type RouterGroup struct{}

func (g *RouterGroup) Group(path string, handlers ...HandlerFunc) *RouterGroup { return g }

func (g *RouterGroup) Handle(method, path string, handlers ...HandlerFunc) IRoutes { return g }

func (g *RouterGroup) Match(methods []string, path string, handlers ...HandlerFunc) IRoutes {
	return g
}

func (g *RouterGroup) GET(path string, handlers ...HandlerFunc) IRoutes     { return g }
func (g *RouterGroup) POST(path string, handlers ...HandlerFunc) IRoutes    { return g }
func (g *RouterGroup) PUT(path string, handlers ...HandlerFunc) IRoutes     { return g }
func (g *RouterGroup) DELETE(path string, handlers ...HandlerFunc) IRoutes  { return g }
func (g *RouterGroup) PATCH(path string, handlers ...HandlerFunc) IRoutes   { return g }
func (g *RouterGroup) HEAD(path string, handlers ...HandlerFunc) IRoutes    { return g }
func (g *RouterGroup) OPTIONS(path string, handlers ...HandlerFunc) IRoutes { return g }
func (g *RouterGroup) Any(path string, handlers ...HandlerFunc) IRoutes     { return g }

type Engine struct{ RouterGroup }

func Default() *Engine { return &Engine{} }
