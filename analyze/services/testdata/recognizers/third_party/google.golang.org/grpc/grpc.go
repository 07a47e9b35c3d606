// Package grpc stands in for grpc-go: the API shape archie recognizes, no behaviour.
package grpc

import "context"

type CallOption interface{}
type DialOption interface{}

type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error
}

type ClientConn struct{}

func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}

func Dial(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }

func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{}, nil
}

func NewClient(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }

type ServiceDesc struct {
	ServiceName string
	HandlerType any
}

type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

type Server struct{}

func NewServer() *Server { return &Server{} }

func (s *Server) RegisterService(desc *ServiceDesc, impl any) {}
