// Package minio stands in for minio-go: the API shape archie recognizes, no behaviour.
package minio

type Options struct{ Secure bool }

type Client struct{}

func New(endpoint string, opts *Options) (*Client, error) { return &Client{}, nil }
