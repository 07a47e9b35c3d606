// Package http stands in for kratos's HTTP transport: the API shape archie recognizes, no behaviour.
package http

import (
	"context"
	"net/http"

	"github.com/go-kratos/kratos/v2/middleware"
)

type Context interface {
	context.Context
	Bind(interface{}) error
	BindVars(interface{}) error
	BindQuery(interface{}) error
	Middleware(middleware.Handler) middleware.Handler
	Result(int, interface{}) error
}

type HandlerFunc func(Context) error

type FilterFunc func(http.Handler) http.Handler

type ServerOption func(*Server)

type Server struct {
	*http.Server
}

func NewServer(opts ...ServerOption) *Server { return &Server{} }

func (s *Server) Route(prefix string, filters ...FilterFunc) *Router { return &Router{} }
func (s *Server) Handle(path string, h http.Handler)                 {}
func (s *Server) HandleFunc(path string, h http.HandlerFunc)         {}
func (s *Server) HandlePrefix(prefix string, h http.Handler)         {}
func (s *Server) Start(ctx context.Context) error                    { return nil }

type Router struct{}

func (r *Router) Handle(method, relativePath string, h HandlerFunc, filters ...FilterFunc) {}
func (r *Router) GET(path string, h HandlerFunc, m ...FilterFunc)                          {}
func (r *Router) HEAD(path string, h HandlerFunc, m ...FilterFunc)                         {}
func (r *Router) POST(path string, h HandlerFunc, m ...FilterFunc)                         {}
func (r *Router) PUT(path string, h HandlerFunc, m ...FilterFunc)                          {}
func (r *Router) PATCH(path string, h HandlerFunc, m ...FilterFunc)                        {}
func (r *Router) DELETE(path string, h HandlerFunc, m ...FilterFunc)                       {}
func (r *Router) CONNECT(path string, h HandlerFunc, m ...FilterFunc)                      {}
func (r *Router) OPTIONS(path string, h HandlerFunc, m ...FilterFunc)                      {}
func (r *Router) TRACE(path string, h HandlerFunc, m ...FilterFunc)                        {}

func SetOperation(ctx context.Context, op string) {}
