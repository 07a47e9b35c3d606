// Package middleware stands in for kratos's middleware: the API shape archie recognizes, no behaviour.
package middleware

import "context"

type Handler func(ctx context.Context, req interface{}) (interface{}, error)

type Middleware func(Handler) Handler
