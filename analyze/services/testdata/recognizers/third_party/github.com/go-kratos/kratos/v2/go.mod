module github.com/go-kratos/kratos/v2

go 1.22

require google.golang.org/grpc v1.0.0
