// Package elastic stands in for olivere/elastic: the API shape archie recognizes, no behaviour.
package elastic

import "context"

type ClientOptionFunc func(*Client) error

func SetURL(urls ...string) ClientOptionFunc { return nil }

type Client struct{}

func NewClient(options ...ClientOptionFunc) (*Client, error)       { return &Client{}, nil }
func NewSimpleClient(options ...ClientOptionFunc) (*Client, error) { return &Client{}, nil }

type IndexService struct{}
type UpdateService struct{}
type GetService struct{}
type DeleteService struct{}
type SearchService struct{}
type IndicesCreateService struct{}
type IndicesDeleteService struct{}
type IndicesExistsService struct{}

func (c *Client) Index() *IndexService                          { return &IndexService{} }
func (c *Client) Update() *UpdateService                        { return &UpdateService{} }
func (c *Client) Get() *GetService                              { return &GetService{} }
func (c *Client) Delete() *DeleteService                        { return &DeleteService{} }
func (c *Client) Search(indices ...string) *SearchService       { return &SearchService{} }
func (c *Client) CreateIndex(name string) *IndicesCreateService { return nil }
func (c *Client) DeleteIndex(indices ...string) *IndicesDeleteService {
	return nil
}
func (c *Client) IndexExists(indices ...string) *IndicesExistsService { return nil }

func (s *IndexService) Index(index string) *IndexService      { return s }
func (s *UpdateService) Index(index string) *UpdateService    { return s }
func (s *GetService) Index(index string) *GetService          { return s }
func (s *DeleteService) Index(index string) *DeleteService    { return s }
func (s *SearchService) Index(index ...string) *SearchService { return s }
func (s *IndexService) Do(ctx context.Context) (any, error)   { return nil, nil }
func (s *SearchService) Do(ctx context.Context) (any, error)  { return nil, nil }
