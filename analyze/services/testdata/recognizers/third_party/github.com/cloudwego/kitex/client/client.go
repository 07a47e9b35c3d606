// Package client stands in for Kitex's: the API shape archie recognizes, no behaviour.
package client

import (
	"context"

	"github.com/cloudwego/kitex/pkg/serviceinfo"
)

type Option struct{}

func WithDestService(name string) Option { return Option{} }

type Client interface {
	Call(ctx context.Context, method string, request, response interface{}) error
}

func NewClient(svcInfo *serviceinfo.ServiceInfo, opts ...Option) (Client, error) { return nil, nil }
