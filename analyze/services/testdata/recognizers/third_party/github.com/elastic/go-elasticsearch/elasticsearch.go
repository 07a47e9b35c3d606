// Package elasticsearch stands in for go-elasticsearch: the API shape archie recognizes, no behaviour.
package elasticsearch

import "github.com/elastic/go-elasticsearch/v8/esapi"

type Config struct{ Addresses []string }

type Client struct{ *esapi.API }

func NewClient(cfg Config) (*Client, error) { return &Client{API: &esapi.API{}}, nil }
func NewDefaultClient() (*Client, error)    { return &Client{API: &esapi.API{}}, nil }
