// Command kratos serves a greeter over kratos's gRPC and HTTP transports:
// the generated RegisterGreeterServer and RegisterGreeterHTTPServer, whose
// routes (in the generated code) are served by the greeter's methods, and
// routes of its own.
package main

import (
	"context"
	"net/http"

	v1 "example.com/kratos/api/helloworld/v1"
	kgrpc "github.com/go-kratos/kratos/v2/transport/grpc"
	khttp "github.com/go-kratos/kratos/v2/transport/http"
)

type GreeterService struct {
	v1.UnimplementedGreeterServer
}

func (s *GreeterService) SayHello(ctx context.Context, in *v1.HelloRequest) (*v1.HelloReply, error) {
	http.Get("http://users/" + in.Name) // want "call http GET http://users/… in GET /helloworld/{name}, helloworld.v1.Greeter/SayHello"
	return &v1.HelloReply{}, nil
}

func (s *GreeterService) Forget(ctx context.Context, in *v1.HelloRequest) (*v1.HelloReply, error) {
	http.NewRequest("DELETE", "http://users/"+in.Name, nil) // want "call http DELETE http://users/… in DELETE /helloworld/{name}, helloworld.v1.Greeter/Forget"
	return &v1.HelloReply{}, nil
}

func stats(ctx khttp.Context) error {
	http.Get("http://metrics/stats") // want "call http GET http://metrics/stats in GET /admin/stats, PUT /admin/stats"
	return nil
}

func noop(ctx khttp.Context) error { return nil }

func health(w http.ResponseWriter, r *http.Request) {}

func main() {
	greeter := &GreeterService{}
	grpcSrv := kgrpc.NewServer()
	v1.RegisterGreeterServer(grpcSrv, greeter) // want "serve grpc helloworld.v1.Greeter"
	httpSrv := khttp.NewServer()
	v1.RegisterGreeterHTTPServer(httpSrv, greeter)

	admin := httpSrv.Route("/admin")
	admin.GET("/stats", stats)                                       // want "serve http GET /admin/stats"
	admin.Handle("put", "/stats", stats)                             // want "serve http PUT /admin/stats"
	admin.POST("/post", noop)                                        // want "serve http POST /admin/post"
	admin.PUT("/put", noop)                                          // want "serve http PUT /admin/put"
	admin.PATCH("/patch", noop)                                      // want "serve http PATCH /admin/patch"
	admin.HEAD("/head", noop)                                        // want "serve http HEAD /admin/head"
	admin.OPTIONS("/options", noop)                                  // want "serve http OPTIONS /admin/options"
	admin.CONNECT("/connect", noop)                                  // want "serve http CONNECT /admin/connect"
	admin.TRACE("/trace", noop)                                      // want "serve http TRACE /admin/trace"
	httpSrv.HandleFunc("/healthz", health)                           // want "serve http /healthz"
	httpSrv.Handle("/metrics", http.HandlerFunc(health))             // want "serve http /metrics"
	httpSrv.HandlePrefix("/static/", http.FileServer(http.Dir("."))) // want "serve http /static/*"
	httpSrv.Start(context.Background())
}
