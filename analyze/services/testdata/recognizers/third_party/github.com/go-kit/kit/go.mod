module github.com/go-kit/kit

go 1.22

require google.golang.org/grpc v1.0.0
