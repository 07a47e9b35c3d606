// Package typedapi stands in for go-elasticsearch's typed API.
package typedapi

import (
	"github.com/elastic/go-elasticsearch/v8/typedapi/core/count"
	"github.com/elastic/go-elasticsearch/v8/typedapi/core/search"
)

type Request struct{}

func (r *Request) Request(doc any) *Request { return r }
func (r *Request) Do(ctx any) (any, error)  { return nil, nil }

type MethodAPI struct{}

func (p *MethodAPI) Index(index string) *Request      { return &Request{} }
func (p *MethodAPI) Create(index, id string) *Request { return &Request{} }
func (p *MethodAPI) Update(index, id string) *Request { return &Request{} }
func (p *MethodAPI) Delete(index, id string) *Request { return &Request{} }
func (p *MethodAPI) Get(index, id string) *Request    { return &Request{} }
func (p *MethodAPI) Exists(index, id string) *Request { return &Request{} }
func (p *MethodAPI) Search() *search.Search           { return &search.Search{} }
func (p *MethodAPI) Count() *count.Count              { return &count.Count{} }
