module example.com/swaggerclient

go 1.22

require github.com/go-openapi/runtime v0.0.0
