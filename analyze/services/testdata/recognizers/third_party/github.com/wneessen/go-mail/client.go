// Package mail stands in for go-mail: the API shape archie recognizes, no behaviour.
package mail

type Client struct{}

type Option func(*Client) error

func WithPort(port int) Option { return nil }

func NewClient(host string, opts ...Option) (*Client, error) { return &Client{}, nil }
