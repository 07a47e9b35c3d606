// Package server stands in for Kitex's: the API shape archie recognizes, no behaviour.
package server

import "github.com/cloudwego/kitex/pkg/serviceinfo"

type Option struct{}

type Server interface {
	RegisterService(svcInfo *serviceinfo.ServiceInfo, handler interface{}) error
	Run() error
}

func NewServer(opts ...Option) Server { return nil }
