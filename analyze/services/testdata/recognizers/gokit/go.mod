module example.com/gokit

go 1.22

require (
	github.com/go-kit/kit v0.13.0
	google.golang.org/grpc v1.0.0
)
