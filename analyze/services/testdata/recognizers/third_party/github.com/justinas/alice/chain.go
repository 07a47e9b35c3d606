// Package alice stands in for justinas/alice: the API shape archie recognizes, no behaviour.
package alice

import "net/http"

type Constructor func(http.Handler) http.Handler

type Chain struct{ constructors []Constructor }

func New(constructors ...Constructor) Chain { return Chain{constructors} }

func (c Chain) Then(h http.Handler) http.Handler          { return h }
func (c Chain) ThenFunc(fn http.HandlerFunc) http.Handler { return fn }
