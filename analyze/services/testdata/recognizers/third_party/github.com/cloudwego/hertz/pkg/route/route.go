// Package route stands in for Hertz's: the API shape archie recognizes, no behaviour.
package route

import "github.com/cloudwego/hertz/pkg/app"

type IRoutes interface {
	GET(path string, handlers ...app.HandlerFunc) IRoutes
	POST(path string, handlers ...app.HandlerFunc) IRoutes
	PUT(path string, handlers ...app.HandlerFunc) IRoutes
	DELETE(path string, handlers ...app.HandlerFunc) IRoutes
	PATCH(path string, handlers ...app.HandlerFunc) IRoutes
	HEAD(path string, handlers ...app.HandlerFunc) IRoutes
	OPTIONS(path string, handlers ...app.HandlerFunc) IRoutes
	Any(path string, handlers ...app.HandlerFunc) IRoutes
	Handle(method, path string, handlers ...app.HandlerFunc) IRoutes
}

type IRouter interface {
	IRoutes
	Group(path string, handlers ...app.HandlerFunc) *RouterGroup
}

type RouterGroup struct{ base string }

func (g *RouterGroup) Group(path string, handlers ...app.HandlerFunc) *RouterGroup {
	return &RouterGroup{base: g.base + path}
}
func (g *RouterGroup) GET(path string, handlers ...app.HandlerFunc) IRoutes     { return g }
func (g *RouterGroup) POST(path string, handlers ...app.HandlerFunc) IRoutes    { return g }
func (g *RouterGroup) PUT(path string, handlers ...app.HandlerFunc) IRoutes     { return g }
func (g *RouterGroup) DELETE(path string, handlers ...app.HandlerFunc) IRoutes  { return g }
func (g *RouterGroup) PATCH(path string, handlers ...app.HandlerFunc) IRoutes   { return g }
func (g *RouterGroup) HEAD(path string, handlers ...app.HandlerFunc) IRoutes    { return g }
func (g *RouterGroup) OPTIONS(path string, handlers ...app.HandlerFunc) IRoutes { return g }
func (g *RouterGroup) Any(path string, handlers ...app.HandlerFunc) IRoutes     { return g }
func (g *RouterGroup) Handle(method, path string, handlers ...app.HandlerFunc) IRoutes {
	return g
}

type Engine struct {
	RouterGroup
}
