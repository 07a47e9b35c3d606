module example.com/grpc

go 1.22

require (
	google.golang.org/grpc v1.0.0
)
