// Package grpc stands in for github.com/go-kit/kit/transport/grpc: the API
// shape archie recognizes, with no behaviour.
package grpc

import (
	"context"

	"google.golang.org/grpc"
)

type (
	EncodeRequestFunc  func(context.Context, interface{}) (interface{}, error)
	DecodeResponseFunc func(context.Context, interface{}) (interface{}, error)
	ClientOption       func(*Client)
)

// A Client calls one method of a gRPC service through its endpoint.
type Client struct{}

// NewClient returns a client for serviceName's method on cc.
func NewClient(cc *grpc.ClientConn, serviceName, method string, enc EncodeRequestFunc, dec DecodeResponseFunc, grpcReply interface{}, options ...ClientOption) *Client {
	return &Client{}
}

// Endpoint returns the function that makes the call.
func (c Client) Endpoint() func(context.Context, interface{}) (interface{}, error) {
	return func(context.Context, interface{}) (interface{}, error) { return nil, nil }
}
