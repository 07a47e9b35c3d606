// Package options stands in for the MongoDB driver's options: the API shape archie recognizes, no behaviour.
package options

type ClientOptions struct{}

func Client() *ClientOptions { return &ClientOptions{} }

func (c *ClientOptions) ApplyURI(uri string) *ClientOptions { return c }
