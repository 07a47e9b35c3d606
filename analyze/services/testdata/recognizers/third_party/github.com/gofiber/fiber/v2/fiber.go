// Package fiber stands in for gofiber/fiber v2: the API shape archie
// recognizes, no behaviour. As in the library, an App's methods are its
// own, and a group is handed back as the Router interface.
package fiber

type Ctx struct{}

type Handler = func(*Ctx) error

type Config struct{}

type Router interface {
	Get(path string, handlers ...Handler) Router
	Post(path string, handlers ...Handler) Router
	Put(path string, handlers ...Handler) Router
	Delete(path string, handlers ...Handler) Router
	Patch(path string, handlers ...Handler) Router
	Head(path string, handlers ...Handler) Router
	Options(path string, handlers ...Handler) Router
	Connect(path string, handlers ...Handler) Router
	Trace(path string, handlers ...Handler) Router
	All(path string, handlers ...Handler) Router
	Add(method, path string, handlers ...Handler) Router
	Group(prefix string, handlers ...Handler) Router
	Route(prefix string, fn func(router Router), name ...string) Router
	Mount(prefix string, fiber *App) Router
}

type App struct{}

func New(config ...Config) *App { return &App{} }

func (app *App) Get(path string, handlers ...Handler) Router     { return app }
func (app *App) Post(path string, handlers ...Handler) Router    { return app }
func (app *App) Put(path string, handlers ...Handler) Router     { return app }
func (app *App) Delete(path string, handlers ...Handler) Router  { return app }
func (app *App) Patch(path string, handlers ...Handler) Router   { return app }
func (app *App) Head(path string, handlers ...Handler) Router    { return app }
func (app *App) Options(path string, handlers ...Handler) Router { return app }
func (app *App) Connect(path string, handlers ...Handler) Router { return app }
func (app *App) Trace(path string, handlers ...Handler) Router   { return app }
func (app *App) All(path string, handlers ...Handler) Router     { return app }
func (app *App) Add(method, path string, handlers ...Handler) Router {
	return app
}
func (app *App) Group(prefix string, handlers ...Handler) Router { return &Group{} }
func (app *App) Route(prefix string, fn func(router Router), name ...string) Router {
	return app
}
func (app *App) Mount(prefix string, fiber *App) Router { return app }
func (app *App) Listen(addr string) error               { return nil }

// Group is what App.Group returns, as a Router.
type Group struct{ app *App }

func (g *Group) Get(path string, handlers ...Handler) Router     { return g }
func (g *Group) Post(path string, handlers ...Handler) Router    { return g }
func (g *Group) Put(path string, handlers ...Handler) Router     { return g }
func (g *Group) Delete(path string, handlers ...Handler) Router  { return g }
func (g *Group) Patch(path string, handlers ...Handler) Router   { return g }
func (g *Group) Head(path string, handlers ...Handler) Router    { return g }
func (g *Group) Options(path string, handlers ...Handler) Router { return g }
func (g *Group) Connect(path string, handlers ...Handler) Router { return g }
func (g *Group) Trace(path string, handlers ...Handler) Router   { return g }
func (g *Group) All(path string, handlers ...Handler) Router     { return g }
func (g *Group) Add(method, path string, handlers ...Handler) Router {
	return g
}
func (g *Group) Group(prefix string, handlers ...Handler) Router { return &Group{} }
func (g *Group) Route(prefix string, fn func(router Router), name ...string) Router {
	return g
}
func (g *Group) Mount(prefix string, fiber *App) Router { return g }
