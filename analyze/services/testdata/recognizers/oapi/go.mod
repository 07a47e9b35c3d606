module example.com/oapi

go 1.22

require (
	github.com/go-chi/chi/v5 v5.0.0
	github.com/labstack/echo/v4 v4.0.0
)
