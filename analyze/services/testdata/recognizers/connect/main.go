// Command connect serves a connect-go service and a bufbuild/connect-go
// one, and calls both through their generated clients: connect's services
// are proto services, served and called as gRPC's are.
package main

import (
	"context"
	"net/http"

	"connectrpc.com/connect"
	greetv1 "example.com/connect/gen/greet/v1"
	"example.com/connect/gen/greet/v1/greetv1connect"
	pingv1 "example.com/connect/gen/ping/v1"
	"example.com/connect/gen/ping/v1/pingv1connect"
	connect_go "github.com/bufbuild/connect-go"
)

type greeter struct{}

func (greeter) Greet(ctx context.Context, req *connect.Request[greetv1.GreetRequest]) (*connect.Response[greetv1.GreetResponse], error) {
	http.Get("http://users/x") // want "call http GET http://users/x in greet.v1.GreetService/Greet"
	return connect.NewResponse(&greetv1.GreetResponse{}), nil
}

type pinger struct{}

func (pinger) Ping(ctx context.Context, req *connect_go.Request[pingv1.PingRequest]) (*connect_go.Response[pingv1.PingResponse], error) {
	http.Get("http://clock/now") // want "call http GET http://clock/now in ping.v1.PingService/Ping"
	return nil, nil
}

func main() {
	mux := http.NewServeMux()
	mux.Handle(greetv1connect.NewGreetServiceHandler(&greeter{})) // want "serve grpc greet.v1.GreetService" "serve http /greet.v1.GreetService/"
	path, h := pingv1connect.NewPingServiceHandler(pinger{})      // want "serve grpc ping.v1.PingService"
	mux.Handle(path, h)                                           // want "serve http /ping.v1.PingService/"

	ping := pingv1connect.NewPingServiceClient(http.DefaultClient, "http://pinger:8080")     // want "dial http://pinger:8080"
	ping.Ping(context.Background(), connect_go.NewRequest(&pingv1.PingRequest{}))            // want "call grpc ping.v1.PingService/Ping"
	greet := greetv1connect.NewGreetServiceClient(http.DefaultClient, "http://greeter:8080") // want "dial http://greeter:8080"
	greet.Greet(context.Background(), connect.NewRequest(&greetv1.GreetRequest{}))           // want "call grpc greet.v1.GreetService/Greet"
	http.ListenAndServe(":8080", mux)
}
