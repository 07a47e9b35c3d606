// Command fiber serves routes with fiber: on the app, on a group (a
// Router), in a Route function and on an app mounted under a prefix.
package main

import "github.com/gofiber/fiber/v2"

func h(c *fiber.Ctx) error { return nil }

func main() {
	app := fiber.New()
	app.Get("/get", h)          // want "serve http GET /get"
	app.Post("/post", h)        // want "serve http POST /post"
	app.Put("/put", h)          // want "serve http PUT /put"
	app.Delete("/delete", h)    // want "serve http DELETE /delete"
	app.Patch("/patch", h)      // want "serve http PATCH /patch"
	app.Head("/head", h)        // want "serve http HEAD /head"
	app.Options("/options", h)  // want "serve http OPTIONS /options"
	app.Connect("/connect", h)  // want "serve http CONNECT /connect"
	app.Trace("/trace", h)      // want "serve http TRACE /trace"
	app.All("/all", h)          // want "serve http /all"
	app.Add("patch", "/add", h) // want "serve http PATCH /add"

	api := app.Group("/api")
	api.Get("/get", h)          // want "serve http GET /api/get"
	api.Post("/post", h)        // want "serve http POST /api/post"
	api.Put("/put", h)          // want "serve http PUT /api/put"
	api.Delete("/delete", h)    // want "serve http DELETE /api/delete"
	api.Patch("/patch", h)      // want "serve http PATCH /api/patch"
	api.Head("/head", h)        // want "serve http HEAD /api/head"
	api.Options("/options", h)  // want "serve http OPTIONS /api/options"
	api.Connect("/connect", h)  // want "serve http CONNECT /api/connect"
	api.Trace("/trace", h)      // want "serve http TRACE /api/trace"
	api.All("/all", h)          // want "serve http /api/all"
	api.Add("patch", "/add", h) // want "serve http PATCH /api/add"
	v1 := api.Group("/v1")
	v1.Get("/users", h) // want "serve http GET /api/v1/users"

	app.Route("/orders", func(r fiber.Router) {
		r.Get("/:id", h) // want "serve http GET /orders/:id"
	})
	api.Route("/carts", func(r fiber.Router) {
		r.Post("/", h) // want "serve http POST /api/carts/"
	})

	admin := fiber.New()
	admin.Get("/stats", h) // want "serve http GET /admin/stats"
	app.Mount("/admin", admin)
	billing := fiber.New()
	billing.Get("/invoices", h) // want "serve http GET /api/billing/invoices"
	api.Mount("/billing", billing)

	// Through an interface of the program's own that the app satisfies.
	var reg registrar = app
	reg.Get("/port", h) // want "serve http GET /port"

	app.Listen(":3000")
}

// registrar is the program's own view of the app.
type registrar interface {
	Get(path string, handlers ...fiber.Handler) fiber.Router
}
