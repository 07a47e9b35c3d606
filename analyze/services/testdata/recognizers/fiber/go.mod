module example.com/fiber

go 1.22

require (
	github.com/gofiber/fiber/v2 v2.0.0
)
