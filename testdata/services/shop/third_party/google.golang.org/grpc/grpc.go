// Package grpc is a stand-in with the API shape archie recognizes; it does nothing.
package grpc

import "context"

type CallOption interface{}
type DialOption interface{}

type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error
}

type ClientConn struct{ target string }

func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}

func Dial(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{target}, nil }

func NewClient(target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{target}, nil
}

type MethodDesc struct {
	MethodName string
	Handler    func(srv any, ctx context.Context, dec func(any) error) (any, error)
}

type ServiceDesc struct {
	ServiceName string
	HandlerType any
	Methods     []MethodDesc
}

type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

type Server struct{ services map[string]any }

func NewServer() *Server { return &Server{services: map[string]any{}} }

func (s *Server) RegisterService(desc *ServiceDesc, impl any) { s.services[desc.ServiceName] = impl }

func (s *Server) Serve(addr string) error { return nil }
