// Package rest stands in for go-zero's rest: the API shape archie recognizes, no behaviour.
package rest

import (
	"net/http"
	"time"
)

type (
	Middleware func(next http.HandlerFunc) http.HandlerFunc

	Route struct {
		Method  string
		Path    string
		Handler http.HandlerFunc
	}

	RouteOption func(r *featuredRoutes)

	featuredRoutes struct {
		timeout time.Duration
		prefix  string
	}

	RestConf struct {
		Host string
		Port int
	}

	RunOption func(*Server)

	Server struct{}
)

func MustNewServer(c RestConf, opts ...RunOption) *Server { return &Server{} }

func (s *Server) AddRoutes(rs []Route, opts ...RouteOption) {}
func (s *Server) AddRoute(r Route, opts ...RouteOption)     {}
func (s *Server) Use(middleware Middleware)                 {}
func (s *Server) Start()                                    {}
func (s *Server) Stop()                                     {}

func WithPrefix(group string) RouteOption { return func(r *featuredRoutes) { r.prefix = group } }
func WithJwt(secret string) RouteOption   { return func(r *featuredRoutes) {} }
func WithTimeout(timeout time.Duration) RouteOption {
	return func(r *featuredRoutes) { r.timeout = timeout }
}

func WithMiddlewares(ms []Middleware, rs ...Route) []Route      { return rs }
func WithMiddleware(middleware Middleware, rs ...Route) []Route { return rs }
