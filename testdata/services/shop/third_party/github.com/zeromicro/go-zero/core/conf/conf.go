// Package conf stands in for go-zero's config loader: the API shape
// archie recognizes, no behaviour.
package conf

type Option func(*options)

type options struct{}

// MustLoad fills v from the YAML file at path.
func MustLoad(path string, v any, opts ...Option) {}

// Load fills v from the YAML file at path.
func Load(path string, v any, opts ...Option) error { return nil }
