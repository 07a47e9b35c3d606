module example.com/dapr

go 1.22

require github.com/dapr/go-sdk v1.0.0
