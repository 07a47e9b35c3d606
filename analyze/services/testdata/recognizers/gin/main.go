// Command gin serves routes with gin: on the engine, on a group, whose
// prefix the routes take, and through the IRoutes and IRouter interfaces,
// which keep the prefix of the group or engine behind them.
package main

import "github.com/gin-gonic/gin"

func h(c *gin.Context) {}

func main() {
	e := gin.Default()
	g := e.Group("/api")
	g.GET("/get", h)                              // want "serve http GET /api/get"
	g.POST("/post", h)                            // want "serve http POST /api/post"
	g.PUT("/put", h)                              // want "serve http PUT /api/put"
	g.DELETE("/delete", h)                        // want "serve http DELETE /api/delete"
	g.PATCH("/patch", h)                          // want "serve http PATCH /api/patch"
	g.HEAD("/head", h)                            // want "serve http HEAD /api/head"
	g.OPTIONS("/options", h)                      // want "serve http OPTIONS /api/options"
	g.Any("/any", h)                              // want "serve http /api/any"
	g.Handle("delete", "/handle", h)              // want "serve http DELETE /api/handle"
	g.Match([]string{"GET", "POST"}, "/match", h) // want "serve http /api/match"

	var routes gin.IRoutes = g
	routes.GET("/get", h)                      // want "serve http GET /api/get"
	routes.POST("/post", h)                    // want "serve http POST /api/post"
	routes.PUT("/put", h)                      // want "serve http PUT /api/put"
	routes.DELETE("/delete", h)                // want "serve http DELETE /api/delete"
	routes.PATCH("/patch", h)                  // want "serve http PATCH /api/patch"
	routes.HEAD("/head", h)                    // want "serve http HEAD /api/head"
	routes.OPTIONS("/options", h)              // want "serve http OPTIONS /api/options"
	routes.Any("/any", h)                      // want "serve http /api/any"
	routes.Handle("delete", "/handle", h)      // want "serve http DELETE /api/handle"
	routes.Match([]string{"PUT"}, "/match", h) // want "serve http /api/match"

	var router gin.IRouter = &e.RouterGroup
	router.GET("/get", h)                      // want "serve http GET /get"
	router.POST("/post", h)                    // want "serve http POST /post"
	router.PUT("/put", h)                      // want "serve http PUT /put"
	router.DELETE("/delete", h)                // want "serve http DELETE /delete"
	router.PATCH("/patch", h)                  // want "serve http PATCH /patch"
	router.HEAD("/head", h)                    // want "serve http HEAD /head"
	router.OPTIONS("/options", h)              // want "serve http OPTIONS /options"
	router.Any("/any", h)                      // want "serve http /any"
	router.Handle("delete", "/handle", h)      // want "serve http DELETE /handle"
	router.Match([]string{"GET"}, "/match", h) // want "serve http /match"

	// A group made through the interface keeps its prefix, as code that
	// is handed a gin.IRouter makes one.
	v2 := router.Group("/v2")
	v2.GET("/users", h) // want "serve http GET /v2/users"
}
