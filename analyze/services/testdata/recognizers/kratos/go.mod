module example.com/kratos

go 1.22

require (
	github.com/go-kratos/kratos/v2 v2.0.0
	google.golang.org/grpc v1.0.0
)
