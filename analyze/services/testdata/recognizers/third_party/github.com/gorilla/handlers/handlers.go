// Package handlers stands in for gorilla/handlers: the API shape archie recognizes, no behaviour.
package handlers

import (
	"io"
	"net/http"
)

type CORSOption func()

func LoggingHandler(out io.Writer, h http.Handler) http.Handler { return h }

func CORS(opts ...CORSOption) func(http.Handler) http.Handler {
	return func(h http.Handler) http.Handler { return h }
}
