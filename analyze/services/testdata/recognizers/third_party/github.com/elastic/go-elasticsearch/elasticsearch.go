// Package elasticsearch stands in for go-elasticsearch: the API shape archie recognizes, no behaviour.
package elasticsearch

import (
	"github.com/elastic/go-elasticsearch/v8/esapi"
	"github.com/elastic/go-elasticsearch/v8/typedapi"
)

type Config struct{ Addresses []string }

type Client struct{ *esapi.API }

func NewClient(cfg Config) (*Client, error) { return &Client{API: &esapi.API{}}, nil }
func NewDefaultClient() (*Client, error)    { return &Client{API: &esapi.API{}}, nil }

type BaseClient struct{}

// TypedClient is the typed API's client: its requests are builders.
type TypedClient struct {
	BaseClient
	*typedapi.MethodAPI
}

func NewTypedClient(cfg Config) (*TypedClient, error) {
	return &TypedClient{MethodAPI: &typedapi.MethodAPI{}}, nil
}
