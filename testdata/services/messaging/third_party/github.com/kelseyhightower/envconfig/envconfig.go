// Package envconfig is a stand-in with the API shape archie reads; it does nothing.
package envconfig

func Process(prefix string, spec any) error { return nil }
