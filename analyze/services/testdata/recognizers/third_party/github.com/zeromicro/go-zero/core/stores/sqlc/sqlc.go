// Package sqlc stands in for go-zero's sqlc: the API shape archie recognizes, no behaviour.
package sqlc

type CachedConn struct{}

func (cc CachedConn) QueryRowNoCache(v any, q string, args ...any) error { return nil }
