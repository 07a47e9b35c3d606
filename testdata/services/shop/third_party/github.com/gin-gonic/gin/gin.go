// Package gin is a stand-in with the API shape archie recognizes; it does nothing.
package gin

type Context struct{}

func (c *Context) String(code int, s string) {}

type HandlerFunc func(*Context)

type IRoutes interface {
	GET(path string, handlers ...HandlerFunc) IRoutes
}

type RouterGroup struct {
	prefix   string
	handlers map[string][]HandlerFunc
}

func (g *RouterGroup) Group(prefix string, handlers ...HandlerFunc) *RouterGroup {
	return &RouterGroup{prefix: g.prefix + prefix, handlers: g.handlers}
}

func (g *RouterGroup) GET(path string, handlers ...HandlerFunc) IRoutes {
	g.handlers["GET "+g.prefix+path] = handlers
	return g
}

func (g *RouterGroup) POST(path string, handlers ...HandlerFunc) IRoutes {
	g.handlers["POST "+g.prefix+path] = handlers
	return g
}

type Engine struct{ RouterGroup }

func Default() *Engine { return &Engine{RouterGroup{handlers: map[string][]HandlerFunc{}}} }

func (e *Engine) Run(addr ...string) error { return nil }
