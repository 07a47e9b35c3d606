// Command gokit calls another service through go-kit's gRPC transport: the
// client names the proto service and method as strings, and the call
// happens when its endpoint is invoked.
package main

import (
	"context"

	grpctransport "github.com/go-kit/kit/transport/grpc"
	"google.golang.org/grpc"
)

const service = "pb.Add"

func main() {
	conn, _ := grpc.Dial("addsvc:8082")                                            // want "dial addsvc:8082"
	sum := grpctransport.NewClient(conn, service, "Sum", nil, nil, nil).Endpoint() // want "call grpc pb.Add/Sum"
	sum(context.Background(), nil)
	method := "Concat"
	grpctransport.NewClient(conn, "pb.Add", method, nil, nil, nil) // want "call grpc pb.Add/Concat"
}
