// Package esapi stands in for go-elasticsearch's esapi: the API shape archie recognizes, no behaviour.
package esapi

import (
	"context"
	"io"
)

type Transport interface{}

type Response struct{}

type API struct {
	Index func(index string, body io.Reader) (*Response, error)
}

type IndexRequest struct {
	Index string
	Body  io.Reader
}
type GetRequest struct{ Index, DocumentID string }
type DeleteRequest struct{ Index, DocumentID string }
type UpdateRequest struct{ Index, DocumentID string }
type SearchRequest struct{ Index []string }

func (r IndexRequest) Do(ctx context.Context, t Transport) (*Response, error)  { return nil, nil }
func (r GetRequest) Do(ctx context.Context, t Transport) (*Response, error)    { return nil, nil }
func (r DeleteRequest) Do(ctx context.Context, t Transport) (*Response, error) { return nil, nil }
func (r UpdateRequest) Do(ctx context.Context, t Transport) (*Response, error) { return nil, nil }
func (r SearchRequest) Do(ctx context.Context, t Transport) (*Response, error) { return nil, nil }
