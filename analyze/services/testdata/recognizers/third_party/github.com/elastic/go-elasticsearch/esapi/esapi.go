// Package esapi stands in for go-elasticsearch's esapi: the API shape archie recognizes, no behaviour.
package esapi

import (
	"context"
	"io"
)

type Transport interface{}

type Response struct{}

type API struct {
	Index         Index
	Create        Create
	Update        Update
	Delete        Delete
	Get           Get
	Exists        Exists
	Search        Search
	Count         Count
	DeleteByQuery DeleteByQuery
	UpdateByQuery UpdateByQuery
}

type Index func(index string, body io.Reader, o ...func(*IndexRequest)) (*Response, error)
type Create func(index, id string, body io.Reader) (*Response, error)
type Update func(index, id string, body io.Reader) (*Response, error)
type Delete func(index, id string) (*Response, error)
type Get func(index, id string) (*Response, error)
type Exists func(index, id string) (*Response, error)

type Search func(o ...func(*SearchRequest)) (*Response, error)
type Count func(o ...func(*SearchRequest)) (*Response, error)
type DeleteByQuery func(index []string, body io.Reader, o ...func(*SearchRequest)) (*Response, error)
type UpdateByQuery func(index []string, o ...func(*SearchRequest)) (*Response, error)

func (f Index) WithDocumentID(v string) func(*IndexRequest)         { return nil }
func (f Search) WithIndex(v ...string) func(*SearchRequest)         { return nil }
func (f Search) WithContext(v context.Context) func(*SearchRequest) { return nil }
func (f Count) WithIndex(v ...string) func(*SearchRequest)          { return nil }

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
