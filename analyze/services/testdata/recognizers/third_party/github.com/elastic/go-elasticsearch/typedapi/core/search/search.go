// Package search stands in for the typed API's search request.
package search

type Search struct{}

func (r *Search) Index(index string) *Search { return r }
func (r *Search) Do(ctx any) (any, error)    { return nil, nil }
