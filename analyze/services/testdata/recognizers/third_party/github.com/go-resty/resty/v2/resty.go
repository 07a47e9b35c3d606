// Package resty stands in for go-resty: the API shape archie recognizes, no behaviour.
package resty

type Client struct{}

func New() *Client { return &Client{} }

type Request struct{}

func (c *Client) R() *Request { return &Request{} }

type Response struct{}

func (r *Request) Get(url string) (*Response, error)             { return nil, nil }
func (r *Request) Post(url string) (*Response, error)            { return nil, nil }
func (r *Request) Put(url string) (*Response, error)             { return nil, nil }
func (r *Request) Delete(url string) (*Response, error)          { return nil, nil }
func (r *Request) Patch(url string) (*Response, error)           { return nil, nil }
func (r *Request) Execute(method, url string) (*Response, error) { return nil, nil }

func (c *Client) SetBaseURL(url string) *Client { return c }
func (c *Client) SetHeader(k, v string) *Client { return c }

func (r *Request) SetPathParam(k, v string) *Request { return r }
