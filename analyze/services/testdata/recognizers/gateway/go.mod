module example.com/gateway

go 1.22

require (
	github.com/grpc-ecosystem/grpc-gateway/v2 v2.0.0
	google.golang.org/grpc v1.0.0
)
