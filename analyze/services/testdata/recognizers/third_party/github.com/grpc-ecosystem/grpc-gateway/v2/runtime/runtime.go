// Package runtime stands in for grpc-gateway's runtime: the API shape archie recognizes, no behaviour.
package runtime

import (
	"context"
	"net/http"
)

type ServeMuxOption func(*ServeMux)

type ServeMux struct{}

func NewServeMux(opts ...ServeMuxOption) *ServeMux { return &ServeMux{} }

type HandlerFunc func(w http.ResponseWriter, r *http.Request, pathParams map[string]string)

func (s *ServeMux) Handle(meth string, pat Pattern, h HandlerFunc)                  {}
func (s *ServeMux) HandlePath(meth string, pathPattern string, h HandlerFunc) error { return nil }
func (s *ServeMux) ServeHTTP(w http.ResponseWriter, r *http.Request)                {}

type Pattern struct {
	ops  []int
	pool []string
	verb string
}

type PatternOpt func()

func NewPattern(version int, ops []int, pool []string, verb string, opts ...PatternOpt) (Pattern, error) {
	return Pattern{ops, pool, verb}, nil
}

func MustPattern(p Pattern, err error) Pattern { return p }

type Marshaler interface{}

func MarshalerForRequest(mux *ServeMux, r *http.Request) (inbound Marshaler, outbound Marshaler) {
	return nil, nil
}

func HTTPError(ctx context.Context, mux *ServeMux, marshaler Marshaler, w http.ResponseWriter, r *http.Request, err error) {
}

func ForwardResponseMessage(ctx context.Context, mux *ServeMux, marshaler Marshaler, w http.ResponseWriter, req *http.Request, resp any) {
}
