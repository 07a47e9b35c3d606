// Command hertz serves routes with Hertz: on the server, which embeds the
// engine and its root group, on a group, whose prefix the routes take,
// and through the IRouter interface, as the code hz generates registers
// them.
package main

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/route"
)

func h(c context.Context, ctx *app.RequestContext) {}

func getCart(c context.Context, ctx *app.RequestContext) {
	http.Get("http://cart/items") // want "call http GET http://cart/items in GET /cart"
}

func _getcartMw() []app.HandlerFunc { return nil }

func register(r route.IRouter) {
	root := r.Group("/", h)
	root.GET("/cart", append(_getcartMw(), getCart)...) // want "serve http GET /cart"
	root.POST("/cart/add", h)                           // want "serve http POST /cart/add"

	// Routes on the interface itself.
	r.GET("/r/get", h)              // want "serve http GET /r/get"
	r.POST("/r/post", h)            // want "serve http POST /r/post"
	r.PUT("/r/put", h)              // want "serve http PUT /r/put"
	r.DELETE("/r/delete", h)        // want "serve http DELETE /r/delete"
	r.PATCH("/r/patch", h)          // want "serve http PATCH /r/patch"
	r.HEAD("/r/head", h)            // want "serve http HEAD /r/head"
	r.OPTIONS("/r/options", h)      // want "serve http OPTIONS /r/options"
	r.Any("/r/any", h)              // want "serve http /r/any"
	r.Handle("put", "/r/handle", h) // want "serve http PUT /r/handle"
}

func main() {
	s := server.Default()
	s.GET("/ping", h)             // want "serve http GET /ping"
	s.Any("/any", h)              // want "serve http /any"
	s.Handle("put", "/handle", h) // want "serve http PUT /handle"
	g := s.Group("/api")
	g.POST("/post", h)       // want "serve http POST /api/post"
	g.PUT("/put", h)         // want "serve http PUT /api/put"
	g.DELETE("/delete", h)   // want "serve http DELETE /api/delete"
	g.PATCH("/patch", h)     // want "serve http PATCH /api/patch"
	g.HEAD("/head", h)       // want "serve http HEAD /api/head"
	g.OPTIONS("/options", h) // want "serve http OPTIONS /api/options"
	var routes route.IRoutes = g
	routes.GET("/get", h)               // want "serve http GET /api/get"
	routes.POST("/post2", h)            // want "serve http POST /api/post2"
	routes.PUT("/put2", h)              // want "serve http PUT /api/put2"
	routes.DELETE("/delete2", h)        // want "serve http DELETE /api/delete2"
	routes.PATCH("/patch2", h)          // want "serve http PATCH /api/patch2"
	routes.HEAD("/head2", h)            // want "serve http HEAD /api/head2"
	routes.OPTIONS("/options2", h)      // want "serve http OPTIONS /api/options2"
	routes.Any("/any2", h)              // want "serve http /api/any2"
	routes.Handle("get", "/handle2", h) // want "serve http GET /api/handle2"
	register(s)
	s.Spin()
}
