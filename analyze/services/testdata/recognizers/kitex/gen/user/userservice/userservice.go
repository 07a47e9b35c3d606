// Package userservice has the shape of what Kitex generates for the IDL
// service UserService (kitex_gen/user/userservice).
package userservice

import (
	"context"

	"example.com/kitex/gen/user"
	"github.com/cloudwego/kitex/client"
	"github.com/cloudwego/kitex/pkg/serviceinfo"
	"github.com/cloudwego/kitex/server"
)

var userServiceServiceInfo = NewServiceInfo()

func serviceInfo() *serviceinfo.ServiceInfo { return userServiceServiceInfo }

func NewServiceInfo() *serviceinfo.ServiceInfo {
	serviceName := "UserService"
	return &serviceinfo.ServiceInfo{ServiceName: serviceName, Extra: map[string]interface{}{"PackageName": "user"}}
}

// NewServer creates a server.Server with the given handler and options.
func NewServer(handler user.UserService, opts ...server.Option) server.Server {
	svr := server.NewServer(opts...)
	if err := svr.RegisterService(serviceInfo(), handler); err != nil {
		panic(err)
	}
	return svr
}

type Client interface {
	Login(ctx context.Context, req *user.LoginReq) (*user.LoginResp, error)
}

// NewClient creates a client for the service defined in IDL.
func NewClient(destService string, opts ...client.Option) (Client, error) {
	kc, err := client.NewClient(serviceInfo(), append(opts, client.WithDestService(destService))...)
	if err != nil {
		return nil, err
	}
	return &kClient{c: kc}, nil
}

type kClient struct{ c client.Client }

func (p *kClient) Login(ctx context.Context, req *user.LoginReq) (*user.LoginResp, error) {
	var resp user.LoginResp
	if err := p.c.Call(ctx, "Login", req, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}
