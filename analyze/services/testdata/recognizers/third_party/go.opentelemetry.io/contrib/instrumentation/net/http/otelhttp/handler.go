// Package otelhttp stands in for OpenTelemetry's net/http instrumentation: the API shape archie recognizes, no behaviour.
package otelhttp

import "net/http"

type Option interface{}

func NewHandler(handler http.Handler, operation string, opts ...Option) http.Handler { return handler }
