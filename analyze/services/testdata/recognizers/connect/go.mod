module example.com/connect

go 1.22

require (
	connectrpc.com/connect v1.0.0
	github.com/bufbuild/connect-go v1.0.0
)
