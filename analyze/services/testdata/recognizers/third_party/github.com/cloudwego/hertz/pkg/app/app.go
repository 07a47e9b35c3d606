// Package app stands in for Hertz's: the API shape archie recognizes, no behaviour.
package app

import "context"

type RequestContext struct{}

type HandlerFunc func(c context.Context, ctx *RequestContext)
