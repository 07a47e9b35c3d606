// Package config is a stand-in for kratos's config: the API shape archie reads, no behaviour.
package config

type Source interface{ Load() error }

type Config interface {
	Load() error
	Scan(v any) error
}

type Option func()

func WithSource(s ...Source) Option { return func() {} }

type config struct{}

func (config) Load() error      { return nil }
func (config) Scan(v any) error { return nil }

func New(opts ...Option) Config { return config{} }
