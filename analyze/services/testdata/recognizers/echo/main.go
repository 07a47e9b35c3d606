// Command echo serves routes with echo, on the server and on a group,
// whose prefix the routes take.
package main

import "github.com/labstack/echo/v4"

func h(c echo.Context) error { return nil }

func main() {
	e := echo.New()
	e.GET("/get", h)                             // want "serve http GET /get"
	e.POST("/post", h)                           // want "serve http POST /post"
	e.PUT("/put", h)                             // want "serve http PUT /put"
	e.DELETE("/delete", h)                       // want "serve http DELETE /delete"
	e.PATCH("/patch", h)                         // want "serve http PATCH /patch"
	e.HEAD("/head", h)                           // want "serve http HEAD /head"
	e.OPTIONS("/options", h)                     // want "serve http OPTIONS /options"
	e.Any("/any", h)                             // want "serve http /any"
	e.Add("patch", "/add", h)                    // want "serve http PATCH /add"
	e.CONNECT("/connect", h)                     // want "serve http CONNECT /connect"
	e.TRACE("/trace", h)                         // want "serve http TRACE /trace"
	e.Match([]string{"GET", "PUT"}, "/match", h) // want "serve http /match"

	g := e.Group("/v1")
	g.GET("/get", h)                      // want "serve http GET /v1/get"
	g.POST("/post", h)                    // want "serve http POST /v1/post"
	g.PUT("/put", h)                      // want "serve http PUT /v1/put"
	g.DELETE("/delete", h)                // want "serve http DELETE /v1/delete"
	g.PATCH("/patch", h)                  // want "serve http PATCH /v1/patch"
	g.HEAD("/head", h)                    // want "serve http HEAD /v1/head"
	g.OPTIONS("/options", h)              // want "serve http OPTIONS /v1/options"
	g.Any("/any", h)                      // want "serve http /v1/any"
	g.Add("patch", "/add", h)             // want "serve http PATCH /v1/add"
	g.CONNECT("/connect", h)              // want "serve http CONNECT /v1/connect"
	g.TRACE("/trace", h)                  // want "serve http TRACE /v1/trace"
	g.Match([]string{"GET"}, "/match", h) // want "serve http /v1/match"
}
