module github.com/dapr/go-sdk

go 1.22
