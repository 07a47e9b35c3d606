// Command kitex serves a Kitex service and calls one, through the code
// Kitex generates for them.
package main

import (
	"context"

	"example.com/kitex/gen/registry"
	"example.com/kitex/gen/user"
	"example.com/kitex/gen/user/userservice"
	"github.com/cloudwego/kitex/server"
)

type users struct{}

type reg struct{}

func (reg) Register(server.Server) error { return nil }

func (users) Login(ctx context.Context, req *user.LoginReq) (*user.LoginResp, error) {
	c, _ := userservice.NewClient("user")
	return c.Login(ctx, req) // want "call grpc user.UserService/Login in user.UserService/Login"
}

func main() {
	svr := userservice.NewServer(users{}) // want "serve grpc user.UserService"
	// Several services on one server: registered one by one.
	more := server.NewServer()
	more.RegisterService(userservice.NewServiceInfo(), users{}) // want "serve grpc user.UserService"
	svr.Run()
	more.Run()
	registry.NewServer(reg{}).Run()
	registry.Tracer{}.Close()
}
