// Package count stands in for the typed API's count request.
package count

type Count struct{}

func (r *Count) Index(index string) *Count { return r }
func (r *Count) Do(ctx any) (any, error)   { return nil, nil }
