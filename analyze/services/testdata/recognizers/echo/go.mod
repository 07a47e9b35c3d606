module example.com/echo

go 1.22

require (
	github.com/labstack/echo/v4 v4.0.0
)
