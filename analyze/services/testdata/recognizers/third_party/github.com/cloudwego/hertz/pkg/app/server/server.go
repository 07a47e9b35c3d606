// Package server stands in for Hertz's: the API shape archie recognizes, no behaviour.
package server

import "github.com/cloudwego/hertz/pkg/route"

type Hertz struct {
	*route.Engine
}

func Default() *Hertz { return &Hertz{Engine: &route.Engine{}} }

func (h *Hertz) Spin() {}
