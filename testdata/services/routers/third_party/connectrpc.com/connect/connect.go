// Package connect stands in for connect-go: the API shape archie recognizes, no behaviour.
package connect

import (
	"context"
	"net/http"
)

type Request[T any] struct{ Msg *T }

func NewRequest[T any](message *T) *Request[T] { return &Request[T]{Msg: message} }

type Response[T any] struct{ Msg *T }

func NewResponse[T any](message *T) *Response[T] { return &Response[T]{Msg: message} }

type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

type ClientOption interface{ applyToClient() }
type HandlerOption interface{ applyToHandler() }

func WithClientOptions(options ...ClientOption) ClientOption    { return nil }
func WithHandlerOptions(options ...HandlerOption) HandlerOption { return nil }

type Client[Req, Res any] struct{}

func NewClient[Req, Res any](httpClient HTTPClient, url string, options ...ClientOption) *Client[Req, Res] {
	return &Client[Req, Res]{}
}

func (c *Client[Req, Res]) CallUnary(ctx context.Context, request *Request[Req]) (*Response[Res], error) {
	return nil, nil
}

type Handler struct{}

func NewUnaryHandler[Req, Res any](procedure string, unary func(context.Context, *Request[Req]) (*Response[Res], error), options ...HandlerOption) *Handler {
	return &Handler{}
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
