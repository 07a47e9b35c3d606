// Package echo stands in for labstack/echo: the API shape archie recognizes, no behaviour.
package echo

type Context interface{}

type HandlerFunc func(Context) error

type Route struct{}

type Echo struct{}

func New() *Echo { return &Echo{} }

type Group struct{}

func (e *Echo) Group(prefix string) *Group  { return &Group{} }
func (g *Group) Group(prefix string) *Group { return g }

func (e *Echo) Any(path string, h HandlerFunc) []*Route        { return nil }
func (g *Group) Any(path string, h HandlerFunc) []*Route       { return nil }
func (e *Echo) Add(method, path string, h HandlerFunc) *Route  { return nil }
func (g *Group) Add(method, path string, h HandlerFunc) *Route { return nil }

func (e *Echo) GET(path string, h HandlerFunc) *Route      { return nil }
func (g *Group) GET(path string, h HandlerFunc) *Route     { return nil }
func (e *Echo) POST(path string, h HandlerFunc) *Route     { return nil }
func (g *Group) POST(path string, h HandlerFunc) *Route    { return nil }
func (e *Echo) PUT(path string, h HandlerFunc) *Route      { return nil }
func (g *Group) PUT(path string, h HandlerFunc) *Route     { return nil }
func (e *Echo) DELETE(path string, h HandlerFunc) *Route   { return nil }
func (g *Group) DELETE(path string, h HandlerFunc) *Route  { return nil }
func (e *Echo) PATCH(path string, h HandlerFunc) *Route    { return nil }
func (g *Group) PATCH(path string, h HandlerFunc) *Route   { return nil }
func (e *Echo) HEAD(path string, h HandlerFunc) *Route     { return nil }
func (g *Group) HEAD(path string, h HandlerFunc) *Route    { return nil }
func (e *Echo) OPTIONS(path string, h HandlerFunc) *Route  { return nil }
func (g *Group) OPTIONS(path string, h HandlerFunc) *Route { return nil }

func (e *Echo) CONNECT(path string, h HandlerFunc) *Route  { return nil }
func (g *Group) CONNECT(path string, h HandlerFunc) *Route { return nil }

func (e *Echo) TRACE(path string, h HandlerFunc) *Route                      { return nil }
func (g *Group) TRACE(path string, h HandlerFunc) *Route                     { return nil }
func (e *Echo) Match(methods []string, path string, h HandlerFunc) []*Route  { return nil }
func (g *Group) Match(methods []string, path string, h HandlerFunc) []*Route { return nil }
