module example.com/gin

go 1.22

require (
	github.com/gin-gonic/gin v1.0.0
)
