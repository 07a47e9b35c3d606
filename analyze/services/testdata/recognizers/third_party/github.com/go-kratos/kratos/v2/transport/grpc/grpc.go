// Package grpc stands in for kratos's gRPC transport: the API shape archie recognizes, no behaviour.
package grpc

import (
	"context"

	"google.golang.org/grpc"
)

type ServerOption func(*Server)

type Server struct {
	*grpc.Server
}

func NewServer(opts ...ServerOption) *Server { return &Server{Server: grpc.NewServer()} }

func (s *Server) Start(ctx context.Context) error { return nil }
