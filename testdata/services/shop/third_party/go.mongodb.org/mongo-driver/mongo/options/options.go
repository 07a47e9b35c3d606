// Package options is a stand-in with the API shape archie recognizes; it does nothing.
package options

type ClientOptions struct{ URI string }

func Client() *ClientOptions { return &ClientOptions{} }

func (c *ClientOptions) ApplyURI(uri string) *ClientOptions { c.URI = uri; return c }
