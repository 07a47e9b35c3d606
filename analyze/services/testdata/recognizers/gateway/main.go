// Command gateway serves the HTTP routes grpc-gateway generates for a
// gRPC service: forwarded to the service at an endpoint it dials
// (RegisterGreeterHandlerFromEndpoint), whose calls its routes make, and
// served in-process by an implementation (RegisterGreeterHandlerServer),
// whose methods serve its routes.
package main

import (
	"context"
	"net/http"

	"example.com/gateway/gen/helloworld"
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"
)

type server struct{}

func (server) SayHello(ctx context.Context, in *helloworld.HelloRequest) (*helloworld.HelloReply, error) {
	http.Get("http://users/" + in.Name) // want "call http GET http://users/… in GET /v1/greeter/{name}"
	return nil, nil
}

func (server) Farewell(ctx context.Context, in *helloworld.HelloRequest) (*helloworld.HelloReply, error) {
	return nil, nil
}

func main() {
	ctx := context.Background()
	mux := runtime.NewServeMux()
	helloworld.RegisterGreeterHandlerFromEndpoint(ctx, mux, "greeter:9090", []grpc.DialOption{})
	helloworld.RegisterGreeterHandlerServer(ctx, mux, server{})
	mux.HandlePath("GET", "/healthz", func(w http.ResponseWriter, r *http.Request, _ map[string]string) { // want "serve http GET /healthz"
		http.Get("http://db/ping") // want "call http GET http://db/ping in GET /healthz"
	})
	root := runtime.MustPattern(runtime.NewPattern(1, []int{2, 0}, []string{""}, ""))
	mux.Handle("GET", root, func(w http.ResponseWriter, r *http.Request, _ map[string]string) {}) // want "serve http GET /"
	http.ListenAndServe(":8080", mux)
}
